import type { JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { applyResultPath } from '../src/io/jsonpath.js';
import { errorOf } from './helpers.js';

describe('applyResultPath', () => {
  const raw = {
    comment: 'An input comment.',
    data: { val1: 23, val2: 17 },
    extra: 'foo',
    lambda: { who: 'AWS Step Functions' },
  };

  it('absent or $ gives the result; null keeps the raw input', () => {
    expect(applyResultPath(raw, undefined, 'Hello!', 'S')).toBe('Hello!');
    expect(applyResultPath(raw, '$', 'Hello!', 'S')).toBe('Hello!');
    expect(applyResultPath(raw, null, 'Hello!', 'S')).toBe(raw);
  });

  it('writes the result into a copy of the raw input (AWS docs examples)', () => {
    expect(applyResultPath(raw, '$.lambda', 'Hello, AWS Step Functions!', 'S')).toEqual({
      ...raw,
      lambda: 'Hello, AWS Step Functions!',
    });
    expect(applyResultPath(raw, '$.data.result', 40, 'S')).toEqual({
      ...raw,
      data: { val1: 23, val2: 17, result: 40 },
    });
    expect(applyResultPath({ a: 1 }, '$.b.greeting', 'Hi!', 'S')).toEqual({ a: 1, b: { greeting: 'Hi!' } });
    expect(applyResultPath({ a: 1 }, "$['odd key'].x", 2, 'S')).toEqual({ a: 1, 'odd key': { x: 2 } });
  });

  it('never mutates the raw input and shares untouched sub-trees', () => {
    const before = JSON.stringify(raw);
    const output = applyResultPath(raw, '$.data.result', 40, 'S') as typeof raw;
    expect(JSON.stringify(raw)).toBe(before);
    expect(output.lambda).toBe(raw.lambda);
    expect(output.data).not.toBe(raw.data);
  });

  it('replaces an array element at an existing index', () => {
    expect(applyResultPath({ list: [1, 2, 3] }, '$.list[1]', 'x', 'S')).toEqual({ list: [1, 'x', 3] });
    expect(applyResultPath({ list: [1, 2, 3] }, '$.list[-1]', 'x', 'S')).toEqual({ list: [1, 2, 'x'] });
  });

  it('throws States.ResultPathMatchFailure when the input cannot hold the result', () => {
    for (const [input, path] of [
      ['text', '$.x'],
      [[1, 2], '$.x'],
      [null, '$.x'],
      [{ a: 5 }, '$.a.b'],
      [{ list: [1] }, '$.list[3]'],
      [{ a: {} }, '$.a[0]'],
    ] as [JsonValue, string][]) {
      const error = errorOf(() => applyResultPath(input, path, 1, 'MyState'));
      expect(error.error).toBe('States.ResultPathMatchFailure');
      expect(error.cause).toContain("state 'MyState'");
      expect(error.cause).toContain(path);
    }
    expect(errorOf(() => applyResultPath({ a: 5 }, '$.a.b', 1, 'S')).cause).toBe(
      "Unable to apply ResultPath '$.a.b' to the input of state 'S': '$.a' is number, not an object.",
    );
    expect(errorOf(() => applyResultPath({ list: [1] }, '$.list[3]', 1, 'S')).cause).toBe(
      "Unable to apply ResultPath '$.list[3]' to the input of state 'S': '$.list' has no index 3 (length 1).",
    );
  });

  it('rejects ResultPaths on the context object, on variables, or with wildcards', () => {
    for (const path of ['$$.Execution', '$var.x', '$.a[*]', '$..a']) {
      const error = errorOf(() => applyResultPath({}, path, 1, 'S'));
      expect(error.error).toBe('States.Runtime');
      expect(error.cause).toContain(`Invalid ResultPath '${path}'`);
    }
  });

  it('writes __proto__ and constructor as plain keys', () => {
    const output = applyResultPath({}, '$.__proto__.polluted', true, 'S') as Record<string, unknown>;
    expect(JSON.stringify(output)).toBe('{"__proto__":{"polluted":true}}');
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(applyResultPath({}, '$.constructor.name', 'x', 'S')).toEqual(
      JSON.parse('{"constructor":{"name":"x"}}'),
    );
  });
});
