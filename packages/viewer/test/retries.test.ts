import type { AslDocument } from '@stepcraft/asl';
import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { analyzeRun, laneKey, type RunModel, retriesOf, type Visit } from '../page/analyze.js';
import { laneLabel, stateStatuses, visitsInFocus } from '../page/focus.js';
import { readRun, runRecordOf } from '../src/index.js';
import { awsRun } from './corpus-runs.js';

/** A recorded AWS execution of the runtime corpus, taken apart. */
const awsModel = (id: string): RunModel => analyzeRun(awsRun(id));

const only = (model: RunModel, state: string): Visit => {
  const [visit, ...others] = model.visitsByState.get(state) ?? [];
  if (visit === undefined || others.length > 0) throw new Error(`expected one visit of ${state}`);
  return visit;
};

/** Each lane of a Map or Parallel as `attempt:index status (visits)`. */
const lanesOf = (visit: Visit) =>
  [...visit.lanes.entries()].map(
    ([key, lane]) => `${key} ${lane.status} (${lane.visits.map((v) => v.state).join(', ')})`,
  );

describe('a retried Map or Parallel (AWS recordings): each attempt runs its own lanes', () => {
  test('a Map retried twice: three attempts, each with its iteration 0, and the two retries with their error', () => {
    const model = awsModel('scen-map-state-retry');
    const map = only(model, 'MapState');
    expect(map.attempts).toHaveLength(3);
    expect(lanesOf(map)).toEqual([
      '0:0 failed (HandleItemFail)',
      '1:0 failed (HandleItemFail)',
      '2:0 failed (HandleItemFail)',
    ]);
    expect(retriesOf(map)).toEqual([
      { error: 'HandleItemFailError', cause: 'HandleItemFailCause', delaySeconds: 0 },
      { error: 'HandleItemFailError', cause: 'HandleItemFailCause', delaySeconds: 0 },
    ]);
    expect([map.status, map.error, map.cause]).toEqual([
      'failed',
      'HandleItemFailError',
      'HandleItemFailCause',
    ]);
    const fails = model.visitsByState.get('HandleItemFail') ?? [];
    expect(fails.map((visit) => [visit.lane.attempt, visit.lane.index, visit.status])).toEqual([
      [0, 0, 'failed'],
      [1, 0, 'failed'],
      [2, 0, 'failed'],
    ]);
    expect(fails.map(laneLabel)).toEqual([
      'iteration 0, attempt 1',
      'iteration 0, attempt 2',
      'iteration 0, attempt 3',
    ]);
  });

  test('one attempt picked shows its iteration alone; an index picked without attempt shows it in each', () => {
    const model = awsModel('map-retry-multiple-retriers');
    const fails = model.visitsByState.get('HandleItemFail') ?? [];
    expect(fails).toHaveLength(4);
    const second = new Map([['MapState', { index: 0, attempt: 1 }]]);
    expect(visitsInFocus(model, 'HandleItemFail', second)).toEqual([fails[1]]);
    expect(stateStatuses(model, second).get('HandleItemFail')).toEqual({ status: 'failed', count: 1 });
    const everyAttempt = new Map([['MapState', { index: 0 }]]);
    expect(visitsInFocus(model, 'HandleItemFail', everyAttempt)).toEqual(fails);
    expect(retriesOf(only(model, 'MapState')).map((retry) => retry.error)).toEqual([
      'HandleItemFailError',
      'HandleItemFailError',
      'HandleItemFailError',
    ]);
  });

  test('a Parallel retried twice: each attempt has its own branch 0, told apart by its start event', () => {
    const model = awsModel('parallel-retry');
    const parallel = only(model, 'ParallelState');
    expect(lanesOf(parallel)).toEqual([
      '0:0 failed (Branch1)',
      '1:0 failed (Branch1)',
      '2:0 failed (Branch1)',
    ]);
    expect(retriesOf(parallel).map((retry) => [retry.error, retry.cause])).toEqual([
      ['FailureType', 'Cause description'],
      ['FailureType', 'Cause description'],
    ]);
    expect([parallel.status, parallel.error]).toEqual(['failed', 'FailureType']);
  });
});

describe('a retried Map that then succeeds (local run)', () => {
  const definition: AslDocument = {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'Work',
          States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:work', End: true } },
        },
        Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 3, MaxAttempts: 1 }],
        End: true,
      },
    },
  };

  test('status retried; the failed attempt keeps its iterations and its error; the delay is the interval', async () => {
    let calls = 0;
    const result = await run(definition, [1, 2], {
      handlers: {
        work: async (input) => {
          calls++;
          if (calls === 2) throw Object.assign(new Error('not now'), { name: 'Flaky' });
          return input;
        },
      },
    });
    const model = analyzeRun(runRecordOf({ workflow: 'Test', definition, input: [1, 2], result }));
    const each = only(model, 'Each');
    expect(each.status).toBe('retried');
    expect(retriesOf(each)).toEqual([
      { error: 'Flaky', cause: expect.stringContaining('not now'), delaySeconds: 3 },
    ]);
    expect(each.lanes.get(laneKey(0, 1))?.status).toBe('failed');
    expect([...each.lanes.keys()].filter((key) => key.startsWith('1:'))).toEqual(['1:0', '1:1']);
    expect([...each.lanes.values()].filter((lane) => lane.attempt === 1).map((lane) => lane.status)).toEqual([
      'succeeded',
      'succeeded',
    ]);
  });
});

describe('tries without a call: EvaluationFailed (no attempt unless retried) and …ScheduleFailed (an attempt)', () => {
  test('a Wait whose JSONata Timestamp is not a date: failed with the evaluation error, no attempt', () => {
    const wait = only(awsModel('scen-wait-timestamp-jsonata-no-z'), 'WaitState');
    expect([wait.status, wait.error, wait.attempts]).toEqual(['failed', 'States.QueryEvaluationError', []]);
    expect(wait.cause).toContain('The Timestamp field cannot be parsed');
  });

  test('a Map whose items are not an array: its MapStateFailed ends no attempt either', () => {
    const map = only(awsModel('jsonata-map-items-not-array'), 'MapIterateState');
    expect([map.status, map.error, map.attempts, retriesOf(map)]).toEqual([
      'failed',
      'States.QueryEvaluationError',
      [],
      [],
    ]);
  });

  /**
   * A JSONata Task `Call` (caught into `Done`, retried on QueryEvaluationError) whose history between its entry and
   * exit is `middle`, as `[type, details?]` one second apart, linked in sequence as AWS writes them.
   */
  function callVisit(middle: readonly (readonly [string, Record<string, unknown>?])[]): Visit {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: 'f' },
          Output: '{% $states.result.Payload %}',
          Retry: [{ ErrorEquals: ['States.QueryEvaluationError'], IntervalSeconds: 1, MaxAttempts: 1 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    };
    const all: [string, Record<string, unknown>][] = [
      ['ExecutionStarted', { input: '{}' }],
      ['TaskStateEntered', { name: 'Call', input: '{}' }],
      ...middle.map(([type, details]): [string, Record<string, unknown>] => [type, details ?? {}]),
      ['TaskStateExited', { name: 'Call', output: '{}' }],
      ['SucceedStateEntered', { name: 'Done', input: '{}' }],
      ['SucceedStateExited', { name: 'Done', output: '{}' }],
      ['ExecutionSucceeded', { output: '{}' }],
    ];
    const events = all.map(([type, details], index) => ({
      id: index + 1,
      previousEventId: index,
      timestamp: new Date(Date.UTC(2024, 0, 1, 0, 0, index)).toISOString(),
      type,
      [type.endsWith('StateEntered')
        ? 'stateEnteredEventDetails'
        : type.endsWith('StateExited')
          ? 'stateExitedEventDetails'
          : `${type[0]?.toLowerCase()}${type.slice(1)}EventDetails`]: details,
    }));
    const result = readRun({ events }, { definition });
    if (!result.ok) throw new Error(result.message);
    return only(analyzeRun(result.run), 'Call');
  }
  const scheduled = [
    'TaskScheduled',
    { resource: 'invoke', resourceType: 'lambda', parameters: '{}' },
  ] as const;
  const succeeded = ['TaskSucceeded', { output: '{"Payload":1}' }] as const;
  const evaluationFailed = [
    'EvaluationFailed',
    { state: 'Call', error: 'States.QueryEvaluationError', cause: 'no Payload' },
  ] as const;

  test('after a call that succeeded (its Output failing): one attempt, and the evaluation error decides', () => {
    const call = callVisit([scheduled, ['TaskStarted'], succeeded, evaluationFailed]);
    expect(call.attempts.map((attempt) => attempt.result)).toEqual(['{"Payload":1}']);
    expect([call.status, call.error, call.cause]).toEqual([
      'caught',
      'States.QueryEvaluationError',
      'no Payload',
    ]);
    expect(call.eventIds).toEqual([2, 3, 4, 5, 6, 7]);
  });

  test('retried (QueryEvaluationError is retriable): the failed Output failed its call; the retry is listed', () => {
    const call = callVisit([scheduled, succeeded, evaluationFailed, scheduled, succeeded]);
    expect([call.status, call.error, call.attempts.length]).toEqual(['retried', undefined, 2]);
    expect(retriesOf(call)).toEqual([
      { error: 'States.QueryEvaluationError', cause: 'no Payload', delaySeconds: 1 },
    ]);
  });

  test('a call that could not be scheduled is an attempt of its own, retried like any other', () => {
    const unscheduled = [
      'LambdaFunctionScheduleFailed',
      { error: 'Lambda.Unknown', cause: 'no such function' },
    ] as const;
    const call = callVisit([
      unscheduled,
      unscheduled,
      ['LambdaFunctionScheduled', { input: '{}' }],
      succeeded,
    ]);
    expect([call.status, call.attempts.length]).toEqual(['retried', 3]);
    expect(retriesOf(call).map((retry) => [retry.error, retry.cause])).toEqual([
      ['Lambda.Unknown', 'no such function'],
      ['Lambda.Unknown', 'no such function'],
    ]);
  });

  test('retried after failing before any call: that try counts as an attempt without a call', () => {
    const call = callVisit([evaluationFailed, scheduled, succeeded]);
    expect([call.status, call.error]).toEqual(['retried', undefined]);
    expect(call.attempts.map((attempt) => attempt.parameters)).toEqual([undefined, '{}']);
    expect(retriesOf(call)).toEqual([
      { error: 'States.QueryEvaluationError', cause: 'no Payload', delaySeconds: 1 },
    ]);
  });
});
