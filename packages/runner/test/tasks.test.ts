import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { run, StatesError, type TaskHandlerContext } from '../src/index.js';

const task = (Resource: string, extra: Record<string, unknown> = {}): AslDocument =>
  ({ StartAt: 'T', States: { T: { Type: 'Task', Resource, End: true, ...extra } } }) as AslDocument;
const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:Greeter';

describe('Task handlers', () => {
  it('resolves handlers by state name, function name, full ARN, SDK key and compiled workflow, in that order', async () => {
    const byName = await run(
      task(LAMBDA_ARN),
      { n: 1 },
      { handlers: { T: () => 'state', Greeter: () => 'fn' } },
    );
    expect(byName.output).toBe('state');
    expect((await run(task(LAMBDA_ARN), {}, { handlers: { Greeter: () => 'fn' } })).output).toBe('fn');
    expect((await run(task(LAMBDA_ARN), {}, { handlers: { [LAMBDA_ARN]: () => 'arn' } })).output).toBe('arn');
    const sdk = task('arn:aws:states:::aws-sdk:s3:getObject', { Parameters: { Bucket: 'b', Key: 'k' } });
    expect((await run(sdk, {}, { handlers: { 'aws-sdk:s3:getObject': (input) => input } })).output).toEqual({
      Bucket: 'b',
      Key: 'k',
    });
    const compiled = { definition: task(LAMBDA_ARN), handlers: { T: () => 'compiled' } };
    expect((await run(compiled, {}, { handlers: { Other: () => 'x' } })).output).toBe('compiled');
    expect((await run(compiled, {}, { handlers: { T: () => 'override' } })).output).toBe('override');
  });

  it('fails clearly (and uncatchably) when no handler exists', async () => {
    const definition = task(LAMBDA_ARN, {
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'X' }],
      End: undefined,
      Next: 'X',
    });
    const withX = { ...definition, States: { ...definition.States, X: { Type: 'Succeed' } } } as AslDocument;
    const result = await run(withX, {}, { handlers: { constructor: () => 1 } as never });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Stepcraft.MissingHandler');
    expect(result.cause).toContain('Task state "T"');
    expect(result.cause).toContain('"Greeter"');
  });

  it('wraps lambda:invoke results in the Invoke envelope and hands the function its Payload', async () => {
    const definition = task('arn:aws:states:::lambda:invoke', {
      Parameters: { FunctionName: LAMBDA_ARN, Payload: { 'x.$': '$.x' } },
    });
    const result = await run(
      definition,
      { x: 2 },
      { handlers: { Greeter: (input) => ({ doubled: (input as { x: number }).x * 2 }) } },
    );
    expect(result.output).toMatchObject({
      ExecutedVersion: '$LATEST',
      Payload: { doubled: 4 },
      StatusCode: 200,
    });
    const envelope = result.output as {
      SdkResponseMetadata: { RequestId: string };
      SdkHttpMetadata: { HttpStatusCode: number };
    };
    expect(envelope.SdkResponseMetadata.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(envelope.SdkHttpMetadata.HttpStatusCode).toBe(200);
    const events = result.history.map((e) => e.type);
    expect(events).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(result.history[2]?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      region: 'us-east-1',
    });
  });

  it('returns the bare value for a plain function ARN, with LambdaFunction* events', async () => {
    const result = await run(task(LAMBDA_ARN), 'hi', { handlers: { T: (input) => `${String(input)}!` } });
    expect(result.output).toBe('hi!');
    expect(result.history.map((e) => e.type)).toContain('LambdaFunctionSucceeded');
  });

  it('turns thrown errors into task errors: StatesError verbatim, Lambda JSON cause, plain message otherwise', async () => {
    class PaymentDeclined extends Error {
      override name = 'PaymentDeclined';
    }
    const custom = await run(
      task(LAMBDA_ARN),
      {},
      {
        handlers: {
          T: () => {
            throw new StatesError('My.Error', 'my cause');
          },
        },
      },
    );
    expect(custom).toMatchObject({ error: 'My.Error', cause: 'my cause' });
    const lambda = await run(
      task(LAMBDA_ARN),
      {},
      {
        handlers: {
          T: async () => {
            throw new PaymentDeclined('card refused');
          },
        },
      },
    );
    expect(lambda.error).toBe('PaymentDeclined');
    // The Node.js runtime's error document: errorType, errorMessage and the stack's lines as trace: the handler's
    // frames, relative to the working directory, without the runner's (the same history on every checkout).
    const document = JSON.parse(lambda.cause ?? '');
    expect(document).toMatchObject({ errorType: 'PaymentDeclined', errorMessage: 'card refused' });
    expect(document.trace[0]).toBe('PaymentDeclined: card refused');
    expect(document.trace[1]).toMatch(/^ {4}at .*\(packages\/runner\/test\/tasks\.test\.ts:\d+:\d+\)$/);
    expect(document.trace.join('\n')).not.toContain(process.cwd());
    expect(document.trace.join('\n')).not.toMatch(/runner\/src\//);
    const sqs = await run(
      task('arn:aws:states:::sqs:sendMessage', { Parameters: { QueueUrl: 'q', MessageBody: 'm' } }),
      {},
      {
        handlers: {
          q: () => {
            throw new Error('queue down');
          },
        },
      },
    );
    expect(sqs).toMatchObject({ error: 'Error', cause: 'queue down' });
  });

  it('rejects non-JSON handler results with a named error', async () => {
    const result = await run(task(LAMBDA_ARN), {}, { handlers: { T: () => ({ f: () => 1 }) } });
    expect(result.error).toBe('Stepcraft.InvalidTaskResult');
    expect(result.cause).toContain('$.f');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect((await run(task(LAMBDA_ARN), {}, { handlers: { T: () => cyclic } })).cause).toContain('circular');
    expect((await run(task(LAMBDA_ARN), {}, { handlers: { T: () => undefined } })).output).toBeNull();
  });

  it('fails an oversized task result with a catchable States.DataLimitExceeded', async () => {
    const definition: AslDocument = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: LAMBDA_ARN,
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const result = await run(definition, {}, { handlers: { T: () => 'z'.repeat(300_000) } });
    expect(result.output).toEqual({
      Error: 'States.DataLimitExceeded',
      Cause: `The state/task '${LAMBDA_ARN}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    });
  });

  it('does not let a handler mutate the execution data', async () => {
    const definition: AslDocument = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: LAMBDA_ARN, ResultPath: '$.r', End: true } },
    };
    const result = await run(
      definition,
      { list: [1] },
      {
        handlers: {
          T: (input) => {
            (input as { list: number[] }).list.push(2);
            return 0;
          },
        },
      },
    );
    expect(result.output).toEqual({ list: [1], r: 0 });
  });

  it('times out a slow task on the virtual clock (TimeoutSeconds) without really waiting', async () => {
    const definition = task(LAMBDA_ARN, { TimeoutSeconds: 5 });
    const started = Date.now();
    const result = await run(
      definition,
      {},
      {
        handlers: {
          T: async (_i, ctx: TaskHandlerContext) => {
            await ctx.sleep(3600);
            return 1;
          },
        },
      },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(result.stats.durationMs).toBe(5000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.history.map((e) => e.type)).toContain('LambdaFunctionTimedOut');
  });

  it('resolves TimeoutSecondsPath from the input', async () => {
    const definition = task(LAMBDA_ARN, { TimeoutSecondsPath: '$.t' });
    const result = await run(
      definition,
      { t: 2 },
      {
        handlers: {
          T: async (_i, ctx: TaskHandlerContext) => {
            await ctx.sleep(10);
            return 1;
          },
        },
      },
    );
    expect(result.error).toBe('States.Timeout');
    expect(result.stats.durationMs).toBe(2000);
    const bad = await run(definition, { t: 'soon' }, { handlers: { T: () => 1 } });
    expect(bad.error).toBe('States.Runtime');
  });
});

describe('callback tasks (.waitForTaskToken) and activities', () => {
  const callback: AslDocument = {
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: {
          QueueUrl: 'approvals',
          MessageBody: { 'token.$': '$$.Task.Token', 'amount.$': '$.amount' },
        },
        HeartbeatSeconds: 60,
        TimeoutSeconds: 3600,
        End: true,
      },
    },
  };

  it('completes from another handler and fails with sendTaskFailure error and cause', async () => {
    const definition: AslDocument = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'Ask', States: { Ask: { ...(callback.States.Ask as object), End: true } as never } },
            { StartAt: 'Reject', States: { Reject: { Type: 'Task', Resource: 'reject', End: true } } },
          ],
        },
      },
    };
    let token = '';
    const result = await run(
      definition,
      { amount: 5 },
      {
        handlers: {
          approvals: (input) => {
            token = (input as { MessageBody: { token: string } }).MessageBody.token;
            return {};
          },
          reject: (_i, ctx: TaskHandlerContext) => {
            ctx.sendTaskFailure(token, 'Rejected', 'too expensive');
            return 'sent';
          },
        },
      },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'too expensive' });
  });

  it('times out on a missed heartbeat with States.Timeout, and heartbeats keep it alive', async () => {
    const silent = await run(callback, { amount: 1 }, { handlers: { approvals: () => ({}) } });
    expect(silent).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(silent.stats.durationMs).toBe(60_000);

    const beating = await run(
      callback,
      { amount: 1 },
      {
        handlers: {
          approvals: (input, ctx: TaskHandlerContext) => {
            const token = (input as { MessageBody: { token: string } }).MessageBody.token;
            void (async () => {
              for (let i = 0; i < 3; i++) {
                await ctx.sleep(50);
                ctx.heartbeat();
              }
            })();
            void token;
            return {};
          },
        },
      },
    );
    expect(beating.error).toBe('States.Timeout');
    expect(beating.stats.durationMs).toBe(3 * 50_000 + 60_000);
  });

  it('runs an activity: the handler is the worker and its return value the result', async () => {
    const activity = task('arn:aws:states:us-east-1:123456789012:activity:review');
    const result = await run(
      activity,
      { doc: 1 },
      {
        handlers: {
          T: (input, ctx: TaskHandlerContext) => ({ reviewed: input, token: typeof ctx.taskToken }),
        },
      },
    );
    expect(result.output).toEqual({ reviewed: { doc: 1 }, token: 'string' });
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('never answering a token ends in TIMED_OUT at the execution timeout, not a hang', async () => {
    const {
      HeartbeatSeconds: _h,
      TimeoutSeconds: _t,
      ...ask
    } = callback.States.Ask as unknown as Record<string, unknown>;
    const definition = { ...callback, TimeoutSeconds: 10, States: { Ask: ask } } as unknown as AslDocument;
    const result = await run(definition, { amount: 1 }, { handlers: { approvals: () => ({}) } });
    expect(result).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(result.history.at(-1)?.type).toBe('ExecutionTimedOut');
    expect(result.history.map((e) => e.type)).toContain('TaskStateAborted');
  });
});

describe('.sync tasks', () => {
  it('complete with the handler result', async () => {
    const definition = task('arn:aws:states:::states:startExecution.sync:2', {
      Parameters: { StateMachineArn: 'arn:child', Input: { 'a.$': '$.a' } },
    });
    const result = await run(
      definition,
      { a: 1 },
      { handlers: { T: (input) => ({ Output: (input as { Input: JsonValue }).Input }) } },
    );
    expect(result.output).toEqual({ Output: { a: 1 } });
  });
});
