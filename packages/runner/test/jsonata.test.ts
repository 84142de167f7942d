import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { StatesError } from '../src/errors.js';
import type { EvaluationScope } from '../src/io/scope.js';
import { evaluateJsonataExpression, evaluateJsonataValue } from '../src/jsonata/evaluate.js';
import { seededRandom } from '../src/random.js';

function scopeOf(
  input: JsonValue,
  options: {
    variables?: Record<string, JsonValue>;
    result?: JsonValue;
    errorOutput?: JsonValue;
    random?: () => number;
    now?: () => number;
  } = {},
): EvaluationScope {
  const variables = options.variables ?? {};
  return {
    input,
    context: () => ({ Execution: { Name: 'exec-1' }, State: { Name: 'S' } }),
    variables: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
    stateName: 'S',
    field: 'Output',
    random: options.random ?? (() => 0.25),
    ...(options.result === undefined ? {} : { result: options.result }),
    ...(options.errorOutput === undefined ? {} : { errorOutput: options.errorOutput }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };
}

async function errorOf(run: () => Promise<unknown>): Promise<StatesError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}

const value = (v: JsonValue, scope: EvaluationScope = scopeOf({})) =>
  evaluateJsonataValue(v, scope, 'Output');

describe('evaluateJsonataValue', () => {
  it('evaluates {% %} strings anywhere inside objects and arrays, leaving other values literal', async () => {
    const scope = scopeOf({ order: { id: 7, items: [1, 2, 3] } }, { variables: { discount: 2 } });
    const template = {
      id: '{% $states.input.order.id %}',
      total: '{% $sum($states.input.order.items) - $discount %}',
      list: [
        '{% $count($states.input.order.items) %}',
        'literal',
        { nested: '{% $states.context.Execution.Name %}' },
      ],
      notJsonata: ' {% 1 %} ',
      dollar: '$states.input',
      n: 1,
      nil: null,
    };
    expect(await value(template, scope)).toEqual({
      id: 7,
      total: 4,
      list: [3, 'literal', { nested: 'exec-1' }],
      notJsonata: ' {% 1 %} ',
      dollar: '$states.input',
      n: 1,
      nil: null,
    });
  });

  it('copies literal structure (no sharing with the definition)', async () => {
    const template = { a: { b: [1] } };
    const output = (await value(template)) as typeof template;
    expect(output).toEqual(template);
    expect(output.a).not.toBe(template.a);
    expect(output.a.b).not.toBe(template.a.b);
  });

  it('exposes $states.result and $states.errorOutput only when the scope has them', async () => {
    const withResult = scopeOf({ in: 1 }, { result: { out: 2 } });
    expect(await value('{% [$states.input.in, $states.result.out] %}', withResult)).toEqual([1, 2]);
    const caught = scopeOf({}, { errorOutput: { Error: 'E', Cause: 'c' } });
    expect(await value('{% $states.errorOutput.Error %}', caught)).toBe('E');
    expect(await value('{% $exists($states.result) %}', scopeOf({}))).toBe(false);
  });

  it('fails with States.QueryEvaluationError naming the field when an expression yields nothing', async () => {
    const error = await errorOf(() => evaluateJsonataValue({ result: '{%  $x  %}' }, scopeOf({}), 'Output'));
    expect(error.error).toBe('States.QueryEvaluationError');
    expect(error.cause).toBe(
      "The JSONata expression '$x' specified for the field 'Output/result' returned nothing (undefined).",
    );
    const nested = await errorOf(() =>
      evaluateJsonataValue({ a: [1, '{% $states.input.nope %}'] }, scopeOf({}), 'Arguments'),
    );
    expect(nested.cause).toContain("specified for the field 'Arguments/a/1' returned nothing (undefined).");
  });

  it('reports jsonata errors with their code (observed wording for an unknown function)', async () => {
    const error = await errorOf(() =>
      evaluateJsonataValue(
        { FunctionResult: '{% $randomSeeded($states.input.FunctionInput.fst) %}' },
        scopeOf({ FunctionInput: 'fst' }),
        'Output',
      ),
    );
    expect(error.error).toBe('States.QueryEvaluationError');
    expect(error.cause).toBe(
      "The JSONata expression '$randomSeeded($states.input.FunctionInput.fst)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    );
    expect((await errorOf(() => value('{% 1 + "a" %}'))).cause).toContain('T2002');
    expect((await errorOf(() => value('{% 1 + %}'))).cause).toContain(
      'is not a valid JSONata expression: S0207',
    );
  });

  it('stops runaway expressions after a fixed number of steps instead of hanging', async () => {
    const error = await errorOf(() => value('{% ($f := function($n) { $f($n + 1) }; $f(0)) %}'));
    expect(error.error).toBe('States.QueryEvaluationError');
    expect(error.cause).toContain(
      'threw an error during evaluation: Expression evaluation timeout: Check for infinite loop',
    );
    expect(await value('{% ($f := function($n) { $n >= 1000 ? $n : $f($n + 1) }; $f(0)) %}')).toBe(1000);
  });

  it('$eval is not available', async () => {
    expect((await errorOf(() => value('{% $eval("1 + 1") %}'))).cause).toContain(
      'T1006: Attempted to invoke a non-function',
    );
  });

  it('rejects functions as results', async () => {
    const error = await errorOf(() => value('{% function($x) { $x } %}'));
    expect(error.cause).toBe(
      "The JSONata expression 'function($x) { $x }' specified for the field 'Output' returned an unsupported result type.",
    );
    expect((await errorOf(() => value('{% {"f": $sum} %}'))).cause).toContain('unsupported result type');
  });

  it('hands back workflow data unwrapped and uncopied, inside new structures too', async () => {
    const input = { list: [{ id: 1 }, { id: 2 }], obj: { a: [1] } };
    const scope = scopeOf(input);
    expect(await value('{% $states.input %}', scope)).toBe(input);
    const built = (await value(
      '{% {"first": $states.input.list[0], "obj": $states.input.obj, "all": $states.input.list} %}',
      scope,
    )) as Record<string, unknown>;
    expect(built.first).toBe(input.list[0]);
    expect(built.obj).toBe(input.obj);
    expect(built.all).toBe(input.list);
    expect(await value('{% $states.input.list.id %}', scope)).toEqual([1, 2]);
    expect(await value('{% $sort($states.input.list, function($a, $b) { $a.id < $b.id }) %}', scope)).toEqual(
      [{ id: 2 }, { id: 1 }],
    );
    expect(await value('{% $states.input.obj ~> |$|{"b": 2}| %}', scope)).toEqual({ a: [1], b: 2 });
    expect(input).toEqual({ list: [{ id: 1 }, { id: 2 }], obj: { a: [1] } });
  });

  it('binds workflow variables by reference and keeps expression-local := variables local', async () => {
    const big = { list: [1, 2, 3] };
    const scope = scopeOf({}, { variables: { big, x: 3, a: 6 } });
    expect(await value('{% $big %}', scope)).toBe(big);
    expect(await value('{% ($y := $x * 2; $y + $a) %}', scope)).toBe(12);
    expect(await value('{% $exists($y) %}', scope)).toBe(false);
    expect(await value('{% $map($big.list, function($v) { $v * $x }) %}', scope)).toEqual([3, 6, 9]);
  });

  it('treats __proto__ and constructor as plain keys', async () => {
    const input = JSON.parse('{"__proto__": {"x": 1}, "constructor": 2}') as JsonValue;
    expect(await value('{% $states.input.__proto__.x %}', scopeOf(input))).toBe(1);
    expect(await value('{% $states.input.constructor %}', scopeOf(input))).toBe(2);
    const output = (await value(JSON.parse('{"__proto__": "{% 1 %}"}') as JsonValue)) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(output)).toBe('{"__proto__":1}');
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    for (const field of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(
        await evaluateJsonataExpression(`{% $states.input.${field} %}`, scopeOf({ a: {} }), 'Output'),
      ).toBeUndefined();
      expect(await value(`{% $exists($states.input.a.${field}) %}`, scopeOf({ a: {} }))).toBe(false);
    }
    const variable = scopeOf({}, { variables: { v: { k: 1 } } });
    expect(await value('{% [$exists($v.constructor), $v.k, $keys($v), $string($v)] %}', variable)).toEqual([
      false,
      1,
      'k', // a one-key $keys result is a singleton sequence, which jsonata collapses
      '{"k":1}',
    ]);
  });
});

describe('evaluateJsonataExpression', () => {
  it('returns undefined for nothing instead of throwing, and literals unchanged', async () => {
    expect(
      await evaluateJsonataExpression('{% $states.input.missing %}', scopeOf({}), 'Condition'),
    ).toBeUndefined();
    expect(
      await evaluateJsonataExpression(
        '{% $states.input.flag = true %}',
        scopeOf({ flag: true }),
        'Condition',
      ),
    ).toBe(true);
    expect(await evaluateJsonataExpression('plain', scopeOf({}), 'Condition')).toBe('plain');
  });

  it('returns plain arrays (no jsonata sequence markers)', async () => {
    const result = await evaluateJsonataExpression(
      '{% $states.input.items.id %}',
      scopeOf({ items: [{ id: 1 }, { id: 2 }] }),
      'Output',
    );
    expect(result).toEqual([1, 2]);
    expect(Object.getOwnPropertyNames(result)).toEqual(['0', '1', 'length']);
  });
});

describe('Step Functions JSONata functions', () => {
  it('$partition, $range, $hash, $parse', async () => {
    expect(await value('{% $partition([1,2,3,4], 3) %}')).toEqual([[1, 2, 3], [4]]);
    expect(await value('{% $range(0, 10, 3) %}')).toEqual([0, 3, 6, 9]);
    expect(await value('{% $range(1, 9, 9) %}')).toBe(1); // AWS collapses a one-item range like a jsonata sequence
    expect(await value('{% $range(5, 1, -2) %}')).toEqual([5, 3, 1]);
    expect(await value("{% $hash('input data', 'SHA-1') %}")).toBe(
      'aaff4a450a104cd177d28d18d74485e8cae074b7',
    );
    expect(await value('{% $parse(\'{"a": [1, null]}\') %}')).toEqual({ a: [1, null] });
    expect(await value("{% $parse('') %}")).toBeNull();
  });

  it('$random and $uuid draw from the seeded source; $random(seed) is reproducible', async () => {
    expect(await value('{% $random() %}', scopeOf({}, { random: () => 0.125 }))).toBe(0.125);
    expect(await value('{% $random(42) %}')).toBe(0.7275636800328681); // java.util.Random(42).nextDouble()
    const uuids = (random: () => number) =>
      value(['{% $uuid() %}', '{% $uuid() %}'], scopeOf({}, { random }));
    const first = (await uuids(seededRandom(3))) as string[];
    expect(await uuids(seededRandom(3))).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('$now and $millis read the execution clock when the scope has one', async () => {
    const scope = scopeOf({}, { now: () => Date.UTC(2024, 1, 29, 12, 30, 15, 250) });
    expect(await value('{% $millis() %}', scope)).toBe(Date.UTC(2024, 1, 29, 12, 30, 15, 250));
    expect(await value('{% $now() %}', scope)).toBe('2024-02-29T12:30:15.250Z');
    expect(await value("{% $now('[Y0001]-[M01]-[D01]') %}", scope)).toBe('2024-02-29');
    expect(await value("{% $now('[H01]:[m01]', '+0200') %}", scope)).toBe('14:30');
    expect(typeof (await value('{% $millis() %}'))).toBe('number');
  });

  it('argument errors become States.QueryEvaluationError', async () => {
    for (const expression of [
      '{% $partition([1], 0) %}',
      "{% $hash('x', 'SHA-3') %}",
      "{% $parse('{') %}",
      '{% $range(0, 5000, 1) %}',
    ]) {
      const error = await errorOf(() => value(expression));
      expect(error.error).toBe('States.QueryEvaluationError');
      expect(error.cause).toContain('threw an error during evaluation. Invalid arguments in $');
    }
  });
});

interface CorpusCase {
  id: string;
  definition: { StartAt: string; States: Record<string, { Output?: JsonValue }> };
  input: JsonValue;
  expected: { status: string; output?: JsonValue; error?: string; cause?: string };
}

const corpusDir = path.resolve(import.meta.dirname, '../../../../shared/corpus/runtime');
const corpus = readdirSync(corpusDir)
  .filter((name) => /^jsonata-(intrinsic-|partition|parse-object|output-literals|randomseeded)/.test(name))
  .map((name) => JSON.parse(readFileSync(path.join(corpusDir, name), 'utf8')) as CorpusCase);

describe('JSONata: cases recorded on AWS (corpus)', () => {
  it('finds the corpus', () => {
    expect(corpus.length).toBeGreaterThan(25);
  });

  it.each(corpus.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const state = c.definition.States[c.definition.StartAt];
    const run = () => evaluateJsonataValue(state?.Output ?? null, scopeOf(c.input), 'Output');
    if (c.expected.status === 'SUCCEEDED') {
      expect(await run()).toEqual(c.expected.output);
    } else {
      const error = await errorOf(run);
      expect(error.error).toBe(c.expected.error);
      expect(c.expected.cause).toContain(error.cause);
    }
  });

  it('jsonata-output-direct-expr: variables join $states in one expression', async () => {
    const scope = scopeOf(
      { input_value: 'string literal', input_values: [1, 2, 3] },
      { variables: { var_constant_1: 1 } },
    );
    expect(await value('{% $sum($states.input.input_values) + $var_constant_1 %}', scope)).toBe(7);
  });
});
