import type { AslDocument } from '@stepcraft/asl';
import { type HistoryEvent, run, StatesError } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { HistoryFormatError, historyView, type StateVisit } from '../src/index.js';
import { failingFirstTry } from './evaluation-retry.js';

/** A Map whose second item fails its Task twice (retried), then a Parallel whose second branch Fails (caught). */
const definition: AslDocument = {
  StartAt: 'Items',
  States: {
    Items: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 1,
      ItemProcessor: {
        StartAt: 'Work',
        States: {
          Work: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'work', 'Payload.$': '$' },
            OutputPath: '$.Payload',
            Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 3, BackoffRate: 2 }],
            End: true,
          },
        },
      },
      ResultPath: '$.done',
      Next: 'Both',
    },
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', Result: 'left', End: true } } },
        {
          StartAt: 'Right',
          States: {
            Right: { Type: 'Pass', Next: 'Stop' },
            Stop: { Type: 'Fail', Error: 'RightFailed', Cause: 'no right' },
          },
        },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Finish' }],
      Next: 'Finish',
    },
    Finish: { Type: 'Succeed' },
  },
};

let busy = 0;
const result = await run(
  definition,
  { items: [1, 2] },
  {
    handlers: {
      work: (n) => {
        if (n === 2 && busy++ < 2) throw new StatesError('Busy', `busy ${busy}`);
        return { n };
      },
    },
  },
);

/** The visits without event ids and timestamps, for comparing two readings of one execution. */
const shape = (visits: readonly StateVisit[]) =>
  visits.map(({ eventIds, enteredAt, exitedAt, enteredEventId, exitedEventId, attempts, ...rest }) => ({
    ...rest,
    attempts: attempts.map(({ startedEventId, startedAt, endedAt, ...attempt }) => attempt),
  }));

describe('history as state visits', () => {
  const view = historyView(result.history, definition);

  test('each visit has its fiber, parsed input and output, calls, retries and error', () => {
    expect(view.status).toBe('SUCCEEDED');
    expect(view.path).toEqual(['Items', 'Work', 'Work', 'Both', 'Left', 'Right', 'Stop', 'Finish']);
    const [first, second] = view.visitsOf('Work');
    expect(first).toMatchObject({
      path: [{ state: 'Items', index: 0 }],
      input: 1,
      output: { n: 1 },
      status: 'succeeded',
    });
    expect(second?.path).toEqual([{ state: 'Items', index: 1 }]);
    expect(second?.attempts.map((a) => [a.input, a.outcome, a.error])).toEqual([
      [{ FunctionName: 'work', Payload: 2 }, 'failed', 'Busy'],
      [{ FunctionName: 'work', Payload: 2 }, 'failed', 'Busy'],
      [{ FunctionName: 'work', Payload: 2 }, 'succeeded', undefined],
    ]);
    expect(second?.retries).toEqual([
      { error: 'Busy', cause: 'busy 1', delaySeconds: 3 },
      { error: 'Busy', cause: 'busy 2', delaySeconds: 6 },
    ]);
    expect(view.visitsOf('Stop')[0]).toMatchObject({
      path: [{ state: 'Both', index: 1 }],
      status: 'failed',
      error: 'RightFailed',
      cause: 'no right',
    });
    expect(view.visitsOf('Left')[0]?.path).toEqual([{ state: 'Both', index: 0 }]);
    expect(view.visitsOf('Both')[0]).toMatchObject({
      status: 'caught',
      error: 'RightFailed',
      cause: 'no right',
      next: 'Finish',
      output: {
        items: [1, 2],
        done: [{ n: 1 }, { n: 2 }],
        error: { Error: 'RightFailed', Cause: 'no right' },
      },
    });
  });

  test('errors are listed with their state, retried or not, in the order the states were entered', () => {
    expect(view.errors.map((e) => [e.state, e.error, e.retried, e.status])).toEqual([
      ['Work', 'Busy', true, 'succeeded'],
      ['Work', 'Busy', true, 'succeeded'],
      ['Both', 'RightFailed', false, 'caught'],
      ['Stop', 'RightFailed', false, 'failed'],
    ]);
  });

  test("AWS's shape reads the same: { events }, epoch-second timestamps, reverse order, quirky previousEventIds", () => {
    // AWS links some events to 0 or to the event before them rather than to their cause; sequential ids are the worst case.
    const aws = {
      events: result.history
        .map((event, i) => ({
          ...event,
          previousEventId: event.type.endsWith('StateEntered') && i === 1 ? 0 : event.id - 1,
          timestamp: Date.parse(event.timestamp) / 1000,
        }))
        .reverse(),
    };
    expect(shape(historyView(aws, definition).visits)).toEqual(shape(view.visits));
  });

  test('a Lambda error cause is parsed', async () => {
    const failed = await run(
      {
        StartAt: 'Call',
        States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:f', End: true } },
      },
      {},
      {
        handlers: {
          f: () => {
            throw new TypeError('bad');
          },
        },
      },
    );
    const [error] = historyView(failed.history).errors;
    expect(error).toMatchObject({
      state: 'Call',
      error: 'TypeError',
      causeJson: { errorMessage: 'bad', errorType: 'TypeError' },
    });
  });
});

describe('what the viewer reads the same way (found by test/differential/history-readers.test.ts)', () => {
  test("a Fail state with only a Cause keeps it: the execution's cause, with no error name", async () => {
    const failed = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'Stop',
        States: { Stop: { Type: 'Fail', Cause: '{% $states.input.why %}' } },
      },
      { why: 'no reason' },
    );
    const [visit] = historyView(failed.history).visits;
    expect(visit).toMatchObject({ state: 'Stop', status: 'failed', cause: 'no reason' });
    expect(visit?.error).toBeUndefined();
  });

  test('each retry of a Map says which error its iterations failed with', async () => {
    const retrying: AslDocument = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Stop', States: { Stop: { Type: 'Fail', Error: 'Bad', Cause: 'item' } } },
          Retry: [{ ErrorEquals: ['Bad'], MaxAttempts: 2, IntervalSeconds: 1 }],
          End: true,
        },
      },
    };
    const retried = await run(retrying, [1]);
    const [each] = historyView(retried.history, retrying).visits;
    expect(each?.attempts.map((attempt) => attempt.error)).toEqual(['Bad', 'Bad', 'Bad']);
    expect(each?.retries).toEqual([
      { error: 'Bad', cause: 'item', delaySeconds: 1 },
      { error: 'Bad', cause: 'item', delaySeconds: 2 },
    ]);
  });
});

describe('histories that cannot be read', () => {
  test.each([
    [42, 'An execution history is an array of events or an object { "events": [...] }'],
    [{ events: [null] }, 'events[0] is not an object.'],
    [[{ id: 'x', type: 'ExecutionStarted' }], 'events[0].id is not an integer.'],
    [[{ id: 1 }], 'events[0].type is not a string.'],
    [
      [
        { id: 1, type: 'ExecutionStarted' },
        { id: 1, type: 'PassStateEntered' },
      ],
      'Two events have the id 1.',
    ],
  ])('%j', (history, message) => {
    expect(() => historyView(history as never)).toThrow(HistoryFormatError);
    expect(() => historyView(history as never)).toThrow(message);
  });

  test('__proto__ in details and variables stays a plain key', () => {
    const view = historyView([
      {
        id: 1,
        previousEventId: 0,
        timestamp: '',
        type: 'ExecutionStarted',
        executionStartedEventDetails: { input: '{"__proto__":{"x":1}}' },
      },
      {
        id: 2,
        previousEventId: 1,
        timestamp: '',
        type: 'PassStateEntered',
        stateEnteredEventDetails: { name: 'A', input: '{}' },
      },
      {
        id: 3,
        previousEventId: 2,
        timestamp: '',
        type: 'PassStateExited',
        stateExitedEventDetails: { name: 'A', output: '{}', assignedVariables: { __proto__: '1' } },
      },
    ] as HistoryEvent[]);
    expect(Object.keys(view.input as object)).toEqual(['__proto__']);
    expect(({} as { x?: number }).x).toBeUndefined();
  });
});

describe('a retried States.QueryEvaluationError (retriable like any error)', () => {
  /** The visit of `Call` in a run of {@link failingFirstTry}. */
  async function callVisit(field: 'Output' | 'Arguments'): Promise<StateVisit> {
    const document = failingFirstTry(field);
    const ran = await run(document, {}, { handlers: { f: () => ({ ok: true }) } });
    expect(ran.status).toBe('SUCCEEDED');
    const visit = historyView(ran.history, document).visits.find((v) => v.state === 'Call');
    if (visit === undefined) throw new Error('no visit of Call');
    return visit;
  }

  test('its Output failed after the call: that call is the failed attempt, the retry is listed', async () => {
    const call = await callVisit('Output');
    expect([call.status, call.error]).toEqual(['succeeded', undefined]);
    expect(call.attempts.map((attempt) => [attempt.outcome, attempt.error])).toEqual([
      ['failed', 'States.QueryEvaluationError'],
      ['succeeded', undefined],
    ]);
    expect(call.attempts.map((attempt) => attempt.input)).toEqual([
      { FunctionName: 'f', Payload: 1 },
      {
        FunctionName: 'f',
        Payload: 1,
      },
    ]);
    expect(call.retries).toHaveLength(1);
    expect(call.retries[0]?.error).toBe('States.QueryEvaluationError');
    expect(call.retries[0]?.cause).toContain("'Output'");
    expect(call.retries[0]?.delaySeconds).toBe(1);
  });

  test('its Arguments failed before any call: a try without a call, then the retry', async () => {
    const call = await callVisit('Arguments');
    expect(call.status).toBe('succeeded');
    expect(call.attempts.map((attempt) => [attempt.outcome, attempt.error, attempt.input])).toEqual([
      ['failed', 'States.QueryEvaluationError', undefined],
      ['succeeded', undefined, { FunctionName: 'f', Payload: 1 }],
    ]);
    expect(call.retries.map((retry) => [retry.error, retry.delaySeconds])).toEqual([
      ['States.QueryEvaluationError', 1],
    ]);
  });
});
