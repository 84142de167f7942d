import { failed, type ParseResult, parsed } from '../parse-result.js';

/** A lexed value plus the offset just past it. */
export interface Lexed<T> {
  readonly value: T;
  readonly end: number;
}

const ID_START = /^[\p{ID_Start}_]$/u;
const ID_CONTINUE = /^[\p{ID_Continue}\u200C\u200D]$/u;

/** Whether `ch` may start an identifier (variable names: Unicode ID_Start or `_`). */
export function isIdStart(ch: string): boolean {
  return ID_START.test(ch);
}

/** Whether `ch` may continue an identifier. */
export function isIdContinue(ch: string): boolean {
  return ID_CONTINUE.test(ch);
}

/** Reads an identifier starting at `start` (code-point aware); empty when none starts there. */
export function readIdentifier(text: string, start: number): Lexed<string> {
  let end = start;
  for (const ch of text.slice(start)) {
    if (end === start ? !isIdStart(ch) : !isIdContinue(ch)) break;
    end += ch.length;
  }
  return { value: text.slice(start, end), end };
}

/**
 * Reads a `'…'` or `"…"` string at `start` (a quote): `\` before the closing quote character yields the quote,
 * any other backslash stays as written. Returns the text and the offset after the closing quote.
 */
export function readQuoted(text: string, start: number): ParseResult<Lexed<string>> {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === quote) return parsed({ value, end: i + 1 });
    if (ch === '\\') {
      // AWS (Jayway) keeps a backslash verbatim unless it escapes the closing quote: recorded on AWS,
      // $['Test\""Name"'] reads the key `Test\""Name"` (runtime corpus, escape-sequences-jsonpath).
      if (i + 1 >= text.length) break;
      if (text[i + 1] === quote) i++;
    }
    value += text[i];
  }
  return failed(`unterminated string starting at offset ${start}`, start);
}

/** Reads an optionally signed integer at `start`; `undefined` when there is none. */
export function readInteger(text: string, start: number): Lexed<number> | undefined {
  let end = start;
  if (text[end] === '-') end++;
  const digitsStart = end;
  while (end < text.length && isDigit(text[end])) end++;
  if (end === digitsStart) return undefined;
  return { value: Number(text.slice(start, end)), end };
}

/** Whether `ch` is an ASCII digit. */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Skips spaces, tabs and newlines. */
export function skipSpaces(text: string, start: number): number {
  let i = start;
  while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  return i;
}

/** Characters that end a dot-notation property name (Jayway reads names up to these). */
const NAME_STOP = new Set(['.', '[', ']', '(', ')', "'", '"', ',', ' ', '\t', '\n', '\r', '*', '?', '@']);

/** Reads a dot-notation property name at `start`; empty when none starts there. */
export function readDotName(text: string, start: number): Lexed<string> {
  let end = start;
  while (end < text.length && !NAME_STOP.has(text[end] as string)) end++;
  return { value: text.slice(start, end), end };
}

/** The root of a path: `$` (input), `$$` (context) or `$name` (variable); fails when `text` does not start with one. */
export function readRoot(
  text: string,
): ParseResult<Lexed<{ kind: 'input' } | { kind: 'context' } | { kind: 'variable'; name: string }>> {
  if (text[0] !== '$') return failed("a path must start with '$'", 0);
  if (text[1] === '$') return parsed({ value: { kind: 'context' }, end: 2 });
  const name = readIdentifier(text, 1);
  if (name.value === '') return parsed({ value: { kind: 'input' }, end: 1 });
  return parsed({ value: { kind: 'variable', name: name.value }, end: name.end });
}

/** How deeply `(` and `[` may nest in a path or an intrinsic call; deeper text is rejected before parsing. */
export const MAX_NESTING = 64;

/** The offset where `(`/`[` nesting (outside quotes) first exceeds {@link MAX_NESTING}, or `undefined`. */
export function excessiveNesting(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const quoted = readQuoted(text, i);
      if (!quoted.ok) return undefined;
      i = quoted.value.end - 1;
    } else if (ch === '(' || ch === '[') {
      if (++depth > MAX_NESTING) return i;
    } else if (ch === ')' || ch === ']') {
      depth--;
    }
  }
  return undefined;
}
