import type { AslDocument, CompiledWorkflow } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { type ChildRun, childExecution, run, startChildExecution } from '../src/index.js';

// The child waits a minute, then fails when asked to.
const child: CompiledWorkflow<{ fail?: boolean }, { done: boolean }> = {
  name: 'Child',
  definition: {
    StartAt: 'Pause',
    States: {
      Pause: { Type: 'Wait', Seconds: 60, Next: 'Fail?' },
      'Fail?': {
        Type: 'Choice',
        Choices: [
          {
            And: [
              { Variable: '$.fail', IsPresent: true },
              { Variable: '$.fail', BooleanEquals: true },
            ],
            Next: 'Broken',
          },
        ],
        Default: 'Done',
      },
      Broken: { Type: 'Fail', Error: 'Child.Broken', Cause: 'asked to fail' },
      Done: { Type: 'Pass', Result: { done: true }, End: true },
    },
  },
};
const CHILD_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Child';

const parent = (resource: string): AslDocument => ({
  StartAt: 'Start',
  States: {
    Start: {
      Type: 'Task',
      Resource: resource,
      Parameters: {
        StateMachineArn: CHILD_ARN,
        'Input.$': '$',
        'Name.$': "States.Format('{}-child', $$.Execution.Name)",
      },
      End: true,
    },
  },
});

describe('childExecution: a startExecution task runs a workflow as a child execution', () => {
  test('.sync:2: the child runs on its own, the parent waits for it and gets its parsed output', async () => {
    const runs: ChildRun[] = [];
    const result = await run(
      parent('arn:aws:states:::states:startExecution.sync:2'),
      {},
      {
        executionName: 'p-1',
        handlers: { Start: childExecution(child, { onRun: (r) => runs.push(r) }) },
      },
    );
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:p-1-child',
        Status: 'SUCCEEDED',
        Output: { done: true },
      },
    });
    expect(result.stats.durationMs).toBe(60_000);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:p-1-child',
      parentExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:StateMachine:p-1',
      parentState: 'Start',
    });
    expect(runs[0]?.result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  test('.sync: the output comes back as JSON text; a failed child fails the task with States.TaskFailed', async () => {
    const ok = await run(
      parent('arn:aws:states:::states:startExecution.sync'),
      {},
      {
        handlers: { Start: childExecution(child) },
      },
    );
    expect(ok.output).toMatchObject({ Output: '{"done":true}', Input: '{}' });
    const failed = await run(
      parent('arn:aws:states:::states:startExecution.sync'),
      { fail: true },
      {
        handlers: { Start: childExecution(child) },
      },
    );
    expect(failed).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    expect(JSON.parse(failed.cause ?? '')).toMatchObject({
      Status: 'FAILED',
      Error: 'Child.Broken',
      Cause: 'asked to fail',
    });
  });

  test('without .sync the parent does not wait: StartExecution answers with the ARN and start date', async () => {
    const runs: ChildRun[] = [];
    const result = await run(
      parent('arn:aws:states:::states:startExecution'),
      {},
      {
        executionName: 'p-2',
        handlers: { Start: startChildExecution(child, { onRun: (r) => runs.push(r) }) },
      },
    );
    expect(result.output).toEqual({
      ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:p-2-child',
      StartDate: Date.parse('2024-01-01T00:00:00.000Z'),
    });
    expect(result.stats.durationMs).toBe(0);
    expect(runs[0]?.result.status).toBe('SUCCEEDED');
  });
});
