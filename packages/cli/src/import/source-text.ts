import type { JsonObject, JsonValue } from '@stepcraft/asl';

/**
 * Characters never written raw into generated source: controls, format characters (bidi overrides and isolates
 * U+202A–U+202E, U+2066–U+2069, zero-width ones…), surrogates, private-use and unassigned code points, line and
 * paragraph separators, spaces other than U+0020, and every default-ignorable code point (variation selectors,
 * Hangul fillers, tags). In a string they are escaped; they never reach identifiers or comments.
 * @see https://trojansource.codes
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** Whether `text` holds a character that must not be written raw into source. */
export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/** `text` without the characters that must not be written raw into source (for identifiers). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, '');
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

function escapeCodePoint(char: string): string {
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return short;
  const code = char.codePointAt(0) as number;
  return code > 0xffff
    ? `\\u{${code.toString(16).toUpperCase()}}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A single-quoted TypeScript string literal of `text`, every invisible or control character escaped. */
export function printString(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&').replace(INVISIBLE_ALL, escapeCodePoint)}'`;
}

/** `text` made safe for a `//` comment: invisible and control characters (line breaks too) shown as escapes. */
export function commentText(text: string): string {
  return text.replace(INVISIBLE_ALL, escapeCodePoint);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object literal key: bare when it is an identifier, quoted otherwise; `__proto__` computed, so it stays data. */
export function propertyKey(key: string): string {
  if (key === '__proto__') return `[${printString(key)}]`;
  return IDENTIFIER.test(key) ? key : printString(key);
}

// Longer lists go one item per line; the formatter then indents them.
const MAX_INLINE = 72;

/**
 * A bracketed list on one line when short, else one item per line (with a trailing separator): `,` for values,
 * `;` for the members of a type literal.
 */
export function printList(
  items: readonly string[],
  open: string,
  close: string,
  max = MAX_INLINE,
  separator: ',' | ';' = ',',
): string {
  if (items.length === 0) return `${open}${close}`;
  const inline = items.join(`${separator} `);
  const pad = open === '{' ? ' ' : '';
  if (inline.length <= max && !inline.includes('\n')) return `${open}${pad}${inline}${pad}${close}`;
  return `${open}\n${items.map((item) => `${item}${separator}\n`).join('')}${close}`;
}

/** A JSON value as TypeScript source (`__proto__` keys stay own data keys). */
export function printJson(value: JsonValue): string {
  if (typeof value === 'string') return printString(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return printList(value.map(printJson), '[', ']');
  const entries = Object.keys(value).map(
    (key) => `${propertyKey(key)}: ${printJson(value[key] as JsonValue)}`,
  );
  return printList(entries, '{', '}');
}

/** Whether a value is a JSON object (not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
