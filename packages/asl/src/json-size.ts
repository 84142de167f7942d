import type { JsonValue } from './json.js';

// Characters JSON text writes as themselves, one UTF-8 byte each.
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const LONG_TEXT = 64;

/**
 * The exact UTF-8 byte length of `JSON.stringify(value)`, counted without building the text (so deep values are
 * safe); stops counting once past `stopAfter` (which also ends the walk of a cyclic object).
 */
export function jsonByteLength(value: JsonValue, stopAfter = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= stopAfter) {
    const v = stack.pop();
    if (typeof v === 'string') total += jsonStringBytes(v);
    else if (typeof v === 'number') total += jsonNumberLength(v);
    else if (typeof v === 'boolean') total += v ? 4 : 5;
    else if (typeof v !== 'object' || v === null)
      total += 4; // null; in arrays also what JSON writes as null
    else if (Array.isArray(v)) {
      total += 2 + Math.max(v.length - 1, 0);
      // Indexed, not for…of: no iterator per array.
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else {
      // Like JSON.stringify, an object leaves out members it cannot write (undefined, functions, symbols). for…in
      // walks the shape's cached key list (no array per object); own keys only.
      let members = 0;
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        const item = (v as Record<string, unknown>)[key];
        if (!isWrittenMember(item)) continue;
        members++;
        total += jsonStringBytes(key) + 1;
        stack.push(item);
      }
      total += 2 + Math.max(members - 1, 0);
    }
  }
  return total;
}

/** Characters of a JSON number (`null` for NaN and the infinities); whole numbers are counted without text. */
export function jsonNumberLength(value: number): number {
  if (!Number.isSafeInteger(value)) return Number.isFinite(value) ? String(value).length : 4;
  let digits = value < 0 ? 2 : 1;
  for (let rest = Math.abs(value); rest >= 10; rest = Math.floor(rest / 10)) digits++;
  return digits;
}

/** Whether `JSON.stringify` writes an object member holding `value` (it leaves out undefined, functions, symbols). */
export function isWrittenMember(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** Bytes of `text` as a JSON string literal in UTF-8: quotes, escapes and encoding. */
export function jsonStringBytes(text: string): number {
  // Most text is printable ASCII other than `"` and `\`, one byte a character: a short text is scanned here (a
  // regular expression costs more to start than to run), a long one by the regex engine (several times faster).
  if (text.length > LONG_TEXT) return PLAIN_ASCII.test(text) ? text.length + 2 : escapedBytes(text, 0);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c) return escapedBytes(text, i);
  }
  return text.length + 2;
}

/** `jsonStringBytes` from `from` on, where the first character that is not plain ASCII is. */
function escapedBytes(text: string, from: number): number {
  let bytes = 2 + from;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      code === 0x22 ||
      code === 0x5c ||
      code === 0x08 ||
      code === 0x0c ||
      code === 0x0a ||
      code === 0x0d ||
      code === 0x09
    )
      bytes += 2;
    else if (code < 0x20) bytes += 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 6; // a lone surrogate is written as \\uXXXX
    } else if (code >= 0xdc00 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}
