import type { JsonValue } from '@stepcraft/asl';

/** The outcome of parsing JSON text: the value, or where and why it is not JSON. */
export type JsonParseResult =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/**
 * Parses JSON text (a leading byte-order mark is ignored, as editors add one); on failure reports the
 * 1-based line and column of the first offending character, the same on every Node version.
 */
export function parseJson(text: string): JsonParseResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const { offset, message } = locateSyntaxError(body);
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { ok: false, line, column, message };
  }
}

/** `line 3, column 5: expected …`, for messages. */
export function describeJsonError(error: { line: number; column: number; message: string }): string {
  return `invalid JSON at line ${error.line}, column ${error.column}: ${error.message}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';
const WHITESPACE = ' \t\n\r';
const LITERALS = ['true', 'false', 'null'];

/**
 * Walks text that `JSON.parse` rejected and finds the first offending offset. Iterative (an explicit
 * stack of open containers), so deeply nested input cannot overflow the call stack.
 */
function locateSyntaxError(text: string): { offset: number; message: string } {
  let i = 0;
  let mode: 'value' | 'key' | 'after' = 'value';
  const stack: ('object' | 'array')[] = [];
  const found = () => (i < text.length ? `found ${JSON.stringify(text[i])}` : 'found the end of the text');
  const fail = (expected: string) => ({ offset: i, message: `expected ${expected}, ${found()}` });
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.includes(text.charAt(i))) i++;
  };
  // Returns an error message, or undefined with `i` just past the closing quote.
  const scanString = (): string | undefined => {
    i++;
    for (;;) {
      const c = text.charAt(i);
      if (i >= text.length) return "a closing '\"' for the string";
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        const next = text.charAt(i + 1);
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (next !== 'u' && next !== '' && ESCAPES.includes(next)) i += 2;
        else return 'a valid escape sequence';
      } else if (c.charCodeAt(0) < 0x20) {
        return 'no control characters inside a string (escape them)';
      } else i++;
    }
  };

  for (;;) {
    skipWhitespace();
    const c = text.charAt(i);
    if (mode === 'key') {
      if (c !== '"') return fail('a double-quoted property name');
      const error = scanString();
      if (error !== undefined) return fail(error);
      skipWhitespace();
      if (text.charAt(i) !== ':') return fail("':' after the property name");
      i++;
      mode = 'value';
    } else if (mode === 'value') {
      if (c === '{' || c === '[') {
        i++;
        skipWhitespace();
        const close = c === '{' ? '}' : ']';
        if (text.charAt(i) === close) {
          i++;
          mode = 'after';
        } else {
          stack.push(c === '{' ? 'object' : 'array');
          mode = c === '{' ? 'key' : 'value';
        }
      } else if (c === '"') {
        const error = scanString();
        if (error !== undefined) return fail(error);
        mode = 'after';
      } else {
        NUMBER.lastIndex = i;
        const literal = LITERALS.find((word) => text.startsWith(word, i));
        const length = literal?.length ?? (NUMBER.test(text) ? NUMBER.lastIndex - i : 0);
        if (length === 0) return fail('a JSON value');
        i += length;
        mode = 'after';
      }
    } else {
      const top = stack.at(-1);
      if (top === undefined) {
        return i < text.length
          ? fail('nothing after the JSON value')
          : { offset: 0, message: 'the text is not valid JSON' };
      }
      const close = top === 'object' ? '}' : ']';
      if (c === ',') {
        i++;
        mode = top === 'object' ? 'key' : 'value';
      } else if (c === close) {
        i++;
        stack.pop();
      } else
        return fail(`',' or '${close}' after ${top === 'object' ? 'a property value' : 'an array element'}`);
    }
  }
}
