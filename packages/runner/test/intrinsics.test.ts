import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import type { StatesError } from '../src/errors.js';
import {
  applyOutputPath,
  applyPayloadTemplate,
  applyResultPath,
  evaluateIntrinsic,
} from '../src/io/jsonpath.js';
import type { EvaluationScope } from '../src/io/scope.js';
import { seededRandom } from '../src/random.js';
import { errorOf, scopeOf as sharedScopeOf } from './helpers.js';

// Intrinsic tests read the execution input from the context and a list from the variable `v`.
function scopeOf(
  input: JsonValue,
  options: { random?: () => number; context?: JsonValue } = {},
): EvaluationScope {
  return sharedScopeOf(
    input,
    { v: { list: [1, 2] } },
    options.context ?? { Execution: { Input: input } },
    options.random,
  );
}

const run = (text: string, input: JsonValue = {}): JsonValue => evaluateIntrinsic(text, scopeOf(input));
const failure = (text: string, input: JsonValue = {}): StatesError => errorOf(() => run(text, input));

describe('intrinsics: AWS documentation examples', () => {
  it('States.Format', () => {
    const input = { name: 'Arnav', template: 'Hello, my name is {}.' };
    expect(run("States.Format('Hello, my name is {}.', $.name)", input)).toBe('Hello, my name is Arnav.');
    expect(run('States.Format($.template, $.name)', input)).toBe('Hello, my name is Arnav.');
  });

  it('States.StringToJson and States.JsonToString', () => {
    expect(run('States.StringToJson($.escapedJsonString)', { escapedJsonString: '{"foo": "bar"}' })).toEqual({
      foo: 'bar',
    });
    expect(run('States.JsonToString($.unescapedJson)', { unescapedJson: { foo: 'bar' } })).toBe(
      '{"foo":"bar"}',
    );
  });

  it('array intrinsics', () => {
    const input = {
      Id: 123456,
      inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      lookingFor: 5,
      index: 5,
      dup: [1, 2, 3, 3, 3, 3, 3, 3, 4],
    };
    expect(run('States.Array($.Id)', input)).toEqual([123456]);
    expect(run('States.ArrayPartition($.inputArray, 4)', input)).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9]]);
    expect(run('States.ArrayContains($.inputArray, $.lookingFor)', input)).toBe(true);
    expect(run('States.ArrayRange(1, 9, 2)', input)).toEqual([1, 3, 5, 7, 9]);
    expect(run('States.ArrayGetItem($.inputArray, $.index)', input)).toBe(6);
    expect(run('States.ArrayLength($.inputArray)', input)).toBe(9);
    expect(run('States.ArrayUnique($.dup)', input)).toEqual([1, 2, 3, 4]);
  });

  it('encoding and hashing', () => {
    expect(run("States.Base64Encode('Data to encode')")).toBe('RGF0YSB0byBlbmNvZGU=');
    expect(run("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')")).toBe('Data to encode');
    expect(run('States.Hash($.Data, $.Algorithm)', { Data: 'input data', Algorithm: 'SHA-1' })).toBe(
      'aaff4a450a104cd177d28d18d74485e8cae074b7',
    );
  });

  it('States.JsonMerge is shallow', () => {
    const input = { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } };
    expect(run('States.JsonMerge($.json1, $.json2, false)', input)).toEqual({
      a: { a3: 1, a4: 2 },
      b: 2,
      c: 3,
    });
  });

  it('math intrinsics', () => {
    expect(run('States.MathAdd($.value1, $.step)', { value1: 111, step: -1 })).toBe(110);
    const value = run('States.MathRandom($.start, $.end)', { start: 1, end: 999 });
    expect(value).toBe(500);
  });

  it('States.StringSplit and States.UUID', () => {
    expect(
      run('States.StringSplit($.inputString, $.splitter)', { inputString: '1,2,3,4,5', splitter: ',' }),
    ).toEqual(['1', '2', '3', '4', '5']);
    expect(run("States.StringSplit('This.is+a,test=string', '.+,=')")).toEqual([
      'This',
      'is',
      'a',
      'test',
      'string',
    ]);
    expect(run('States.UUID()')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('escaped reserved characters inside string literals', () => {
    expect(run("States.Format('It\\'s {}', $.x)", { x: 'ok' })).toBe("It's ok");
    expect(run("States.Format('back\\\\slash {}', 1)")).toBe('back\\slash 1');
    // Escaped braces are literal text, not placeholders (AWS intrinsic-functions docs, "Reserved characters").
    expect(run("States.Format('\\{\\} is {}', $.x)", { x: 'empty' })).toBe('{} is empty');
    expect(run("States.Format('\\{{}\\}', 7)")).toBe('{7}');
    expect(failure("States.Format('\\{\\}', 1)").error).toBe('States.IntrinsicFailure');
  });

  it('nested calls, variables and the context object as arguments', () => {
    const arn = 'arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/myrecipe/1.0.3';
    const text =
      "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.Arn, '/'), 2), '.'), 1))";
    expect(run(text, { Arn: arn })).toBe('1.0');
    expect(run('States.ArrayLength($v.list)')).toBe(2);
    expect(run('States.JsonToString($$.Execution.Input)', { a: 1 })).toBe('{"a":1}');
  });
});

describe('intrinsics: AWS quirks', () => {
  it('rounds integer arguments half up toward +infinity, like Java Math.round', () => {
    const cases: [number, number][] = [
      [0.5, 1],
      [1.5, 2],
      [2.5, 3],
      [-0.5, 0],
      [-1.5, -1],
      [-2.5, -2],
      [1.49, 1],
      [-1.51, -2],
    ];
    for (const [value, rounded] of cases) expect(run('States.MathAdd($.v, 0)', { v: value })).toBe(rounded);
    expect(Object.is(run('States.MathAdd($.v, 0)', { v: -0.5 }), 0)).toBe(true);
    expect(run('States.ArrayPartition($.a, 1.5)', { a: [1, 2, 3] })).toEqual([[1, 2], [3]]);
    expect(run('States.ArrayRange(0.5, 3.4, 1.2)')).toEqual([1, 2, 3]);
  });

  it('States.Format renders objects and arrays Java-style, other values as JSON', () => {
    const input = { o: { Arg1: 1, Arg2: [] }, a: [1, 'two', null, { k: true }], n: null, b: false, f: 1.1 };
    expect(run("States.Format('{} {} {} {} {}', $.o, $.a, $.n, $.b, $.f)", input)).toBe(
      '{Arg1=1, Arg2=[]} [1, two, null, {k=true}] null false 1.1',
    );
  });

  it('States.StringToJson: blank text is null, -0 is 0', () => {
    expect(run("States.StringToJson('')")).toBeNull();
    expect(run("States.StringToJson('  ')")).toBeNull();
    expect(Object.is(run("States.StringToJson('-0')"), 0)).toBe(true);
    expect(run('States.StringToJson(\'{"__proto__": {"x": 1}}\')')).toEqual(
      JSON.parse('{"__proto__": {"x": 1}}'),
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('States.StringSplit drops empty tokens', () => {
    expect(run("States.StringSplit(',,,,', ',')")).toEqual([]);
    expect(run("States.StringSplit(', , ,', ',')")).toEqual([' ', ' ']);
    expect(run("States.StringSplit('', ',')")).toEqual([]);
    expect(run("States.StringSplit('abc', '')")).toEqual(['abc']);
  });

  it('States.ArrayRange counts down with a negative step and stops before passing the end', () => {
    expect(run('States.ArrayRange(0, 10, 3)')).toEqual([0, 3, 6, 9]);
    expect(run('States.ArrayRange(1, 9, 9)')).toEqual([1]);
    expect(run('States.ArrayRange(5, 1, -2)')).toEqual([5, 3, 1]);
    expect(run('States.ArrayRange(1, 5, -1)')).toEqual([]);
    expect((run('States.ArrayRange(1, 1000, 1)') as number[]).length).toBe(1000);
  });

  it('States.ArrayContains / ArrayUnique compare deeply', () => {
    const input = { list: [{ a: 1, b: [2] }, [1, 2], { b: [2], a: 1 }, [1, 2], null, null] };
    expect(run('States.ArrayContains($.list, $.list[2])', input)).toBe(true);
    expect(run('States.ArrayContains($.list, $.list[1][0])', input)).toBe(false);
    expect(run('States.ArrayUnique($.list)', input)).toEqual([{ a: 1, b: [2] }, [1, 2], null]);
  });

  it('States.MathRandom: end is exclusive; a seed gives the same number every time', () => {
    expect(run('States.MathRandom(1, 2)')).toBe(1);
    const low = evaluateIntrinsic('States.MathRandom(0, 10)', scopeOf({}, { random: () => 0 }));
    const high = evaluateIntrinsic('States.MathRandom(0, 10)', scopeOf({}, { random: () => 0.999999 }));
    expect([low, high]).toEqual([0, 9]);
    const first = evaluateIntrinsic(
      'States.MathRandom(1, 1000, 42)',
      scopeOf({}, { random: seededRandom(1) }),
    );
    const second = evaluateIntrinsic(
      'States.MathRandom(1, 1000, 42)',
      scopeOf({}, { random: seededRandom(2) }),
    );
    expect(first).toBe(second);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThan(1000);
    // Values printed by java.util.Random: new Random(42).nextInt(10) = 0, nextInt(100) = 30, nextInt(16) = 11,
    // new Random(-7).nextInt(999) = 175, new Random(123456789).nextInt(2147483647) = 1426010965.
    expect(run('States.MathRandom(0, 10, 42)')).toBe(0);
    expect(run('States.MathRandom(0, 100, 42)')).toBe(30);
    expect(run('States.MathRandom(5, 21, 42)')).toBe(16);
    expect(run('States.MathRandom(0, 999, -7)')).toBe(175);
    expect(run('States.MathRandom(0, 2147483647, 123456789)')).toBe(1426010965);
  });

  it('States.UUID is a v4 UUID drawn from the seeded source', () => {
    const a = evaluateIntrinsic('States.UUID()', scopeOf({}, { random: seededRandom(7) }));
    const b = evaluateIntrinsic('States.UUID()', scopeOf({}, { random: seededRandom(7) }));
    const c = evaluateIntrinsic('States.UUID()', scopeOf({}, { random: seededRandom(8) }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('States.Hash supports every AWS algorithm', () => {
    expect(run("States.Hash('input data', 'MD5')")).toBe('812f45842bc6d66ee14572ce20db8e86');
    expect(run("States.Hash('input data', 'SHA-256')")).toBe(
      'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3',
    );
    expect((run("States.Hash('', 'SHA-384')") as string).length).toBe(96);
    expect((run("States.Hash('', 'SHA-512')") as string).length).toBe(128);
  });
});

describe('intrinsics: failures', () => {
  const cases: [string, JsonValue, string][] = [
    ["States.Format('{} {}', 1)", {}, 'placeholder'],
    ['States.Format(1)', {}, 'template'],
    ["States.StringToJson('{bad')", {}, 'not valid JSON'],
    ['States.StringToJson(5)', {}, 'must be a string'],
    ['States.ArrayPartition($.a, 0)', { a: [1] }, 'positive'],
    ["States.ArrayPartition('x', 1)", {}, 'must be an array'],
    ['States.ArrayRange(1, 2, 0)', {}, 'must not be 0'],
    ['States.ArrayRange(0, 1000, 1)', {}, 'at most 1000'],
    ["States.ArrayRange('1', 2, 1)", {}, 'must be a number'],
    ['States.ArrayGetItem($.a, 3)', { a: [1, 2, 3] }, 'out of bounds'],
    ['States.ArrayGetItem($.a, -1)', { a: [1, 2, 3] }, 'out of bounds'],
    ['States.ArrayLength($.a)', { a: { length: 1 } }, 'must be an array'],
    ['States.Base64Encode($.s)', { s: 'x'.repeat(10_001) }, 'at most 10000'],
    ['States.Base64Decode($.s)', { s: 'x'.repeat(10_004) }, 'at most 10000'],
    ["States.Base64Decode('not base64!')", {}, 'not valid Base64'],
    ["States.Base64Decode('abcde')", {}, 'Last unit does not have enough valid bits'],
    ["States.Hash('x', 'SHA-3')", {}, 'algorithm'],
    ['States.Hash($.s, $.alg)', { s: 'x'.repeat(10_001), alg: 'MD5' }, 'at most 10000'],
    ['States.Hash(1, $.alg)', { alg: 'MD5' }, 'must be a string'],
    ['States.JsonMerge($.a, $.b, true)', { a: {}, b: {} }, 'must be false'],
    ['States.JsonMerge($.a, $.b, false)', { a: [], b: {} }, 'must be an object'],
    ['States.MathAdd(2147483647, 1)', {}, 'outside the integer range'],
    ['States.MathAdd(-2147483648, -1)', {}, 'outside the integer range'],
    ['States.MathAdd(2147483648, 0)', {}, 'between'],
    ['States.MathAdd(true, 1)', {}, 'must be a number'],
    ['States.MathRandom(5, 5)', {}, 'greater than'],
    ['States.StringSplit(1, 2)', {}, 'must be a string'],
  ];

  it.each(cases)('%s → States.IntrinsicFailure', (text, input, fragment) => {
    const error = failure(text, input);
    expect(error.error).toBe('States.IntrinsicFailure');
    expect(error.cause).toContain(fragment);
  });

  it('rejects unknown functions, wrong arity and malformed calls', () => {
    expect(failure('States.Nope(1)').cause).toContain("Unknown intrinsic function 'States.Nope'");
    expect(failure('States.ArrayLength()').cause).toContain('expected 1 argument(s), but got 0');
    expect(failure('States.UUID(1)').cause).toContain('expected 0 argument(s)');
    expect(failure('States.MathRandom(1)').cause).toContain('expected 2 to 3 argument(s)');
    const malformed = failure("States.Format('unterminated");
    expect(malformed.error).toBe('States.IntrinsicFailure');
    expect(malformed.cause).toContain('Parameters');
  });

  it('a call that cannot run fails each time it is evaluated, after the arguments before it', () => {
    for (let i = 0; i < 2; i++) {
      const arity = failure('States.ArrayLength()');
      expect(arity.error).toBe('States.IntrinsicFailure');
      expect(arity.cause).toBe('Invalid arguments in States.ArrayLength: expected 1 argument(s), but got 0');
      expect(failure('States.Array(1, States.Nope($.x))', { x: 1 }).cause).toBe(
        "Unknown intrinsic function 'States.Nope'",
      );
    }
    // Arguments are evaluated in order: a missing path before the unknown call is what fails.
    expect(failure('States.Array($.missing, States.Nope(1))').error).toBe('States.Runtime');
    expect(failure('States.Array(States.Nope(1), $.missing)').error).toBe('States.IntrinsicFailure');
  });

  it('a path argument that selects nothing is States.Runtime', () => {
    const error = failure('States.ArrayLength($.missing)', {});
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe("Invalid path '$.missing' : No results for path: $['missing']");
  });
});

interface CorpusCase {
  id: string;
  definition: { StartAt: string; States: Record<string, Record<string, JsonValue>> };
  input: JsonValue;
  expected: { status: string; output?: JsonValue };
}

const corpusDir = path.resolve(import.meta.dirname, '../../../../shared/corpus/runtime');
const corpus = readdirSync(corpusDir)
  .filter((name) => name.startsWith('intrinsic-') && name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(path.join(corpusDir, name), 'utf8')) as CorpusCase);

describe('intrinsics: cases recorded on AWS (corpus)', () => {
  it('finds the corpus', () => {
    expect(corpus.length).toBeGreaterThan(100);
  });

  it.each(corpus.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const state = c.definition.States[c.definition.StartAt] as Record<string, JsonValue>;
    expect(Object.keys(c.definition.States)).toHaveLength(1);
    const scope = scopeOf(c.input);
    const result = applyPayloadTemplate(state.Parameters as JsonValue, scope);
    const merged = applyResultPath(c.input, state.ResultPath as string | undefined, result, c.id);
    const output = applyOutputPath(state.OutputPath as string | undefined, { ...scope, input: merged });
    expect(c.expected.status).toBe('SUCCEEDED');
    expect(output).toEqual(c.expected.output);
  });
});
