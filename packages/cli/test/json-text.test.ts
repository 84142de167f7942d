import { describe, expect, test } from 'vitest';
import { parseJson } from '../src/json-text.js';

describe('parseJson', () => {
  test('parses valid JSON and ignores a byte-order mark', () => {
    expect(parseJson('{"a": [1, "x", null]}')).toEqual({ ok: true, value: { a: [1, 'x', null] } });
    expect(parseJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  test('keeps __proto__ as a plain data key', () => {
    const result = parseJson('{"__proto__": {"polluted": true}}');
    expect(result.ok && Object.hasOwn(result.value as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each([
    ['{"a": 1,}', 1, 9, 'expected a double-quoted property name, found "}"'],
    ['{"a" 1}', 1, 6, `expected ':' after the property name, found "1"`],
    ['', 1, 1, 'expected a JSON value, found the end of the text'],
    ['{"a": tru}', 1, 7, 'expected a JSON value, found "t"'],
    ['[1,2', 1, 5, "expected ',' or ']' after an array element, found the end of the text"],
    ['{"a":1}x', 1, 8, 'expected nothing after the JSON value, found "x"'],
    ['{"a":"\\q"}', 1, 7, 'expected a valid escape sequence, found "\\\\"'],
    ['{"a":"\\u12"}', 1, 7, 'expected a valid escape sequence, found "\\\\"'],
    ['{"a": 01}', 1, 8, `expected ',' or '}' after a property value, found "1"`],
    ['{"a":"x\ny"}', 1, 8, 'expected no control characters inside a string (escape them), found "\\n"'],
    ['{\n  "a": [1, 2,\n  }', 3, 3, 'expected a JSON value, found "}"'],
    ['"abc', 1, 5, `expected a closing '"' for the string, found the end of the text`],
    ['{"a": -}', 1, 7, 'expected a JSON value, found "-"'],
    ['\uFEFF{', 1, 2, 'expected a double-quoted property name, found the end of the text'],
  ])('locates the error in %j', (text, line, column, message) => {
    expect(parseJson(text)).toEqual({ ok: false, line, column, message });
  });

  test('handles deeply nested broken input without overflowing the stack', () => {
    const text = '['.repeat(200_000);
    expect(parseJson(text)).toMatchObject({ ok: false, line: 1, column: 200_001 });
  });
});
