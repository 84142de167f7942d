import type { AslDocument, SubMachine } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { type Handlers, type HistoryEvent, run } from '../src/index.js';

/** `id previousEventId Type` of each event, with the state name or iteration index where there is one. */
function trace(history: readonly HistoryEvent[]): string[] {
  return history.map((event) => {
    const details = Object.entries(event).find(([key]) => key.endsWith('EventDetails'))?.[1] as
      | { name?: string; index?: number }
      | undefined;
    const label = event.type.startsWith('MapIteration') ? details?.index : details?.name;
    return `${event.id} ${event.previousEventId} ${event.type}${label === undefined ? '' : ` ${label}`}`;
  });
}

describe('siblings interleave their events as AWS records them', () => {
  it('a Map launches its iterations, schedules each task, then starts them (recorded on AWS)', async () => {
    // LocalStack's tests/aws/services/stepfunctions/v2/timeouts/test_timeouts.snapshot.json,
    // test_service_lambda_map_timeout (recorded on AWS, 2024-03-10): four iterations of a lambda:invoke task with
    // TimeoutSeconds 5 whose function sleeps 60 s. Its first twenty events, ids and previousEventIds included.
    const definition: AslDocument = {
      StartAt: 'MapWait',
      States: {
        MapWait: {
          Type: 'Map',
          InputPath: '$.Inputs',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'LambdaInvoke',
            States: {
              LambdaInvoke: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke',
                TimeoutSeconds: 5,
                Parameters: { 'FunctionName.$': '$.FunctionName', 'Payload.$': '$.Payload' },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    };
    const input = { Inputs: Array.from({ length: 4 }, () => ({ FunctionName: 'sleepy', Payload: null })) };
    const handlers: Handlers = { sleepy: (_input, context) => context.sleep(60) };
    const result = await run(definition, input, { handlers });
    expect(result.error).toBe('States.Timeout');
    expect(trace(result.history).slice(1, 20)).toEqual([
      '2 1 MapStateEntered MapWait', // AWS: previousEventId 0
      '3 2 MapStateStarted',
      '4 3 MapIterationStarted 0',
      '5 3 MapIterationStarted 1',
      '6 3 MapIterationStarted 2',
      '7 3 MapIterationStarted 3',
      '8 4 TaskStateEntered LambdaInvoke',
      '9 8 TaskScheduled',
      '10 5 TaskStateEntered LambdaInvoke',
      '11 10 TaskScheduled',
      '12 6 TaskStateEntered LambdaInvoke',
      '13 12 TaskScheduled',
      '14 7 TaskStateEntered LambdaInvoke',
      '15 14 TaskScheduled',
      '16 9 TaskStarted',
      '17 11 TaskStarted',
      '18 13 TaskStarted',
      '19 15 TaskStarted',
      '20 16 TaskTimedOut',
    ]);
  });

  it('Parallel branches: each entry and TaskScheduled, then each TaskStarted; a lone task starts at once', async () => {
    const branch = (name: string): SubMachine => ({
      StartAt: name,
      States: {
        [name]: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:F', End: true },
      },
    });
    const definition: AslDocument = {
      StartAt: 'Fan',
      States: {
        Fan: { Type: 'Parallel', Branches: [branch('A'), branch('B')], Next: 'Last' },
        Last: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:F', End: true },
      },
    };
    const result = await run(definition, {}, { handlers: { F: () => ({}) } });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.history.map((e) => e.type).slice(3, 9)).toEqual([
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionStarted',
    ]);
    expect(result.history.map((e) => e.type).slice(-6, -1)).toEqual([
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
    ]);
  });

  it('a sibling failing between TaskScheduled and TaskStarted aborts the task before its handler is called', async () => {
    let called = false;
    const definition: AslDocument = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'Work',
              States: {
                Work: {
                  Type: 'Task',
                  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:F',
                  End: true,
                },
              },
            },
            { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Boom' } } },
          ],
        },
      },
    };
    const result = await run(
      definition,
      {},
      {
        handlers: {
          F: () => {
            called = true;
            return {};
          },
        },
      },
    );
    expect(result.error).toBe('Boom');
    expect(called).toBe(false);
    expect(result.history.map((e) => e.type).slice(3)).toEqual([
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'FailStateEntered',
      'TaskStateAborted',
      'ParallelStateFailed',
      'ExecutionFailed',
    ]);
  });
});
