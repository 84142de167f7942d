import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { run, start, TaskTokenError } from '../src/index.js';

/** A callback task on SQS, optionally with HeartbeatSeconds/TimeoutSeconds and a Catch going to `Escalate`. */
function approval(fields: Record<string, unknown> = {}): AslDocument {
  const ask = {
    Type: 'Task',
    Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    Parameters: {
      QueueUrl: 'approvals',
      MessageBody: { 'token.$': '$$.Task.Token', 'amount.$': '$.amount' },
    },
    End: true,
    ...fields,
  };
  const escalate = 'Catch' in fields ? { Escalate: { Type: 'Pass', End: true } } : {};
  return { StartAt: 'Ask', States: { Ask: ask, ...escalate } } as AslDocument;
}

const realDelay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('time stands still while the test holds control', () => {
  it('answers a token after the test awaited a real timer', async () => {
    const execution = start(approval({ HeartbeatSeconds: 60, TimeoutSeconds: 3600 }), { amount: 5 });
    const { token, input, parameters } = await execution.waitForTaskToken('Ask');
    expect(input).toEqual({ amount: 5 });
    expect(parameters).toEqual({ QueueUrl: 'approvals', MessageBody: { token, amount: 5 } });
    await realDelay(30);
    // Nothing awaited the execution: its one-minute heartbeat has not fired.
    expect(execution.now().toISOString()).toBe('2024-01-01T00:00:00.000Z');
    execution.sendTaskHeartbeat(token);
    execution.sendTaskSuccess(token, { approved: true });
    const result = await execution.result;
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { approved: true } });
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('moves time only when told: advance() fires the timers on the way, then stops', async () => {
    const definition: AslDocument = {
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 60, Next: 'Ask' }, ...approval().States },
    };
    const execution = start(definition, { amount: 1 });
    await execution.advance(30_000);
    expect(execution.now().toISOString()).toBe('2024-01-01T00:00:30.000Z');
    expect(execution.history().map((e) => e.type)).toEqual(['ExecutionStarted', 'WaitStateEntered']);
    await execution.advance(30_000);
    expect(execution.history().map((e) => e.type)).toContain('TaskSubmitted');
    // waitForTaskToken runs the execution until the token is offered (it already is here).
    const { token } = await execution.waitForTaskToken('Ask');
    execution.sendTaskFailure(token, 'Rejected', 'too expensive');
    expect(await execution.result).toMatchObject({
      status: 'FAILED',
      error: 'Rejected',
      cause: 'too expensive',
    });
  });

  it('runs until the token when asked for it, moving time past a Wait on the way', async () => {
    const definition: AslDocument = {
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 3600, Next: 'Ask' }, ...approval().States },
    };
    const execution = start(definition, { amount: 1 });
    const { token } = await execution.waitForTaskToken('Ask');
    expect(execution.now().toISOString()).toBe('2024-01-01T01:00:00.000Z');
    execution.sendTaskSuccess(token, 'ok');
    expect((await execution.result).output).toBe('ok');
  });
});

describe('tokens nobody answers', () => {
  it('time out on HeartbeatSeconds once the result is awaited (States.Timeout, caught)', async () => {
    const definition = approval({
      HeartbeatSeconds: 60,
      TimeoutSeconds: 3600,
      Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], Next: 'Escalate' }],
      End: undefined,
      Next: 'Escalate',
    });
    const result = await run(definition, { amount: 1 });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Error: 'States.Timeout', Cause: '' } });
    expect(result.stats.durationMs).toBe(60_000);
    expect(result.history.map((e) => e.type)).toContain('TaskTimedOut');
  });

  it('with no timeout at all, end with the named error instead of waiting out the year', async () => {
    const started = performance.now();
    const result = await run(approval(), { amount: 1 });
    expect(result).toMatchObject({ status: 'FAILED', error: 'Stepcraft.Stalled' });
    expect(result.cause).toContain('Task state "Ask" waits for a task token that nothing sent');
    expect(result.stats.durationMs).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.history.map((e) => e.type).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionFailed']);
  });

  it("with the execution's own TimeoutSeconds, time out as AWS does", async () => {
    const result = await run({ ...approval(), TimeoutSeconds: 10 }, { amount: 1 });
    expect(result).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(result.stats.durationMs).toBe(10_000);
  });

  it('a Parallel waits on a token in one branch while the other waits on a timer', async () => {
    const definition: AslDocument = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'Ask', States: { Ask: { ...(approval().States.Ask as object), End: true } as never } },
            {
              StartAt: 'Cool',
              States: {
                Cool: { Type: 'Wait', Seconds: 60, Next: 'Done' },
                Done: { Type: 'Pass', End: true },
              },
            },
          ],
        },
      },
    };
    const execution = start(definition, { amount: 3 });
    const { token } = await execution.waitForTaskToken('Ask');
    const types = () => execution.history().map((e) => e.type);
    expect(types()).not.toContain('WaitStateExited');
    await execution.advance(60_000);
    expect(types()).toContain('WaitStateExited');
    expect(types()).not.toContain('TaskSucceeded');
    execution.sendTaskSuccess(token, 'approved');
    const result = await execution.result;
    expect(result.output).toEqual(['approved', { amount: 3 }]);
    expect(result.stats.durationMs).toBe(60_000);

    // Awaited with nobody to answer: the timer still fires, then the lone token is a stall.
    const stalled = await run(definition, { amount: 3 });
    expect(stalled).toMatchObject({ status: 'FAILED', error: 'Stepcraft.Stalled' });
    expect(stalled.stats.durationMs).toBe(60_000);
    expect(stalled.history.map((e) => e.type)).toContain('WaitStateExited');
  });
});

describe('answering tokens (answering from another handler: tasks.test.ts)', () => {
  it('says why a token is refused: finished, timed out, never existed, or the execution is over', async () => {
    const execution = start(approval({ HeartbeatSeconds: 5, TimeoutSeconds: 60 }), { amount: 1 });
    const first = await execution.waitForTaskToken('Ask');
    expect(() => execution.sendTaskSuccess('nope', 1)).toThrow(TaskTokenError);
    expect(() => execution.sendTaskSuccess('nope', 1)).toThrow(
      /no task ever had the task token 'nope'.*InvalidToken/,
    );
    expect(() => execution.sendTaskSuccess(first.token, { f: () => 1 } as never)).toThrow(
      /not JSON.*InvalidOutput/,
    );
    execution.sendTaskSuccess(first.token, 1);
    expect(() => execution.sendTaskSuccess(first.token, 2)).toThrow(/already finished.*TaskDoesNotExist/);
    await execution.result;
    expect(() => execution.sendTaskFailure(first.token)).toThrow(/the execution is over \(SUCCEEDED\)/);

    const retried = start(
      approval({
        HeartbeatSeconds: 5,
        Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 1, IntervalSeconds: 1 }],
      }),
      { amount: 1 },
    );
    const timedOut = await retried.waitForTaskToken('Ask');
    await retried.advance(5_000);
    let problem: unknown;
    try {
      retried.sendTaskSuccess(timedOut.token, 1);
    } catch (e) {
      problem = e;
    }
    expect(problem).toMatchObject({ name: 'TaskTokenError', problem: 'timed-out' });
    expect(String(problem)).toMatch(/timed out \(States.Timeout\).*TaskTimedOut/);
    // The retry's attempt has a new token.
    const second = await retried.waitForTaskToken('Ask');
    expect(second.token).not.toBe(timedOut.token);
    retried.sendTaskSuccess(second.token, 'late but fine');
    expect((await retried.result).output).toBe('late but fine');
  });

  it('rejects waitForTaskToken when the execution ends first', async () => {
    const execution = start({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, {});
    await expect(execution.waitForTaskToken('Ask')).rejects.toThrow(
      'The execution ended (SUCCEEDED) before state "Ask" waited for a task token.',
    );
  });
});

describe('handlers that never settle', () => {
  const slow = (fields: Record<string, unknown>): AslDocument => ({
    StartAt: 'T',
    States: {
      T: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Hang',
        End: true,
        ...fields,
      },
    },
  });
  const hang = { T: () => new Promise<JsonValue>(() => {}) };

  it('time out on TimeoutSeconds once their grace is over (States.Timeout, Retry and Catch apply)', async () => {
    const result = await run(
      slow({ TimeoutSeconds: 5, Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 1 }] }),
      {},
      { handlers: hang, handlerGraceMs: 20 },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(result.stats.durationMs).toBe(5_000 + 1_000 + 5_000);
    expect(result.history.filter((e) => e.type === 'LambdaFunctionTimedOut')).toHaveLength(2);
  });

  it('end with the named error, naming the state, when nothing would time them out', async () => {
    const started = performance.now();
    const result = await run(slow({}), {}, { handlers: hang, handlerGraceMs: 20 });
    expect(result).toMatchObject({ status: 'FAILED', error: 'Stepcraft.Stalled' });
    expect(result.cause).toContain('the handler of Task state "T" has not settled after 20 ms of real time');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('hold virtual time within their grace, so a slow but real handler is not timed out', async () => {
    const result = await run(
      slow({ TimeoutSeconds: 5 }),
      {},
      {
        handlers: { T: () => realDelay(30).then(() => 'done') },
      },
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'done' });
    expect(result.stats.durationMs).toBe(0);
  });
});

describe('run options', () => {
  it.each([
    ['maxHistoryEvents', Number.NaN],
    ['maxTransitions', -1],
    ['seed', Number.POSITIVE_INFINITY],
    ['handlerGraceMs', -5],
    ['clock', 'fast'],
    ['inspect', 'yes'],
  ])('%s: %s is a RunnerUsageError', async (key, value) => {
    const pass: AslDocument = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    expect(() => start(pass, {}, { [key]: value })).toThrow(`Invalid run option ${key}`);
    await expect(run(pass, {}, { [key]: value })).rejects.toMatchObject({ name: 'RunnerUsageError' });
  });

  it('context.sleep(NaN) is a named error the handler can catch', async () => {
    const result = await run(
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'sleepy', End: true } } },
      {},
      {
        handlers: {
          sleepy: async (_input, context) => {
            try {
              await context.sleep(Number.NaN);
              return 'slept';
            } catch (e) {
              return (e as Error).name;
            }
          },
        },
      },
    );
    expect(result.output).toBe('RunnerUsageError');
  });
});

describe('aborting while a step is in flight', () => {
  it('abort() ends a long JSONata evaluation at once, as ABORTED (not after its million-step budget)', async () => {
    const definition: AslDocument = {
      QueryLanguage: 'JSONata',
      StartAt: 'Spin',
      States: {
        Spin: { Type: 'Pass', Output: '{% ($f := function($n) { $f($n + 1) }; $f(0)) %}', End: true },
      },
    };
    const execution = start(definition, {});
    await realDelay(5);
    const before = performance.now();
    execution.abort('Test.Stop', 'enough');
    const result = await execution.result;
    expect(performance.now() - before).toBeLessThan(1_000);
    expect(result).toMatchObject({ status: 'ABORTED', error: 'Test.Stop', cause: 'enough' });
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'ExecutionAborted',
    ]);
  });
});
