import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { run, type StandardSchema, StatesError, type TaskHandlerContext } from '../src/index.js';

const busy: AslDocument = {
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Parallel',
      Next: 'Items',
      Branches: [
        {
          StartAt: 'W1',
          States: {
            W1: { Type: 'Wait', Seconds: 3, Next: 'T1' },
            T1: { Type: 'Task', Resource: 'work', End: true },
          },
        },
        {
          StartAt: 'W2',
          States: {
            W2: { Type: 'Wait', Seconds: 1, Next: 'T2' },
            T2: { Type: 'Task', Resource: 'work', End: true },
          },
        },
      ],
    },
    Items: {
      Type: 'Map',
      ItemsPath: '$[0]',
      ItemSelector: { 'v.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index', 'id.$': 'States.UUID()' },
      ItemProcessor: {
        StartAt: 'Job',
        States: {
          Job: {
            Type: 'Task',
            Resource: 'job',
            Retry: [{ ErrorEquals: ['Flaky'], JitterStrategy: 'FULL' }],
            End: true,
          },
        },
      },
      End: true,
    },
  },
};
const handlers = {
  work: async (input: JsonValue, ctx: TaskHandlerContext) => {
    await ctx.sleep(2);
    return [1, 2, 3, input === null ? 0 : 4];
  },
  job: (() => {
    let calls = 0;
    return (input: JsonValue) => {
      calls++;
      if (calls % 2 === 1) throw new StatesError('Flaky', 'try again');
      return input;
    };
  })(),
};

describe('virtual time and determinism', () => {
  it('a one-year Wait finishes at once, with simulated timestamps', async () => {
    const started = Date.now();
    const result = await run({
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 31_536_000, End: true } },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.stats.durationMs).toBe(31_536_000_000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.history.at(-1)?.timestamp).toBe('2024-12-31T00:00:00.000Z');
  });

  it('two runs with the same seed and start time give identical results and histories', async () => {
    const fresh = () => ({
      ...handlers,
      job: ((): ((input: JsonValue) => JsonValue) => {
        let calls = 0;
        return (input) => {
          if (++calls % 2 === 1) throw new StatesError('Flaky', 'x');
          return input;
        };
      })(),
    });
    const a = await run(busy, { go: 1 }, { handlers: fresh(), seed: 7 });
    const b = await run(busy, { go: 1 }, { handlers: fresh(), seed: 7 });
    expect(a.status).toBe('SUCCEEDED');
    expect({ ...a, stats: { ...a.stats, wallMs: 0 } }).toEqual({ ...b, stats: { ...b.stats, wallMs: 0 } });
    const c = await run(busy, { go: 1 }, { handlers: fresh(), seed: 8 });
    expect(c.output).not.toEqual(a.output);
    // Branch 2 (1 s wait) runs its task before branch 1 (3 s wait): interleaving follows simulated time.
    const scheduled = a.history
      .filter((e) => e.type === 'TaskStateEntered')
      .map((e) => e.stateEnteredEventDetails?.name);
    expect(scheduled.slice(0, 2)).toEqual(['T2', 'T1']);
  });

  it('MaxConcurrency 1 runs iterations strictly in order; results keep input order', async () => {
    const order: number[] = [];
    const definition: AslDocument = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'slow', End: true } } },
          End: true,
        },
      },
    };
    const slow = async (input: JsonValue, ctx: TaskHandlerContext) => {
      await ctx.sleep(10 - (input as number));
      order.push(input as number);
      return (input as number) * 10;
    };
    const result = await run(definition, [1, 2, 3], { handlers: { slow } });
    expect(result.output).toEqual([10, 20, 30]);
    expect(order).toEqual([1, 2, 3]);
    order.length = 0;
    const parallel = await run(
      { ...definition, States: { M: { ...(definition.States.M as object), MaxConcurrency: 0 } as never } },
      [1, 2, 3],
      { handlers: { slow } },
    );
    expect(parallel.output).toEqual([10, 20, 30]);
    expect(order).toEqual([3, 2, 1]);
  });
});

describe('failures in Parallel and Map', () => {
  it('the first failing branch aborts its siblings and surfaces its own error', async () => {
    const definition: AslDocument = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 100, End: true } } },
            { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Boom', Cause: 'bad' } } },
          ],
        },
      },
    };
    const result = await run(definition);
    expect(result).toMatchObject({ status: 'FAILED', error: 'Boom', cause: 'bad' });
    expect(result.stats.durationMs).toBe(0);
    expect(result.history.map((e) => e.type)).toContain('WaitStateAborted');
  });

  it('tolerated failures: within the threshold the Map succeeds, beyond it fails with ExceedToleratedFailureThreshold', async () => {
    const map = (tolerated: number): AslDocument => ({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ToleratedFailureCount: tolerated,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [{ Variable: '$', NumericGreaterThan: 1, Next: 'F' }],
                Default: 'S',
              },
              F: { Type: 'Fail', Error: 'Big' },
              S: { Type: 'Succeed' },
            },
          },
          End: true,
        },
      },
    });
    expect((await run(map(2), [1, 2, 3])).output).toEqual([1, null, null]);
    expect(await run(map(1), [1, 2, 3])).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
  });

  it('Distributed Map iterations cannot read outer variables; inline ones can', async () => {
    const definition = (mode: 'INLINE' | 'DISTRIBUTED'): AslDocument => ({
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { outer: 5 }, Next: 'M' },
        M: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: mode },
            StartAt: 'Read',
            States: { Read: { Type: 'Pass', Parameters: { 'o.$': '$outer' }, End: true } },
          },
          End: true,
        },
      },
    });
    expect((await run(definition('INLINE'), { items: [1] })).output).toEqual([{ o: 5 }]);
    expect((await run(definition('DISTRIBUTED'), { items: [1] }, { validate: false })).error).toBe(
      'States.Runtime',
    );
  });
});

describe('contracts', () => {
  const definition: AslDocument = {
    StartAt: 'Charge',
    States: { Charge: { Type: 'Task', Resource: 'charge', End: true } },
  };
  // Hand-written Standard Schema v1 validators (zod 4 schemas have the same shape); one is asynchronous.
  const amountIsNumber: StandardSchema = {
    '~standard': {
      validate: (value) =>
        typeof (value as { order?: { amount?: unknown } }).order?.amount === 'number'
          ? { value }
          : { issues: [{ message: 'Expected number, received string', path: ['order', { key: 'amount' }] }] },
    },
  };
  const okIsBoolean: StandardSchema = {
    '~standard': {
      validate: async (value) =>
        typeof (value as { ok?: unknown }).ok === 'boolean'
          ? { value }
          : { issues: [{ message: 'Expected boolean' }] },
    },
  };
  const contracts = { Charge: { stateInput: amountIsNumber, taskResult: okIsBoolean } };
  const workflow = { definition, contracts, handlers: { charge: () => ({ ok: 'yes' }) } };

  it('fails the execution on a mismatch, naming the state and the path', async () => {
    const result = await run(workflow, { order: { amount: 'ten' } });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Stepcraft.ContractViolation');
    expect(result.cause).toBe(
      'State "Charge" input does not match its declared schema at order.amount: Expected number, received string',
    );
  });

  it("reports and continues with contracts: 'report'; skips with 'off'", async () => {
    const reported = await run(workflow, { order: { amount: 'ten' } }, { contracts: 'report' });
    expect(reported.status).toBe('SUCCEEDED');
    expect(reported.contractViolations?.map((v) => v.kind)).toEqual(['stateInput', 'taskResult']);
    const off = await run(workflow, { order: { amount: 'ten' } }, { contracts: 'off' });
    expect(off.contractViolations).toBeUndefined();
  });
});

describe('Wait *Path fields that select nothing', () => {
  it.each(['SecondsPath', 'TimestampPath'])(
    '%s fails with States.Runtime naming the field and path',
    async (field) => {
      const result = await run(
        { StartAt: 'W', States: { W: { Type: 'Wait', [field]: '$.missing', End: true } } },
        {},
      );
      expect(result).toMatchObject({
        status: 'FAILED',
        error: 'States.Runtime',
        cause: `An error occurred while executing the state 'W' (entered at the event id #2). The ${field} parameter does not reference an input value: $.missing`,
      });
    },
  );
});

describe('JSONata Choice conditions that are not booleans', () => {
  it.each([
    ['{% 42 %}', "'number' for value: 42"],
    ['{% [1] %}', "'array' for value: [1]"],
    ['{% null %}', "'null' for value: null"],
  ])('%s fails with States.QueryEvaluationError naming the type', async (condition, tail) => {
    const result = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'C',
        States: {
          C: { Type: 'Choice', Choices: [{ Condition: condition, Next: 'D' }], Default: 'D' },
          D: { Type: 'Succeed' },
        },
      },
      {},
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    const expression = condition.slice(2, -2).trim();
    expect(result.cause).toContain(
      `The JSONata expression '${expression}' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was ${tail}`,
    );
  });
});
