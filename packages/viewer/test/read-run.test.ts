import { beforeAll, describe, expect, test } from 'vitest';
import { type RunRecord, readRun } from '../src/index.js';
import { exampleRuns } from './example-runs.js';

const definition = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };

/** A minimal valid record, to break one field at a time. */
const record = (patch: Record<string, unknown> = {}) => ({
  format: 'stepcraft.run/1',
  workflow: 'W',
  definition,
  input: {},
  status: 'SUCCEEDED',
  output: {},
  stats: { transitions: 1, events: 4, durationMs: 0 },
  events: [
    { id: 1, previousEventId: 0, timestamp: '2024-01-01T00:00:00.000Z', type: 'ExecutionStarted' },
    {
      id: 2,
      previousEventId: 1,
      timestamp: '2024-01-01T00:00:00.000Z',
      type: 'PassStateEntered',
      stateEnteredEventDetails: { name: 'A', input: '{}' },
    },
    {
      id: 3,
      previousEventId: 2,
      timestamp: '2024-01-01T00:00:00.000Z',
      type: 'PassStateExited',
      stateExitedEventDetails: { name: 'A', output: '{}' },
    },
    {
      id: 4,
      previousEventId: 3,
      timestamp: '2024-01-01T00:00:00.000Z',
      type: 'ExecutionSucceeded',
      executionSucceededEventDetails: { output: '{}' },
    },
  ],
  ...patch,
});

const problem = (value: unknown, context?: Parameters<typeof readRun>[1]) => {
  const result = readRun(value, context);
  return result.ok ? 'ok' : result.message;
};

describe('readRun: run records', () => {
  let runs: Record<string, RunRecord>;
  beforeAll(async () => {
    runs = await exampleRuns();
  });

  test('reads back every example run record unchanged, through JSON', () => {
    for (const run of Object.values(runs)) {
      const result = readRun(JSON.parse(JSON.stringify(run)));
      expect(result).toEqual({ ok: true, run: JSON.parse(JSON.stringify(run)) });
    }
  });

  test('keeps inspections, checked field by field', () => {
    const inspections = [
      {
        enteredEventId: 2,
        state: 'A',
        path: [{ state: 'M', index: 3 }],
        input: { a: 1 },
        afterInputPath: 1,
        result: null,
        output: { a: 1 },
        variables: { x: 1 },
        retries: [{ error: 'E', delaySeconds: 2 }],
      },
    ];
    const result = readRun(record({ inspections }));
    expect(result.ok && result.run.inspections).toEqual(inspections);
  });

  test.each([
    [
      42,
      'expected a run record ({"format": "stepcraft.run/1", …}) or an execution history ({"events": [...]})',
    ],
    [{ format: 'stepcraft.run/2' }, 'format: expected "stepcraft.run/1", got "stepcraft.run/2"'],
    [record({ status: 'DONE' }), 'status: expected one of SUCCEEDED, FAILED, TIMED_OUT, ABORTED, got "DONE"'],
    [record({ workflow: 7 }), 'workflow: expected a string, got 7'],
    [record({ definition: [] }), 'definition: expected an object, got an array'],
    [record({ definition: { States: {} } }), 'definition.StartAt: expected a string, got nothing'],
    [
      record({ definition: { StartAt: 'A', States: null } }),
      'definition.States: expected an object, got null',
    ],
    [record({ input: undefined }), 'input: missing'],
    [
      record({ stats: { transitions: 1, events: -1, durationMs: 0 } }),
      'stats.events: expected a number ≥ 0, got -1',
    ],
    [record({ events: {} }), 'events: expected an array, got an object'],
    [record({ events: [null] }), 'events[0]: expected an object, got null'],
    [
      record({ events: [{ id: 0, type: 'X', timestamp: 0 }] }),
      'events[0].id: expected an integer ≥ 1, got 0',
    ],
    [
      record({ events: [{ id: 1.5, type: 'X', timestamp: 0 }] }),
      'events[0].id: expected an integer ≥ 1, got 1.5',
    ],
    [record({ events: [{ id: 1, type: 3, timestamp: 0 }] }), 'events[0].type: expected a string, got 3'],
    [
      record({ events: [{ id: 1, type: 'X', timestamp: 'yesterday' }] }),
      'events[0].timestamp: expected an ISO 8601 date or epoch seconds, got "yesterday"',
    ],
    [
      record({ events: [{ id: 1, type: 'X', timestamp: 1e300 }] }),
      'events[0].timestamp: expected an ISO 8601 date or epoch seconds, got 1e+300',
    ],
    [
      record({ events: [{ id: 1, previousEventId: -1, type: 'X', timestamp: 0 }] }),
      'events[0].previousEventId: expected an integer ≥ 0, got -1',
    ],
    [
      record({
        events: [
          { id: 1, type: 'PassStateEntered', timestamp: 0, stateEnteredEventDetails: { name: ['A'] } },
        ],
      }),
      'events[0].stateEnteredEventDetails.name: expected a string, got an array',
    ],
    [
      record({
        events: [
          {
            id: 1,
            type: 'MapIterationStarted',
            timestamp: 0,
            mapIterationStartedEventDetails: { index: '1' },
          },
        ],
      }),
      'events[0].mapIterationStartedEventDetails.index: expected a number, got "1"',
    ],
    [
      record({
        events: [
          {
            id: 1,
            type: 'X',
            timestamp: 0,
            stateExitedEventDetails: { assignedVariables: { a: undefined } },
          },
        ],
      }),
      'events[0].stateExitedEventDetails.assignedVariables.a: expected JSON text or a JSON value, got nothing',
    ],
    [
      record({ events: [{ id: 1, type: 'X', timestamp: 0, taskFailedEventDetails: 'boom' }] }),
      'events[0].taskFailedEventDetails: expected an object, got "boom"',
    ],
    [
      record({
        events: [
          { id: 1, type: 'X', timestamp: 0 },
          { id: 3, type: 'X', timestamp: 0 },
          { id: 2, type: 'X', timestamp: 0 },
        ],
      }),
      'events[2].id: event ids must all increase (or all decrease); 2 follows 3',
    ],
    [
      record({ inspections: [{ enteredEventId: 'x' }] }),
      'inspections[0].enteredEventId: expected an integer, got "x"',
    ],
    [
      record({ inspections: [{ enteredEventId: 1, state: 'A', path: [{ state: 'M' }], input: 1 }] }),
      'inspections[0].path[0].index: expected an integer, got nothing',
    ],
    [
      record({
        inspections: [
          { enteredEventId: 1, state: 'A', path: [], input: 1, retries: [{ error: 'E', delaySeconds: -1 }] },
        ],
      }),
      'inspections[0].retries[0].delaySeconds: expected a number ≥ 0, got -1',
    ],
    [
      record({ inspections: [{ enteredEventId: 1, state: 'A', path: [], input: 1, variables: [] }] }),
      'inspections[0].variables: expected an object, got an array',
    ],
  ])('rejects %j with a message naming the field', (value, message) => {
    expect(problem(value)).toBe(message);
  });

  test('a record with a definition given besides is refused (it carries its own)', () => {
    expect(problem(record(), { definition })).toBe(
      'a run record carries its own definition: do not give another one',
    );
  });

  test('assigned variables: JSON text as AWS writes it, or values already parsed (read as their JSON text)', () => {
    const exited = (assignedVariables: unknown) =>
      record({
        events: [
          {
            id: 1,
            type: 'PassStateExited',
            timestamp: 0,
            stateExitedEventDetails: { name: 'A', output: '{}', assignedVariables },
          },
        ],
      });
    const assignedOf = (value: unknown) => {
      const result = readRun(value);
      return result.ok ? result.run.events[0]?.stateExitedEventDetails?.assignedVariables : result.message;
    };
    expect(assignedOf(exited({ a: '1', b: '{"x":[true]}', c: '"text"' }))).toEqual({
      a: '1',
      b: '{"x":[true]}',
      c: '"text"',
    });
    expect(assignedOf(exited(JSON.parse('{"a":1,"b":{"x":[true]},"c":null,"__proto__":[2]}')))).toEqual(
      JSON.parse('{"a":"1","b":"{\\"x\\":[true]}","c":"null","__proto__":"[2]"}'),
    );
    expect(Object.keys(assignedOf(exited(JSON.parse('{"__proto__":{"p":1}}'))) as object)).toEqual([
      '__proto__',
    ]);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    expect(assignedOf(exited([1]))).toBe(
      'events[0].stateExitedEventDetails.assignedVariables: expected an object, got an array',
    );
  });

  test('keys such as __proto__ and constructor are plain data', () => {
    const text = JSON.stringify(record()).replace(
      '"input":{}',
      '"input":{"__proto__":{"polluted":true},"constructor":1}',
    );
    const result = readRun(JSON.parse(text));
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.ok && Object.keys(result.run.input as object)).toEqual(['__proto__', 'constructor']);
  });
});

describe('readRun: AWS execution histories', () => {
  // As `aws stepfunctions get-execution-history` prints it with AWS CLI v1 (epoch seconds), newest first.
  const awsHistory = {
    events: [
      {
        timestamp: 1704067205.5,
        type: 'ExecutionFailed',
        id: 4,
        previousEventId: 3,
        executionFailedEventDetails: { error: 'Boom', cause: 'it broke' },
      },
      {
        timestamp: 1704067205.5,
        type: 'FailStateEntered',
        id: 3,
        previousEventId: 2,
        stateEnteredEventDetails: { name: 'B', input: '{}' },
      },
      {
        timestamp: 1704067200.25,
        type: 'PassStateEntered',
        id: 2,
        previousEventId: 0,
        stateEnteredEventDetails: { name: 'A', input: '{"n":1}' },
      },
      {
        timestamp: 1704067200.0,
        type: 'ExecutionStarted',
        id: 1,
        previousEventId: 0,
        executionStartedEventDetails: { input: '{"n":1}', roleArn: 'arn:aws:iam::1:role/r' },
      },
    ],
    NextToken: null,
  };

  test('needs the definition', () => {
    expect(problem(awsHistory)).toBe(
      'this is an execution history without its definition: give the definition too',
    );
  });

  test('reads status, input, error, counts and time off the events; puts them in order; ISO timestamps', () => {
    const result = readRun(awsHistory, { definition, workflow: 'Orders' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { events, ...rest } = result.run;
    expect(rest).toEqual({
      format: 'stepcraft.run/1',
      workflow: 'Orders',
      definition,
      input: { n: 1 },
      status: 'FAILED',
      error: 'Boom',
      cause: 'it broke',
      stats: { transitions: 2, events: 4, durationMs: 5500 },
    });
    expect(events.map((event) => [event.id, event.timestamp])).toEqual([
      [1, '2024-01-01T00:00:00.000Z'],
      [2, '2024-01-01T00:00:00.250Z'],
      [3, '2024-01-01T00:00:05.500Z'],
      [4, '2024-01-01T00:00:05.500Z'],
    ]);
  });

  test('a bare event array works too; without an end event the execution is RUNNING', () => {
    const result = readRun(awsHistory.events.slice(1), { definition });
    expect(result.ok && [result.run.status, result.run.workflow]).toEqual(['RUNNING', 'StateMachine']);
  });

  test('a truncated input (not JSON) is kept as text', () => {
    const events = [
      {
        id: 1,
        timestamp: '2024-01-01T00:00:00Z',
        type: 'ExecutionStarted',
        executionStartedEventDetails: { input: '{"big": "aaa', inputDetails: { truncated: true } },
      },
    ];
    const result = readRun({ events }, { definition });
    expect(result.ok && result.run.input).toBe('{"big": "aaa');
  });

  test('the definition given must look like one', () => {
    expect(problem(awsHistory, { definition: 'nope' })).toBe('definition: expected an object, got "nope"');
  });
});
