import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { type Handlers, run } from '@stepcraft/runner';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeRun, laneKey, pathOf, type RunModel, retriesOf } from '../page/analyze.js';
import { stateStatuses, takenTransitions, visitsInFocus } from '../page/focus.js';
import { type RunRecord, readRun, runRecordOf } from '../src/index.js';
import { type ExampleRun, exampleRuns } from './example-runs.js';

/** Each visit as `state:status` (with `@lane` inside a Map or Parallel), in entry order. */
const outline = (model: RunModel) =>
  model.visits.map((visit) => {
    const lane = visit.lane.kind === 'execution' ? '' : `@${visit.lane.kind[0]}${visit.lane.index}`;
    return `${visit.state}${lane}:${visit.status}`;
  });

async function recordOf(definition: object, input: JsonValue, handlers: Handlers = {}): Promise<RunRecord> {
  const document = definition as AslDocument;
  const result = await run(document, input, { handlers });
  return runRecordOf({ workflow: 'Test', definition: document, input, result });
}

describe('analyzeRun on the examples', () => {
  let runs: Record<ExampleRun, RunRecord>;
  beforeAll(async () => {
    runs = await exampleRuns();
  });

  test('a success: every state succeeded, the path runs from start to end', () => {
    const model = analyzeRun(runs['order-success']);
    expect(outline(model)).toEqual([
      'ReceiveOrder:succeeded',
      'ProcessPayment:succeeded',
      'CheckInventory:succeeded',
      'OrderCompleted:succeeded',
    ]);
    expect([...takenTransitions(model, new Map())]).toEqual([
      '>ReceiveOrder',
      'ReceiveOrder>ProcessPayment',
      'ProcessPayment>CheckInventory',
      'CheckInventory>OrderCompleted',
      'OrderCompleted>',
    ]);
    expect(model.execution.status).toBe('succeeded');
  });

  test('a caught failure: the payment is caught with its error and cause; the Fail state fails the run', () => {
    const model = analyzeRun(runs['order-declined']);
    expect(outline(model)).toEqual([
      'ReceiveOrder:succeeded',
      'ProcessPayment:caught',
      'HandleError:succeeded',
      'SendAlert:succeeded',
      'OrderFailed:failed',
    ]);
    const [, payment, , , failed] = model.visits;
    expect(payment?.error).toBe('PaymentDeclined');
    expect(payment?.cause).toContain('Card refused for order o-1001');
    expect([failed?.error, failed?.cause]).toEqual([
      'OrderFailed',
      'The order could not be processed; an alert was sent',
    ]);
    expect(takenTransitions(model, new Map()).has('ProcessPayment>HandleError')).toBe(true);
    expect(model.execution.status).toBe('failed');
  });

  test('a retry: the throttled call is retried after the Retry interval, 2 s on the execution clock', () => {
    const model = analyzeRun(runs['order-retry']);
    const payment = model.visits[1];
    expect(payment?.status).toBe('retried');
    expect(payment?.attempts).toHaveLength(2);
    expect(retriesOf(payment as never)).toEqual([
      {
        error: 'Lambda.TooManyRequestsException',
        cause: expect.stringContaining('Rate exceeded'),
        delaySeconds: 2,
      },
    ]);
    expect([payment?.startMs, payment?.endMs, model.durationMs]).toEqual([0, 2000, 2000]);
  });

  test('a Map: one visit of the processor per iteration, each in its own lane', () => {
    const model = analyzeRun(runs['etl-map']);
    expect(outline(model)).toEqual([
      'TransformRecords:succeeded',
      'TransformRecord@i0:succeeded',
      'TransformRecord@i1:succeeded',
      'TransformRecord@i2:succeeded',
      'Aggregate:succeeded',
    ]);
    const second = model.visits[2];
    expect(second === undefined ? [] : pathOf(second)).toEqual([{ state: 'TransformRecords', index: 1 }]);
    expect(second?.input).toContain('"id":"r2"');
    const focus = new Map([['TransformRecords', { index: 1 }]]);
    expect(visitsInFocus(model, 'TransformRecord', focus)).toEqual([second]);
    expect(stateStatuses(model, focus).get('TransformRecord')).toEqual({ status: 'succeeded', count: 1 });
    expect(stateStatuses(model, new Map()).get('TransformRecord')).toEqual({ status: 'succeeded', count: 3 });
  });

  test('a Parallel: each branch is a lane, told apart by the definition', () => {
    const model = analyzeRun(runs['ml-parallel']);
    expect(outline(model)).toEqual([
      'Preprocess:succeeded',
      'ScoreModels:succeeded',
      'ModelA@b0:succeeded',
      'ModelB@b1:succeeded',
      'Settle:succeeded',
      'PickBest:succeeded',
      'StorePrediction:succeeded',
    ]);
    const settle = model.visits[4];
    expect([settle?.startMs, settle?.endMs]).toEqual([0, 5000]);
    expect(visitsInFocus(model, 'ModelA', new Map([['ScoreModels', { index: 1 }]]))).toEqual([]);
  });
});

describe('analyzeRun on failures', () => {
  test('a Map iteration that fails is caught by the Map: failed lane, aborted siblings, caught Map', async () => {
    const record = await recordOf(
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            MaxConcurrency: 1,
            ItemProcessor: {
              StartAt: 'Check',
              States: {
                Check: {
                  Type: 'Choice',
                  Choices: [{ Variable: '$', NumericEquals: 1, Next: 'Bad' }],
                  Default: 'Good',
                },
                Bad: { Type: 'Fail', Error: 'BadItem', Cause: 'item 1 is bad' },
                Good: { Type: 'Pass', End: true },
              },
            },
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }],
            End: true,
          },
          Recover: { Type: 'Pass', End: true },
        },
      },
      [0, 1, 2],
    );
    const model = analyzeRun(record);
    expect(outline(model)).toEqual([
      'Each:caught',
      'Check@i0:succeeded',
      'Good@i0:succeeded',
      'Check@i1:succeeded',
      'Bad@i1:failed',
      'Recover:succeeded',
    ]);
    const each = model.visits[0];
    expect([each?.error, each?.cause]).toEqual(['BadItem', 'item 1 is bad']);
    expect([...(each?.lanes.values() ?? [])].map((lane) => [lane.index, lane.status])).toEqual([
      [0, 'succeeded'],
      [1, 'failed'],
    ]);
    expect(stateStatuses(model, new Map()).get('Bad')).toEqual({ status: 'failed', count: 1 });
  });

  test('a Parallel branch that fails fails the run; the Parallel and its branch show the error', async () => {
    const record = await recordOf(
      {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Slow', States: { Slow: { Type: 'Wait', Seconds: 10, End: true } } },
              {
                StartAt: 'Broken',
                States: {
                  Broken: {
                    Type: 'Task',
                    Resource: 'arn:aws:states:::lambda:invoke',
                    Parameters: { FunctionName: 'broken' },
                    End: true,
                  },
                },
              },
            ],
            End: true,
          },
        },
      },
      {},
      {
        broken: async () => {
          throw Object.assign(new Error('no'), { name: 'Broken.Error' });
        },
      },
    );
    const model = analyzeRun(record);
    expect(outline(model)).toEqual(['Both:failed', 'Slow@b0:aborted', 'Broken@b1:failed']);
    const both = model.visits[0];
    expect(both?.error).toBe('Broken.Error');
    expect(both?.lanes.get(laneKey(0, 1))?.status).toBe('failed');
    expect(both?.lanes.get(laneKey(0, 0))?.status).toBe('aborted');
    expect(model.execution.status).toBe('failed');
  });

  test('an execution that times out fails in the state it was in', async () => {
    const record = await recordOf(
      { StartAt: 'Nap', TimeoutSeconds: 5, States: { Nap: { Type: 'Wait', Seconds: 60, End: true } } },
      {},
    );
    const model = analyzeRun(record);
    expect(record.status).toBe('TIMED_OUT');
    expect(outline(model)).toEqual(['Nap:failed']);
    expect(model.visits[0]?.error).toBe('States.Timeout');
  });

  test('an empty history has no visits and takes no transition', () => {
    const result = readRun(
      { events: [] },
      { definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } } },
    );
    if (!result.ok) throw new Error(result.message);
    const model = analyzeRun(result.run);
    expect([model.visits, model.durationMs, [...takenTransitions(model, new Map())]]).toEqual([[], 0, []]);
  });

  test('a history that has not ended leaves the current state running', () => {
    const result = readRun(
      [
        { id: 1, timestamp: 0, type: 'ExecutionStarted', executionStartedEventDetails: { input: '{}' } },
        {
          id: 2,
          previousEventId: 0,
          timestamp: 1,
          type: 'WaitStateEntered',
          stateEnteredEventDetails: { name: 'Nap', input: '{}' },
        },
      ],
      { definition: { StartAt: 'Nap', States: { Nap: { Type: 'Wait', Seconds: 60, End: true } } } },
    );
    if (!result.ok) throw new Error(result.message);
    const model = analyzeRun(result.run);
    expect(outline(model)).toEqual(['Nap:running']);
    expect(model.execution.status).toBe('running');
  });
});

describe('analyzeRun on AWS histories', () => {
  // The shape AWS writes: the first state points at event 0, MapStateSucceeded and MapStateExited at the last
  // iteration's event, and the two iterations interleave.
  const definition = {
    StartAt: 'Prepare',
    States: {
      Prepare: { Type: 'Pass', Next: 'Each' },
      Each: {
        Type: 'Map',
        ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } },
        End: true,
      },
    },
  };
  const at = (second: number) => `2024-01-01T00:00:0${second}.000Z`;
  const events = [
    {
      id: 1,
      previousEventId: 0,
      timestamp: at(0),
      type: 'ExecutionStarted',
      executionStartedEventDetails: { input: '[1,2]' },
    },
    {
      id: 2,
      previousEventId: 0,
      timestamp: at(0),
      type: 'PassStateEntered',
      stateEnteredEventDetails: { name: 'Prepare', input: '[1,2]' },
    },
    {
      id: 3,
      previousEventId: 2,
      timestamp: at(0),
      type: 'PassStateExited',
      stateExitedEventDetails: { name: 'Prepare', output: '[1,2]' },
    },
    {
      id: 4,
      previousEventId: 3,
      timestamp: at(0),
      type: 'MapStateEntered',
      stateEnteredEventDetails: { name: 'Each', input: '[1,2]' },
    },
    {
      id: 5,
      previousEventId: 4,
      timestamp: at(0),
      type: 'MapStateStarted',
      mapStateStartedEventDetails: { length: 2 },
    },
    {
      id: 6,
      previousEventId: 5,
      timestamp: at(1),
      type: 'MapIterationStarted',
      mapIterationStartedEventDetails: { name: 'Each', index: 0 },
    },
    {
      id: 7,
      previousEventId: 5,
      timestamp: at(1),
      type: 'MapIterationStarted',
      mapIterationStartedEventDetails: { name: 'Each', index: 1 },
    },
    {
      id: 8,
      previousEventId: 7,
      timestamp: at(2),
      type: 'PassStateEntered',
      stateEnteredEventDetails: { name: 'Work', input: '2' },
    },
    {
      id: 9,
      previousEventId: 6,
      timestamp: at(2),
      type: 'PassStateEntered',
      stateEnteredEventDetails: { name: 'Work', input: '1' },
    },
    {
      id: 10,
      previousEventId: 9,
      timestamp: at(3),
      type: 'PassStateExited',
      stateExitedEventDetails: { name: 'Work', output: '1' },
    },
    {
      id: 11,
      previousEventId: 10,
      timestamp: at(3),
      type: 'MapIterationSucceeded',
      mapIterationSucceededEventDetails: { name: 'Each', index: 0 },
    },
    {
      id: 12,
      previousEventId: 8,
      timestamp: at(4),
      type: 'PassStateExited',
      stateExitedEventDetails: { name: 'Work', output: '2' },
    },
    {
      id: 13,
      previousEventId: 12,
      timestamp: at(4),
      type: 'MapIterationSucceeded',
      mapIterationSucceededEventDetails: { name: 'Each', index: 1 },
    },
    { id: 14, previousEventId: 13, timestamp: at(5), type: 'MapStateSucceeded' },
    {
      id: 15,
      previousEventId: 13,
      timestamp: at(5),
      type: 'MapStateExited',
      stateExitedEventDetails: { name: 'Each', output: '[1,2]' },
    },
    {
      id: 16,
      previousEventId: 15,
      timestamp: at(5),
      type: 'ExecutionSucceeded',
      executionSucceededEventDetails: { output: '[1,2]' },
    },
  ];

  test('places every event in its visit and lane, however loosely AWS links them', () => {
    const result = readRun({ events }, { definition });
    if (!result.ok) throw new Error(result.message);
    const model = analyzeRun(result.run);
    expect(outline(model)).toEqual([
      'Prepare:succeeded',
      'Each:succeeded',
      'Work@i1:succeeded',
      'Work@i0:succeeded',
    ]);
    const each = model.visits[1];
    expect(each?.eventIds).toEqual([4, 5, 6, 7, 11, 13, 14, 15]);
    expect(model.visits[2]?.input).toBe('2');
    expect(model.visits[3]?.output).toBe('1');
    expect([each?.startMs, each?.endMs]).toEqual([0, 5000]);
  });
});

describe('analyzeRun with inspections', () => {
  test('attaches each inspection to the visit whose StateEntered event it names', async () => {
    const record = await recordOf(
      { StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, End: true } } },
      {},
    );
    const entered = record.events.find((event) => event.type === 'PassStateEntered');
    const inspection = {
      enteredEventId: entered?.id ?? 0,
      state: 'A',
      path: [],
      input: {},
      result: 1,
      output: 1,
    };
    const model = analyzeRun({ ...record, inspections: [inspection] });
    expect(model.visits[0]?.inspection).toEqual(inspection);
  });
});
