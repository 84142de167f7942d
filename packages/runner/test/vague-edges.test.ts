import type { JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { applyResultPath, evaluateIntrinsic } from '../src/io/jsonpath.js';
import { errorOf, scopeOf } from './helpers.js';

// Edges the documentation leaves vague, each settled from a cited AWS source.

const run = (text: string, input: JsonValue = {}): JsonValue => evaluateIntrinsic(text, scopeOf(input));

describe('States.Base64Decode decodes "MIME Base64"', () => {
  // AWS: "Use the States.Base64Decode intrinsic function to decode data based on MIME Base64 decoding scheme"
  // (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#statesbase64decode).
  // MIME Base64 is java.util.Base64.getMimeDecoder(): characters outside the alphabet are ignored, padding is
  // optional, a present padding must be complete.
  it('ignores line breaks, spaces and other characters outside the alphabet', () => {
    expect(run('States.Base64Decode($.s)', { s: 'RGF0YSB0\r\nbyBlbmNv ZGU=' })).toBe('Data to encode');
    expect(run("States.Base64Decode('RGF0YSB0*byBlbmNvZGU=')")).toBe('Data to encode');
  });

  it('accepts a missing padding and decodes the last unit as if padded', () => {
    expect(run("States.Base64Decode('SGk')")).toBe('Hi');
    expect(run("States.Base64Decode('SA')")).toBe('H');
  });

  it('fails a dangling character, a broken padding, or data after the padding', () => {
    for (const [text, cause] of [
      ['SGVsbG8hS', 'Last unit does not have enough valid bits'],
      ['SA=x', 'Input byte array has wrong 4-byte ending unit'],
      ['SA==SGk', 'Input byte array has incorrect ending byte at 4'],
    ]) {
      const error = errorOf(() => run(`States.Base64Decode('${text}')`));
      expect(error.error).toBe('States.IntrinsicFailure');
      expect(error.cause).toBe(
        `Invalid arguments in States.Base64Decode: the argument is not valid Base64: ${cause}`,
      );
    }
  });
});

describe('non-integer arguments of the array intrinsics are rounded half up', () => {
  // Recorded on AWS (../shared/corpus/runtime/intrinsic-math-add-*.json, e.g. MathAdd(1.5, 1.51) = 4,
  // MathAdd(-1.5, 0) = -1): AWS rounds a non-integer integer argument with Java's Math.round. AWS documents
  // ArrayRange, ArrayPartition and ArrayGetItem arguments as integers too and records no other behaviour for
  // them, so they read their numbers the same way rather than failing.
  it('ArrayRange, ArrayPartition and ArrayGetItem round like MathAdd', () => {
    expect(run('States.MathAdd(1.5, 1.51)')).toBe(4);
    expect(run('States.ArrayRange(0.5, 3.4, 1.2)')).toEqual([1, 2, 3]);
    expect(run('States.ArrayPartition($.a, 1.5)', { a: [1, 2, 3] })).toEqual([[1, 2], [3]]);
    expect(run('States.ArrayGetItem($.a, 1.5)', { a: [1, 2, 3] })).toBe(3);
    expect(run('States.ArrayGetItem($.a, -0.5)', { a: [1, 2, 3] })).toBe(1);
  });
});

describe('States.MathAdd is bound to 32-bit integers', () => {
  // AWS documents MathAdd's arguments as integers in [-2147483648, 2147483647] (Java int): a sum outside that
  // range has no int result, so it fails with a named error rather than wrapping around silently.
  it('fails a sum outside the 32-bit range with States.IntrinsicFailure', () => {
    expect(run('States.MathAdd(2147483646, 1)')).toBe(2_147_483_647);
    const error = errorOf(() => run('States.MathAdd(2147483647, 1)'));
    expect(error.error).toBe('States.IntrinsicFailure');
    expect(error.cause).toBe(
      'Invalid arguments in States.MathAdd: the sum 2147483648 is outside the integer range -2147483648 to 2147483647',
    );
  });
});

describe('ResultPath through a null intermediate', () => {
  // The ASL specification (https://states-language.net/spec.html#resultpath): a ResultPath that cannot be
  // applied to the raw input (its example: a field under a number) is States.ResultPathMatchFailure. null cannot
  // hold a field any more than a number can; only a missing field is created.
  it('fails with States.ResultPathMatchFailure, and still creates missing fields', () => {
    const error = errorOf(() => applyResultPath({ a: null }, '$.a.b', 1, 'S'));
    expect(error.error).toBe('States.ResultPathMatchFailure');
    expect(error.cause).toBe(
      "Unable to apply ResultPath '$.a.b' to the input of state 'S': '$.a' is null, not an object.",
    );
    expect(applyResultPath({}, '$.a.b', 1, 'S')).toEqual({ a: { b: 1 } });
  });
});
