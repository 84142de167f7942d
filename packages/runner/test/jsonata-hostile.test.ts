import type { JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { StatesError } from '../src/errors.js';
import type { EvaluationScope } from '../src/io/scope.js';
import { evaluateJsonataValue } from '../src/jsonata/evaluate.js';
import { stopController } from '../src/stop.js';

const scopeOf = (input: JsonValue, variables: Record<string, JsonValue> = {}): EvaluationScope => ({
  input,
  context: () => ({}),
  variables: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
  stateName: 'S',
  field: 'Output',
  random: () => 0.5,
});

const value = (text: JsonValue, scope: EvaluationScope = scopeOf({})) =>
  evaluateJsonataValue(text, scope, 'Output');

async function causeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof StatesError && error.error === 'States.QueryEvaluationError')
      return error.cause ?? '';
    throw error;
  }
  throw new Error('expected States.QueryEvaluationError');
}

// AWS's bounds and causes, measured with TestState (floci-io/floci#2737): "[1..873782] ~> $count()" succeeds,
// "[1..873783]" fails with the memory cause; a 200-term sum fails with the stack-overflow cause.
const MEMORY = 'threw an error during evaluation: Expression evaluation memory limit exceeded';
const DEPTH =
  'threw an error during evaluation: Stack overflow error: Check for non-terminating recursive function';

describe('bounded JSONata evaluation', () => {
  it("allows AWS's largest sequence and refuses the next one with AWS's cause", async () => {
    expect(await value('{% [1..873782] ~> $count() %}')).toBe(873_782);
    expect(await causeOf(() => value('{% [1..873783] ~> $count() %}'))).toBe(
      `The JSONata expression '[1..873783] ~> $count()' specified for the field 'Output' ${MEMORY}: Check for excessive memory usage`,
    );
  });

  it('refuses a sequence built from bounded pieces before it exhausts memory', async () => {
    expect(await causeOf(() => value('{% $count([1..100].[1..10000000]) %}'))).toContain(MEMORY);
    expect(await causeOf(() => value('{% $count([1..100].[1..800000]) %}'))).toContain(MEMORY);
  });

  it('allows a 2^22-character string and refuses 2^23, as AWS does', async () => {
    const doubling = (n: number) =>
      `{% ($p := function($s, $n) { $n = 0 ? $s : $p($s & $s, $n - 1) }; $length($p("x", ${n}))) %}`;
    expect(await value(doubling(22))).toBe(2 ** 22);
    expect(await causeOf(() => value(doubling(23)))).toContain(MEMORY);
  });

  it('fails deep non-tail recursion and deeply nested expressions with the stack-overflow cause', async () => {
    expect(await causeOf(() => value(`{% ${Array(200).fill('1').join(' + ')} %}`))).toContain(DEPTH);
    expect(
      await causeOf(() => value('{% ($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(500)) %}')),
    ).toContain(DEPTH);
    expect(await value(`{% ${Array(40).fill('1').join(' + ')} %}`)).toBe(40);
  });

  it('matches regular expressions in linear time (no catastrophic backtracking)', async () => {
    const scope = scopeOf({ s: `${'a'.repeat(34)}!` });
    const started = performance.now();
    expect(await value('{% $contains($states.input.s, /^(a+)+$/) %}', scope)).toBe(false);
    expect(await value('{% $match("x" & $states.input.s, /(a+)+!/).match %}', scope)).toBe(
      `${'a'.repeat(34)}!`,
    );
    expect(performance.now() - started).toBeLessThan(2000); // a backtracking engine takes minutes
    expect(await value('{% $replace("a-b-c", /-/, "+") %}')).toBe('a+b+c');
    expect(await value('{% $split("a1b22c", /[0-9]+/) %}')).toEqual(['a', 'b', 'c']);
    expect(await value('{% $contains("ABC", /b/i) %}')).toBe(true);
    expect(await value('{% $match("😀ab", /b/).index %}')).toBe(3);
  });

  it('names regular-expression features a linear-time engine cannot run', async () => {
    expect(await causeOf(() => value('{% $contains("aa", /(a)\\1/) %}'))).toContain(
      'backreferences and lookaround are not supported',
    );
  });

  it('stops when the execution is interrupted, even mid-loop', async () => {
    const controller = stopController();
    const scope: EvaluationScope = { ...scopeOf({}), stop: controller.stop };
    const interrupt = Symbol('interrupt');
    setTimeout(() => controller.abort(interrupt), 5);
    let thrown: unknown;
    try {
      await value('{% ($f := function($n) { $f($n + 1) }; $f(0)) %}', scope);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(interrupt);
  });
});

describe('JSONata keys are plain data', () => {
  it('builds objects with __proto__, constructor and prototype keys', async () => {
    const output = await value('{% {"__proto__": {"a": 1}, "x": 1, "constructor": 2, "prototype": 3} %}');
    expect(JSON.stringify(output)).toBe('{"__proto__":{"a":1},"x":1,"constructor":2,"prototype":3}');
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(await value('{% {"__proto__": {"a": 1}}.__proto__.a %}')).toBe(1);
    expect(await value('{% {"hasOwnProperty": 1, "b": 2} %}')).toEqual({ hasOwnProperty: 1, b: 2 });
    const computed = await value('{% {$states.input.k: 1} %}', scopeOf({ k: '__proto__' }));
    expect(Object.keys(computed as object)).toEqual(['__proto__']);
    // An inherited member of an object jsonata built is no data: a named error, never a wrong value.
    expect(await causeOf(() => value('{% {}.constructor %}'))).toContain('unsupported result type');
  });

  it('binds variables named like inherited members as ordinary variables', async () => {
    const variables = JSON.parse('{"__proto__": {"a": 1}, "constructor": 5, "other": 7}');
    const named = scopeOf({}, variables);
    expect(await value('{% $__proto__ %}', named)).toEqual({ a: 1 });
    expect(await value('{% $constructor %}', named)).toBe(5);
    expect(await value('{% $exists($a) %}', named)).toBe(false); // fields of $__proto__ are not variables
    expect(await value('{% $other %}', named)).toBe(7);
    expect(await value('{% $exists($toString) %}', named)).toBe(false);
  });

  it('$merge, $spread, $keys, $lookup and $string treat a __proto__ key as data', async () => {
    const input = JSON.parse('{"o": {"__proto__": {"p": 1}, "k": 2}}') as JsonValue;
    const scope = scopeOf(input);
    const merged = await value('{% $merge([$states.input.o, {"x": 3}]) %}', scope);
    expect(JSON.stringify(merged)).toBe('{"__proto__":{"p":1},"k":2,"x":3}');
    expect(await value('{% $keys($states.input.o) %}', scope)).toEqual(['__proto__', 'k']);
    expect(await value('{% $lookup($states.input.o, "__proto__").p %}', scope)).toBe(1);
    expect(await value('{% $lookup($merge([$states.input.o]), "__proto__").p %}', scope)).toBe(1);
    expect(await value('{% $string({"__proto__": 1}) %}')).toBe('{"__proto__":1}');
    expect(JSON.stringify(await value('{% $spread($states.input.o) %}', scope))).toBe(
      '[{"__proto__":{"p":1}},{"k":2}]',
    );
    expect(await value('{% $states.input.o.$keys() %}', scope)).toEqual(['__proto__', 'k']);
    expect(await value('{% $states.input.o.k.$string() %}', scope)).toBe('2');
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });

  it('$parse results are data: a parsed __proto__ key is read as a key', async () => {
    expect(await value('{% $parse(\'{"__proto__": {"a": 1}}\').__proto__.a %}')).toBe(1);
  });
});

describe('regex matching does not depend on jsonata process-wide state', () => {
  it('stays linear-time after another jsonata() call (the validator parsing an expression) resets RegexEngine', async () => {
    const { default: jsonata } = await import('jsonata');
    const scope = scopeOf({ s: `${'a'.repeat(34)}!` });
    await value('{% $contains("x", /x/) %}', scope); // compiled with the runner's settings first
    jsonata('$contains("y", /y/)'); // resets jsonata.RegexEngine to the native RegExp
    const started = performance.now();
    expect(await value('{% $contains($states.input.s, /^(a+)+$/) %}', scope)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await value('{% $match("a1b22", /[0-9]+/).match %}')).toEqual(['1', '22']);
  });
});
