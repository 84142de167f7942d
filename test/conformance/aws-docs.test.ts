import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { run, StatesError } from '@stepcraft/runner';
import { describe, expect, it } from 'vitest';

/** Cases written from the AWS documentation's own examples (the page is named on each test). */
describe('AWS documentation examples', () => {
  it('ResultPath: "$.taskresult" adds the result to the input (input-output-resultpath)', async () => {
    const definition: AslDocument = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:HelloFunction',
          ResultPath: '$.taskresult',
          End: true,
        },
      },
    };
    const input = {
      comment: 'This is a test of the input and output of a Task state.',
      details: 'Default example',
      who: 'AWS Step Functions',
    };
    const result = await run(definition, input, {
      handlers: { HelloFunction: (i) => `Hello, ${(i as { who: string }).who}!` },
    });
    expect(result.output).toEqual({ ...input, taskresult: 'Hello, AWS Step Functions!' });
  });

  it('ResultPath: null discards the result and keeps the input (input-output-resultpath)', async () => {
    const definition: AslDocument = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'fn', ResultPath: null, End: true } },
    };
    expect((await run(definition, { a: 1 }, { handlers: { fn: () => 'Hello' } })).output).toEqual({ a: 1 });
  });

  it('Pass with Result and ResultPath injects coordinates (state-pass)', async () => {
    const definition: AslDocument = {
      StartAt: 'No-op',
      States: {
        'No-op': {
          Type: 'Pass',
          Result: { x: 0.381018, y: 622.2269926397355 },
          ResultPath: '$.coords',
          End: true,
        },
      },
    };
    const input = { georefOf: 'Home' };
    expect((await run(definition, input)).output).toEqual({
      georefOf: 'Home',
      coords: { x: 0.381018, y: 622.2269926397355 },
    });
  });

  it('InputPath, ResultPath and OutputPath together (input-output-example)', async () => {
    const definition: AslDocument = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'add',
          InputPath: '$.lambda',
          ResultPath: '$.data.lambdaresult',
          OutputPath: '$.data',
          End: true,
        },
      },
    };
    const input = {
      comment: 'An input comment.',
      data: { val1: 23, val2: 17 },
      extra: 'foo',
      lambda: { who: 'AWS Step Functions' },
    };
    const result = await run(definition, input, {
      handlers: { add: (i) => `Hello, ${(i as { who: string }).who}!` },
    });
    expect(result.output).toEqual({ val1: 23, val2: 17, lambdaresult: 'Hello, AWS Step Functions!' });
  });

  it('Catch with ResultPath "$.error" keeps the input next to the error (concepts-error-handling)', async () => {
    const definition: AslDocument = {
      StartAt: 'HelloWorld',
      States: {
        HelloWorld: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:FailFunction',
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Fallback' }],
          End: true,
        },
        Fallback: { Type: 'Pass', End: true },
      },
    };
    const result = await run(
      definition,
      { foo: 'bar' },
      {
        handlers: {
          FailFunction: () => {
            throw new StatesError('CustomError', 'This is a custom error!');
          },
        },
      },
    );
    expect(result.output).toEqual({
      foo: 'bar',
      error: { Error: 'CustomError', Cause: 'This is a custom error!' },
    });
  });

  it('the spec retrier example: ErrorA, ErrorB, ErrorC, ErrorB waits 1 s, 2 s, 5 s, then goes to Catch', async () => {
    const definition: AslDocument = {
      StartAt: 'X',
      States: {
        X: {
          Type: 'Task',
          Resource: 'work',
          Retry: [
            { ErrorEquals: ['ErrorA', 'ErrorB'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 2 },
            { ErrorEquals: ['ErrorC'], IntervalSeconds: 5 },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Z' }],
          End: true,
        },
        Z: { Type: 'Pass', End: true },
      },
    };
    const errors = ['ErrorA', 'ErrorB', 'ErrorC', 'ErrorB'];
    const times: number[] = [];
    let call = 0;
    const result = await run(
      definition,
      {},
      {
        handlers: {
          work: (_input, ctx) => {
            times.push(Date.parse((ctx.context as { State: { EnteredTime: string } }).State.EnteredTime));
            throw new StatesError(errors[call++] ?? 'Unexpected', 'failed');
          },
        },
      },
    );
    expect(result.output).toEqual({ Error: 'ErrorB', Cause: 'failed' });
    expect(call).toBe(4);
    expect(result.stats.durationMs).toBe(8000);
    const scheduled = result.history
      .filter((e) => e.type === 'TaskScheduled')
      .map((e) => Date.parse(e.timestamp));
    expect(scheduled.map((t) => t - (scheduled[0] ?? 0))).toEqual([0, 1000, 3000, 8000]);
  });

  it('Retry with MaxDelaySeconds caps the backoff (concepts-error-handling)', async () => {
    const definition: AslDocument = {
      StartAt: 'X',
      States: {
        X: {
          Type: 'Task',
          Resource: 'work',
          Retry: [
            {
              ErrorEquals: ['States.ALL'],
              IntervalSeconds: 3,
              BackoffRate: 2,
              MaxAttempts: 3,
              MaxDelaySeconds: 4,
            },
          ],
          End: true,
        },
      },
    };
    const result = await run(
      definition,
      {},
      {
        handlers: {
          work: () => {
            throw new Error('nope');
          },
        },
      },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'Error', cause: 'nope' });
    expect(result.stats.durationMs).toBe(3000 + 4000 + 4000);
  });

  it('States.TaskFailed matches any task error except States.Timeout (concepts-error-handling)', async () => {
    const definition: AslDocument = {
      StartAt: 'X',
      States: {
        X: {
          Type: 'Task',
          Resource: 'work',
          Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const thrower = (error: string) => ({
      work: () => {
        throw new StatesError(error, 'c');
      },
    });
    expect((await run(definition, {}, { handlers: thrower('Any.Error') })).status).toBe('SUCCEEDED');
    expect((await run(definition, {}, { handlers: thrower('States.Timeout') })).status).toBe('FAILED');
  });

  it('Map with ItemSelector and $$.Map.Item (state-map-inline)', async () => {
    const definition: AslDocument = {
      StartAt: 'Validate-All',
      States: {
        'Validate-All': {
          Type: 'Map',
          InputPath: '$.detail',
          ItemsPath: '$.shipped',
          MaxConcurrency: 0,
          ItemSelector: { 'parcel.$': '$$.Map.Item.Value', 'courier.$': '$.delivery-partner' },
          ItemProcessor: { StartAt: 'Validate', States: { Validate: { Type: 'Pass', End: true } } },
          ResultPath: '$.detail.shipped',
          End: true,
        },
      },
    };
    const input = {
      'ship-date': '2016-03-14T01:59:00Z',
      detail: {
        'delivery-partner': 'UQS',
        shipped: [
          { prod: 'R31', 'dest-code': 9511, quantity: 1344 },
          { prod: 'S39', 'dest-code': 9511, quantity: 40 },
        ],
      },
    };
    const result = await run(definition, input);
    const shipped = (result.output as { detail: { shipped: JsonValue[] } }).detail.shipped;
    expect(shipped).toEqual([
      { parcel: { prod: 'R31', 'dest-code': 9511, quantity: 1344 }, courier: 'UQS' },
      { parcel: { prod: 'S39', 'dest-code': 9511, quantity: 40 }, courier: 'UQS' },
    ]);
  });
});
