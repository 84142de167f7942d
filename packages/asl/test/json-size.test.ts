import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonByteLength } from '../src/json-size.js';

/** What `jsonByteLength` promises to count without building the text. */
const bytesOfText = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

describe('jsonByteLength', () => {
  it('counts the UTF-8 bytes of JSON.stringify for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonByteLength(value as never)).toBe(bytesOfText(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('counts numbers, escapes and surrogates as JSON.stringify writes them', () => {
    const numbers = [0, -0, 9, 10, -10, 99, 100, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, 1.5, -1e-7];
    for (const n of [...numbers, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(jsonByteLength(n)).toBe(bytesOfText(n));
    }
    const texts = [
      'plain',
      '\u007f',
      '\ud800',
      '\udc00x',
      '😀',
      'é',
      '\u2028',
      '"\\',
      '\u0000\u001f\n',
      'a"b',
      'x'.repeat(100),
      `${'x'.repeat(100)}é"\n😀`,
      '"'.repeat(70),
    ];
    for (const text of texts) expect(jsonByteLength(text)).toBe(bytesOfText(text));
    expect(jsonByteLength({ 'k"ey': ['é', null, true] })).toBe(bytesOfText({ 'k"ey': ['é', null, true] }));
  });

  it('leaves out members JSON.stringify leaves out, and stops past the bound', () => {
    const value = { a: undefined, b: () => 1, c: Symbol('s'), d: 1 } as never;
    expect(jsonByteLength(value)).toBe(bytesOfText(value));
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(jsonByteLength(cyclic as never, 100)).toBeGreaterThan(100);
  });
});
