import { describe, expect, it } from 'vitest';
import { INTRINSIC_FUNCTIONS, parseIntrinsic } from '../src/index.js';

function ok(text: string) {
  const result = parseIntrinsic(text);
  if (!result.ok) throw new Error(`${text}: ${result.message} at ${result.offset}`);
  return result.value;
}

describe('parseIntrinsic', () => {
  it('parses a call with a string and a path', () => {
    expect(ok("States.Format('Hello, my name is {}.', $.name)")).toEqual({
      kind: 'call',
      name: 'States.Format',
      args: [
        { kind: 'string', value: 'Hello, my name is {}.' },
        { kind: 'path', path: '$.name' },
      ],
    });
  });

  it('resolves the four escapes', () => {
    // JSON source "States.Format('It\\'s \\{\\} \\\\ {}', $.x)" is this text:
    expect(ok("States.Format('It\\'s \\{\\} \\\\ {}', $.x)").args[0]).toEqual({
      kind: 'string',
      value: "It's {} \\ {}",
      templatePieces: ["It's {} \\ ", ''],
    });
  });

  it('parses numbers, booleans, null and nested calls', () => {
    expect(ok('States.JsonMerge($.a, States.StringToJson($.b), false)').args).toEqual([
      { kind: 'path', path: '$.a' },
      { kind: 'call', name: 'States.StringToJson', args: [{ kind: 'path', path: '$.b' }] },
      { kind: 'boolean', value: false },
    ]);
    expect(ok('States.Array(1, -2.5, 1e3, 2E-2, true, null)').args).toEqual([
      { kind: 'number', value: 1 },
      { kind: 'number', value: -2.5 },
      { kind: 'number', value: 1000 },
      { kind: 'number', value: 0.02 },
      { kind: 'boolean', value: true },
      { kind: 'null' },
    ]);
    expect(ok('States.UUID()')).toEqual({ kind: 'call', name: 'States.UUID', args: [] });
  });

  it('keeps context, variable and bracketed paths as written', () => {
    expect(ok("States.Format('{} {}', $$.Execution.Id, $myVar.a[2])").args.slice(1)).toEqual([
      { kind: 'path', path: '$$.Execution.Id' },
      { kind: 'path', path: '$myVar.a[2]' },
    ]);
    expect(ok("States.Array($.abc.['def ghi'], $.x[?(@.a in [1, 2])])").args).toEqual([
      { kind: 'path', path: "$.abc.['def ghi']" },
      { kind: 'path', path: '$.x[?(@.a in [1, 2])]' },
    ]);
  });

  it('tolerates spaces around arguments and after the call, not before it', () => {
    expect(parseIntrinsic(' States.UUID()')).toMatchObject({ ok: false, offset: 0 });
    expect(ok('States.MathAdd( $.a ,  -1 )  ').args).toEqual([
      { kind: 'path', path: '$.a' },
      { kind: 'number', value: -1 },
    ]);
  });

  it.each([
    ['', 0],
    ['States.Format', 13],
    ["States.Format('abc'", 19],
    ["States.Format('abc)", 14],
    ["States.Format('a\\b')", 16],
    ["States.Format('a\\')", 14],
    ['States.Array(1,)', 15],
    ['States.Array(1 2)', 15],
    ['States.Array(1.)', 13],
    ['States.Array(--1)', 13],
    ['States.Array(1)x', 15],
    ['States.Array($..)', 16],
    ['States.Array(%)', 13],
    ['(1)', 0],
  ])('rejects %j at offset %i', (text, offset) => {
    const result = parseIntrinsic(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.offset).toBe(offset);
      expect(result.message.length).toBeGreaterThan(5);
    }
  });

  it('requires bracket notation for field names that are not letters, digits and _ (AWS rule)', () => {
    expect(parseIntrinsic("States.Format('{}', $.detail-type)")).toMatchObject({ ok: false, offset: 28 });
    expect(ok("States.Format('{}', $['detail-type'], $.a_1.*, $.b[?(@.x-y == 1)])").args).toHaveLength(4);
  });

  it('lists the 18 functions with their arities', () => {
    expect(INTRINSIC_FUNCTIONS.size).toBe(18);
    expect(INTRINSIC_FUNCTIONS.get('States.MathRandom')).toEqual({ minArgs: 2, maxArgs: 3 });
    expect(INTRINSIC_FUNCTIONS.get('States.UUID')).toEqual({ minArgs: 0, maxArgs: 0 });
    expect(INTRINSIC_FUNCTIONS.get('States.Format')?.maxArgs).toBe(Number.POSITIVE_INFINITY);
  });
});
