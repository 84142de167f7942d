import type { JsonValue } from './json.js';

// Characters JSON text writes as themselves, one UTF-8 byte each.
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * The exact UTF-8 byte length of `JSON.stringify(value)`, counted without building the text (so deep values are
 * safe); stops counting once past `stopAfter` (which also ends the walk of a cyclic object).
 */
export function jsonByteLength(value: JsonValue, stopAfter = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= stopAfter) {
    const v = stack.pop();
    if (typeof v === 'string') total += stringBytes(v);
    else if (typeof v === 'number') total += Number.isFinite(v) ? String(v).length : 4;
    else if (typeof v === 'boolean') total += v ? 4 : 5;
    else if (typeof v !== 'object' || v === null)
      total += 4; // null; in arrays also what JSON writes as null
    else if (Array.isArray(v)) {
      total += 2 + Math.max(v.length - 1, 0);
      for (const item of v) stack.push(item);
    } else {
      // Like JSON.stringify, an object leaves out members it cannot write (undefined, functions, symbols).
      let members = 0;
      for (const key of Object.keys(v)) {
        const item = (v as Record<string, unknown>)[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        members++;
        total += stringBytes(key) + 1;
        stack.push(item);
      }
      total += 2 + Math.max(members - 1, 0);
    }
  }
  return total;
}

/** Bytes of a JSON string literal: quotes, escapes and UTF-8 encoding. */
function stringBytes(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length + 2;
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
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
