import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  CompileError,
  choice,
  compile,
  fail,
  jsonata,
  lambda,
  map,
  parallel,
  pass,
  States,
  succeed,
  task,
  typed,
  variable,
  workflow,
} from '../src/index.js';
import { expectValidAsl } from './helpers.js';

const diagnosticsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof CompileError)
      return error.diagnostics.map(({ code, pointer, state }) => ({ code, pointer, state }));
    throw error;
  }
  throw new Error('expected a CompileError');
};

const total = variable('total', z.number());
const Items = z.object({ items: z.array(z.number()) });
const step = (name: string) =>
  task(name, { resource: lambda.function(`arn:aws:lambda:us-east-1:1:function:${name}`) });

describe('variables', () => {
  test('Assign is emitted in both languages; JSONPath reads a Task result through its ResultSelector', () => {
    const sum = task('Sum', {
      resource: lambda.invoke('sum'),
      output: z.object({ sum: z.number() }),
      resultSelector: ({ result }) => ({ s: result.Payload.sum }),
    })
      .assign(total, ({ result }) => result.s)
      .resultPath(null);
    const wf = workflow('W')
      .start(sum)
      .next(pass('Read', { parameters: () => ({ t: total.ref }) }));
    const jsonPath = compile(wf).definition;
    const jsonataForm = compile(wf, { queryLanguage: 'JSONata' }).definition;
    for (const d of [jsonPath, jsonataForm]) expectValidAsl(d);
    expect(jsonPath.States.Sum).toMatchObject({ Assign: { 'total.$': '$.Payload.sum' }, ResultPath: null });
    expect(jsonPath.States.Read).toMatchObject({ Parameters: { 't.$': '$total' } });
    expect(jsonataForm.States.Sum).toMatchObject({
      Assign: { total: '{% $states.result.Payload.sum %}' },
      Output: '{% $states.input %}',
    });
    expect(jsonataForm.States.Read).toMatchObject({ Output: { t: '{% $total %}' } });
  });

  test('a Choice assignment holds on every rule and the default', () => {
    const route = choice('Route', { input: Items })
      .assign(total, ({ input }) => States.arrayLength(input.items))
      .when(({ input }) => input.items.at(0).isNumeric(), succeed('Yes'))
      .otherwise(succeed('No'));
    const { definition } = compile(workflow('W', { input: Items }).start(route));
    expect(definition.States.Route).toMatchObject({
      Assign: { 'total.$': 'States.ArrayLength($.items)' },
      Choices: [{ Assign: { 'total.$': 'States.ArrayLength($.items)' } }],
    });
  });

  test('a catcher assigns from the Error Output (JSONata: $states.errorOutput)', () => {
    const lastError = variable('lastError', z.string());
    const wf = workflow('W', { queryLanguage: 'JSONata' }).start(
      step('A').catch(['States.ALL'], pass('Handle'), {
        resultPath: '$.error',
        assign: ({ error }) => [lastError.set(error.Cause)],
      }),
    );
    const { definition } = compile(wf);
    expectValidAsl(definition);
    expect(definition.States.A).toMatchObject({
      Catch: [
        {
          Output: "{% $merge([$states.input, {'error': $states.errorOutput}]) %}",
          Assign: { lastError: '{% $states.errorOutput.Cause %}' },
        },
      ],
    });
  });

  test('rejects a read that some path reaches before any assignment', () => {
    const read = pass('Read', { parameters: () => ({ t: total.ref }) });
    const route = choice('Route')
      .when(
        ({ input }) => input.isString(),
        pass('Assigns')
          .assign(total, () => 1)
          .next(read),
      )
      .otherwise(read);
    expect(diagnosticsOf(() => compile(workflow('W').start(route)))).toEqual([
      { code: 'VARIABLE_UNASSIGNED', pointer: '/States/Read', state: 'Read' },
    ]);
  });

  test("rejects a state reading its own assignment (a state's reads see the values from before it)", () => {
    const self = pass('Self', { parameters: () => ({ t: total.ref }) }).assign(total, () => 1);
    expect(diagnosticsOf(() => compile(workflow('W').start(self)))).toEqual([
      { code: 'VARIABLE_UNASSIGNED', pointer: '/States/Self', state: 'Self' },
    ]);
  });

  test('accepts a loop whose every entry assigns first', () => {
    const body = pass('Body', { parameters: () => ({ t: total.ref }) });
    const again = choice('Again')
      .when(() => total.ref.numericLessThan(3), body)
      .otherwise(succeed('Done'));
    const wf = workflow('W')
      .start(pass('Init').assign(total, () => 0))
      .next(body)
      .next(pass('Inc').assign(total, () => States.mathAdd(total.ref, 1)))
      .next(again);
    expect(() => compile(wf)).not.toThrow();
  });

  test('an inner Map may read an outer variable but not reassign it', () => {
    const inner = pass('Inner', { parameters: () => ({ t: total.ref }) });
    const reads = map('M', { input: Items, itemsPath: '$.items', processor: inner });
    const ok = workflow('W', { input: Items })
      .start(pass('Init', { input: Items }).assign(total, () => 0))
      .next(reads);
    expect(() => compile(ok)).not.toThrow();
    const writes = map('M', {
      input: Items,
      itemsPath: '$.items',
      processor: pass('Inner').assign(total, () => 2),
    });
    const bad = workflow('W', { input: Items })
      .start(pass('Init', { input: Items }).assign(total, () => 0))
      .next(writes);
    expect(diagnosticsOf(() => compile(bad))).toEqual([
      {
        code: 'VARIABLE_OUTER_ASSIGN',
        pointer: '/States/M/ItemProcessor/States/Inner/Assign',
        state: 'Inner',
      },
    ]);
  });

  test('a Parallel branch assigning an outer variable is rejected', () => {
    const p = parallel('P', { branches: [pass('B1').assign(total, () => 1)] });
    const wf = workflow('W')
      .start(pass('Init').assign(total, () => 0))
      .next(p);
    expect(diagnosticsOf(() => compile(wf))).toEqual([
      { code: 'VARIABLE_OUTER_ASSIGN', pointer: '/States/P/Branches/0/States/B1/Assign', state: 'B1' },
    ]);
  });

  test('a Distributed Map cannot read outer variables', () => {
    const m = map('M', {
      input: Items,
      itemsPath: '$.items',
      mode: 'distributed',
      processor: pass('Inner', { parameters: () => ({ t: total.ref }) }),
    });
    const wf = workflow('W', { input: Items })
      .start(pass('Init', { input: Items }).assign(total, () => 0))
      .next(m);
    expect(diagnosticsOf(() => compile(wf))).toEqual([
      { code: 'VARIABLE_DISTRIBUTED', pointer: '/States/M/ItemProcessor/States/Inner', state: 'Inner' },
    ]);
  });

  test('a catcher assignment reaches its handler, not the success path', () => {
    const handler = pass('Handler', { parameters: () => ({ t: total.ref }) });
    const wf = workflow('W')
      .start(step('A').catch(['States.ALL'], handler, { assign: () => [total.set(1)] }))
      .next(pass('After', { parameters: () => ({ t: total.ref }) }));
    expect(diagnosticsOf(() => compile(wf))).toEqual([
      { code: 'VARIABLE_UNASSIGNED', pointer: '/States/After', state: 'After' },
    ]);
  });

  test('rejects invalid and reserved variable names at build time', () => {
    expect(diagnosticsOf(() => variable('states', z.number()))).toEqual([
      { code: 'INVALID_VARIABLE_NAME', pointer: '' },
    ]);
    expect(diagnosticsOf(() => variable('a.b', z.number()))).toEqual([
      { code: 'INVALID_VARIABLE_NAME', pointer: '' },
    ]);
  });
});

describe('query languages', () => {
  test('a state may be pinned to JSONata inside a JSONPath workflow', () => {
    const wf = workflow('W').start(pass('A', { queryLanguage: 'JSONata', result: { a: 1 } }));
    const { definition } = compile(wf);
    expectValidAsl(definition);
    expect(definition.QueryLanguage).toBeUndefined();
    expect(definition.States.A).toEqual({
      Type: 'Pass',
      QueryLanguage: 'JSONata',
      Output: { a: 1 },
      End: true,
    });
  });

  test('a JSONata workflow cannot hold a state pinned to JSONPath', () => {
    const wf = workflow('W', { queryLanguage: 'JSONata' }).start(pass('A', { queryLanguage: 'JSONPath' }));
    expect(diagnosticsOf(() => compile(wf))).toEqual([
      { code: 'QUERY_LANGUAGE_CONFLICT', pointer: '/States/A/QueryLanguage', state: 'A' },
    ]);
  });

  test('ResultPath/OutputPath/InputPath become JSONata Output and Arguments with nested merges', () => {
    const t = task('T', {
      resource: lambda.invoke('f'),
      input: z.object({ order: z.object({ id: z.string() }) }),
      inputPath: '$.order',
      output: z.object({ ok: z.boolean() }),
      resultSelector: ({ result }) => ({ ok: result.Payload.ok }),
    })
      .resultPath('$.order.check')
      .outputPath('$.order');
    const { definition } = compile(workflow('W', { input: typed<{ order: { id: string } }>() }).start(t), {
      queryLanguage: 'JSONata',
    });
    expectValidAsl(definition);
    expect(definition.States.T).toMatchObject({
      Arguments: { FunctionName: 'f', Payload: '{% $states.input.order %}' },
      Output:
        "{% ($merge([$states.input, {'order': $merge([$states.input.order, {'check': {'ok': $states.result.Payload.ok}}])}])).order %}",
    });
  });

  test('literal strings shaped like JSONata expressions stay literal', () => {
    const { definition } = compile(workflow('W').start(pass('A', { result: { s: '{% not me %}' } })), {
      queryLanguage: 'JSONata',
    });
    expect(definition.States.A).toMatchObject({ Output: { s: "{% '{% not me %}' %}" } });
  });
});

describe('jsonata()', () => {
  test('a hand-written expression is embedded in JSONata states', () => {
    const wf = workflow('W', { queryLanguage: 'JSONata' }).start(
      pass('A', { parameters: () => ({ n: jsonata<number>('$count($states.input.items)') }) }),
    );
    expect(compile(wf).definition.States.A).toMatchObject({
      Output: { n: '{% ($count($states.input.items)) %}' },
    });
  });

  test('a syntax error fails the build naming the state and field', () => {
    const wf = workflow('W', { queryLanguage: 'JSONata' }).start(
      pass('A', { parameters: () => ({ n: jsonata<number>('$count(') }) }),
    );
    expect(diagnosticsOf(() => compile(wf))).toEqual([
      { code: 'INVALID_JSONATA', pointer: '/States/A/Output/n', state: 'A' },
    ]);
  });

  test('a JSONPath state cannot hold one', () => {
    const wf = workflow('W').start(pass('A', { parameters: () => ({ n: jsonata<number>('1') }) }));
    expect(diagnosticsOf(() => compile(wf))).toEqual([
      { code: 'JSONATA_IN_JSONPATH', pointer: '/States/A/Parameters/n', state: 'A' },
    ]);
  });

  test('a Fail cause may be a jsonata() expression', () => {
    const wf = workflow('W', { queryLanguage: 'JSONata' }).start(
      fail('F', { cause: () => jsonata<string>("'at ' & $states.context.State.Name") }),
    );
    expect(compile(wf).definition.States.F).toEqual({
      Type: 'Fail',
      Cause: "{% ('at ' & $states.context.State.Name) %}",
    });
  });
});

describe('state identity', () => {
  test('two distinct states with one name are reported, even when they look alike', () => {
    const wf = workflow('W').start(pass('Same')).next(pass('Same'));
    expect(diagnosticsOf(() => compile(wf))).toEqual([
      { code: 'DUPLICATE_STATE_NAME', pointer: '/States/Same', state: 'Same' },
    ]);
  });
});
