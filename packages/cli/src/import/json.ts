import type { JsonValue } from '@stepcraft/asl';

/** A JSON value as TypeScript source (`__proto__` keys stay own data keys). */
export function printJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return printList(value.map(printJson), '[', ']');
  const entries = Object.keys(value).map(
    (key) => `${propertyKey(key)}: ${printJson(value[key] as JsonValue)}`,
  );
  return printList(entries, '{', '}');
}

// Longer lists go one item per line; the formatter then indents them.
const MAX_INLINE = 72;

/** A bracketed list on one line when short, else one item per line (with a trailing comma). */
export function printList(items: readonly string[], open: string, close: string, max = MAX_INLINE): string {
  if (items.length === 0) return `${open}${close}`;
  const inline = items.join(', ');
  const pad = open === '{' ? ' ' : '';
  if (inline.length <= max && !inline.includes('\n')) return `${open}${pad}${inline}${pad}${close}`;
  return `${open}\n${items.map((item) => `${item},\n`).join('')}${close}`;
}

/** Whether a value is a JSON object (not an array). */
export function isObject(value: unknown): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a template value holds a `….$` key anywhere (then it is not plain data). */
export function hasDynamicKey(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(hasDynamicKey);
  if (!isObject(value)) return false;
  return Object.keys(value).some((key) => key.endsWith('.$') || hasDynamicKey(value[key] as JsonValue));
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object literal key: bare when it is an identifier, quoted otherwise; `__proto__` computed, so it stays data. */
export function propertyKey(key: string): string {
  if (key === '__proto__') return `[${JSON.stringify(key)}]`;
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}
