// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation ${Placeholders} are the data under test.
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { findings, jsonataMachine, LAMBDA, machine } from './helpers.js';

const task = (extra: Record<string, unknown>) =>
  machine({ Type: 'Task', Resource: LAMBDA, End: true, ...extra });
const processor = { StartAt: 'P', States: { P: { Type: 'Succeed' } } };
const map = (extra: Record<string, unknown>) =>
  machine({ Type: 'Map', End: true, ItemProcessor: processor, ...extra });

describe('Task settings', () => {
  it.each([
    [{ TimeoutSeconds: 0 }, 'INVALID_VALUE /States/A/TimeoutSeconds'],
    [{ TimeoutSeconds: 1.5 }, 'INVALID_TYPE /States/A/TimeoutSeconds'],
    [{ TimeoutSeconds: '10' }, 'INVALID_TYPE /States/A/TimeoutSeconds'],
    [{ HeartbeatSeconds: -1 }, 'INVALID_VALUE /States/A/HeartbeatSeconds'],
    [{ TimeoutSeconds: 10, HeartbeatSeconds: 10 }, 'HEARTBEAT_NOT_BELOW_TIMEOUT /States/A/HeartbeatSeconds'],
    [{ Credentials: null }, 'INVALID_TYPE /States/A/Credentials'],
    [{ Credentials: {} }, 'MISSING_FIELD /States/A/Credentials'],
    [{ Comment: 5 }, 'INVALID_TYPE /States/A/Comment'],
    [{ QueryLanguage: 'XPath' }, 'INVALID_VALUE /States/A/QueryLanguage'],
  ])('rejects %j', (extra, expected) => {
    expect(findings(task(extra))).toEqual([expected]);
  });

  it('explains the heartbeat rule with both values', () => {
    const [diagnostic] = validate(task({ TimeoutSeconds: 10, HeartbeatSeconds: 30 }));
    expect(diagnostic?.message).toBe(
      'State "A": HeartbeatSeconds (30) must be smaller than TimeoutSeconds (10).',
    );
  });

  it('accepts valid settings, placeholders where a number goes, and {% %} in JSONata', () => {
    expect(
      findings(task({ TimeoutSeconds: 10, HeartbeatSeconds: 5, Credentials: { 'RoleArn.$': '$.role' } })),
    ).toEqual([]);
    expect(findings(task({ TimeoutSeconds: '${Timeout}', HeartbeatSeconds: '${Beat}' }))).toEqual([]);
    const jsonata = jsonataMachine({ Type: 'Task', Resource: LAMBDA, End: true, TimeoutSeconds: '{% $t %}' });
    expect(findings(jsonata)).toEqual([]);
    expect(findings(task({ TimeoutSeconds: '{% $t %}' }))).toEqual(['INVALID_TYPE /States/A/TimeoutSeconds']);
  });
});

describe('Task Credentials and Arguments', () => {
  it.each([
    // asl-validator invalid-task-credentials-{bool,number,string}.json
    [{ Credentials: false }, 'INVALID_TYPE /States/A/Credentials'],
    [{ Credentials: 5 }, 'INVALID_TYPE /States/A/Credentials'],
    [{ Credentials: 'invalid - credentials' }, 'INVALID_TYPE /States/A/Credentials'],
    [{ Credentials: { RoleArn: 5 } }, 'INVALID_TYPE /States/A/Credentials/RoleArn'],
    [
      { Credentials: { RoleArn: 'arn:aws:iam::123456789012:role/R', Role: 'x' } },
      'UNKNOWN_FIELD /States/A/Credentials/Role',
    ],
  ])('rejects %j', (extra, expected) => {
    expect(findings(task(extra))).toEqual([expected]);
  });

  it('takes RoleArn, a {% %} RoleArn or a whole {% %} value in JSONata, but not the JSONPath RoleArn.$', () => {
    const jsonata = (Credentials: unknown) =>
      jsonataMachine({ Type: 'Task', Resource: LAMBDA, End: true, Credentials });
    expect(findings(jsonata({ RoleArn: '{% $role %}' }))).toEqual([]);
    expect(findings(jsonata('{% {"RoleArn": $role} %}'))).toEqual([]);
    expect(findings(jsonata({ 'RoleArn.$': '$.role' }))).toEqual([
      'FIELD_NOT_IN_QUERY_LANGUAGE /States/A/Credentials/RoleArn.$',
    ]);
  });

  it('rejects JSONata Arguments that are neither an object nor an expression (documentTaskJSONataInvalid)', () => {
    const state = (Arguments: unknown) =>
      jsonataMachine({ Type: 'Task', Resource: LAMBDA, End: true, Arguments });
    expect(findings(state(123))).toEqual(['INVALID_TYPE /States/A/Arguments']);
    expect(findings(state({ a: '{% $x %}' }))).toEqual([]);
    expect(findings(state('{% $states.input %}'))).toEqual([]);
  });
});

describe('Wait, Fail, Parallel, Choice settings', () => {
  it('checks Wait Seconds and Timestamp', () => {
    expect(findings(machine({ Type: 'Wait', End: true, Seconds: 0 }))).toEqual([]);
    expect(findings(machine({ Type: 'Wait', End: true, Seconds: -1 }))).toEqual([
      'INVALID_VALUE /States/A/Seconds',
    ]);
    expect(findings(machine({ Type: 'Wait', End: true, Seconds: '${Delay}' }))).toEqual([]);
    expect(findings(machine({ Type: 'Wait', End: true, Timestamp: '2026-01-01T00:00:00+01:00' }))).toEqual(
      [],
    );
    expect(findings(machine({ Type: 'Wait', End: true, Timestamp: '2026-01-01 00:00:00Z' }))).toEqual([
      'INVALID_VALUE /States/A/Timestamp',
    ]);
    expect(
      findings(jsonataMachine({ Type: 'Wait', End: true, Timestamp: '{% $states.input.at %}' })),
    ).toEqual([]);
  });

  it('checks Fail Error/Cause types', () => {
    expect(findings(machine({ Type: 'Fail', Error: 1, Cause: ['x'] }))).toEqual([
      'INVALID_TYPE /States/A/Error',
      'INVALID_TYPE /States/A/Cause',
    ]);
  });

  it('checks Parallel Branches', () => {
    expect(findings(machine({ Type: 'Parallel', End: true, Branches: [] }))).toEqual([
      'INVALID_VALUE /States/A/Branches',
    ]);
    expect(findings(machine({ Type: 'Parallel', End: true, Branches: [processor, 3] }))).toEqual([
      'INVALID_TYPE /States/A/Branches/1',
    ]);
  });

  it('checks that Choices is a non-empty array', () => {
    expect(
      findings(machine({ Type: 'Choice', Choices: [], Default: 'B' }, { B: { Type: 'Succeed' } })),
    ).toEqual(['INVALID_VALUE /States/A/Choices']);
  });
});

describe('Map settings', () => {
  it.each([
    [{ MaxConcurrency: -1 }, 'INVALID_VALUE /States/A/MaxConcurrency'],
    [{ ToleratedFailurePercentage: 100.5 }, 'INVALID_VALUE /States/A/ToleratedFailurePercentage'],
    [{ ToleratedFailureCount: 1.5 }, 'INVALID_TYPE /States/A/ToleratedFailureCount'],
    [{ Label: 'x'.repeat(41) }, 'INVALID_VALUE /States/A/Label'],
    [{ Label: '' }, 'INVALID_VALUE /States/A/Label'],
    [{ ItemsPath: null }, 'INVALID_TYPE /States/A/ItemsPath'],
    [{ ItemProcessor: 'x' }, 'INVALID_TYPE /States/A/ItemProcessor'],
    [
      { ItemProcessor: { ...processor, ProcessorConfig: { Mode: 'PARALLEL' } } },
      'INVALID_VALUE /States/A/ItemProcessor/ProcessorConfig/Mode',
    ],
    [
      {
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { MaxItems: 1, MaxItemsPath: '$.m' },
        },
      },
      'EXCLUSIVE_FIELDS /States/A/ItemReader/ReaderConfig/MaxItemsPath',
    ],
    [{ ItemReader: { Parameters: {} } }, 'MISSING_FIELD /States/A/ItemReader'],
    [{ ItemBatcher: { MaxItemsPerBatch: 0 } }, 'INVALID_VALUE /States/A/ItemBatcher/MaxItemsPerBatch'],
    [{ ResultWriter: [] }, 'INVALID_TYPE /States/A/ResultWriter'],
  ])('rejects %j', (extra, expected) => {
    expect(findings(map(extra))).toEqual([expected]);
  });

  it('accepts the deprecated Iterator and Parameters, and a 40-character label', () => {
    expect(
      findings(
        machine({
          Type: 'Map',
          End: true,
          Iterator: processor,
          Parameters: { 'x.$': '$$.Map.Item.Value' },
          Label: 'l'.repeat(40),
        }),
      ),
    ).toEqual([]);
  });
});

describe('Retry and Catch', () => {
  it.each([
    [{ Retry: {} }, 'INVALID_TYPE /States/A/Retry'],
    [{ Retry: ['x'] }, 'INVALID_TYPE /States/A/Retry/0'],
    [{ Retry: [{}] }, 'MISSING_FIELD /States/A/Retry/0'],
    [{ Retry: [{ ErrorEquals: [] }] }, 'INVALID_VALUE /States/A/Retry/0/ErrorEquals'],
    [{ Retry: [{ ErrorEquals: 'States.ALL' }] }, 'INVALID_VALUE /States/A/Retry/0/ErrorEquals'],
    [{ Retry: [{ ErrorEquals: [1] }] }, 'INVALID_TYPE /States/A/Retry/0/ErrorEquals/0'],
    [
      { Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 0 }] },
      'INVALID_VALUE /States/A/Retry/0/IntervalSeconds',
    ],
    [{ Retry: [{ ErrorEquals: ['E'], MaxAttempts: -1 }] }, 'INVALID_VALUE /States/A/Retry/0/MaxAttempts'],
    [
      { Retry: [{ ErrorEquals: ['E'], MaxAttempts: 100_000_000 }] },
      'INVALID_VALUE /States/A/Retry/0/MaxAttempts',
    ],
    [{ Retry: [{ ErrorEquals: ['E'], BackoffRate: 0.5 }] }, 'INVALID_VALUE /States/A/Retry/0/BackoffRate'],
    [
      { Retry: [{ ErrorEquals: ['E'], MaxDelaySeconds: 31_622_402 }] },
      'INVALID_VALUE /States/A/Retry/0/MaxDelaySeconds',
    ],
    [
      { Retry: [{ ErrorEquals: ['E'], JitterStrategy: 'HALF' }] },
      'INVALID_VALUE /States/A/Retry/0/JitterStrategy',
    ],
    [{ Retry: [{ ErrorEquals: ['E'], Next: 'B' }] }, 'UNKNOWN_FIELD /States/A/Retry/0/Next'],
    [
      { Retry: [{ ErrorEquals: ['States.ALL', 'E'] }] },
      'STATES_ALL_NOT_ALONE /States/A/Retry/0/ErrorEquals/0',
    ],
    [
      { Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['E'] }] },
      'STATES_ALL_NOT_LAST /States/A/Retry/0/ErrorEquals/0',
    ],
    [{ Catch: [{ ErrorEquals: ['E'] }] }, 'MISSING_FIELD /States/A/Catch/0'],
    [
      { Catch: [{ ErrorEquals: ['E'], Next: 'A', Output: {} }] },
      'FIELD_NOT_IN_QUERY_LANGUAGE /States/A/Catch/0/Output',
    ],
    [
      { Catch: [{ ErrorEquals: ['E'], Next: 'A', MaxAttempts: 1 }] },
      'UNKNOWN_FIELD /States/A/Catch/0/MaxAttempts',
    ],
  ])('rejects %j', (extra, expected) => {
    expect(findings(task(extra))).toEqual([expected]);
  });

  it('accepts a full retrier and catcher', () => {
    const retrier = {
      ErrorEquals: ['Lambda.ServiceException'],
      IntervalSeconds: 2,
      MaxAttempts: 0,
      BackoffRate: 1.5,
      MaxDelaySeconds: 10,
      JitterStrategy: 'FULL',
      Comment: 'c',
    };
    const catcher = {
      ErrorEquals: ['States.ALL'],
      Next: 'A',
      ResultPath: '$.error',
      Assign: { failed: true },
      Comment: 'c',
    };
    expect(findings(task({ Retry: [retrier, { ErrorEquals: ['States.ALL'] }], Catch: [catcher] }))).toEqual(
      [],
    );
  });
});
