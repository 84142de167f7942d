import { compile } from '@stepcraft/core';
import { mock, run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { beforeEach, describe, expect, test } from 'vitest';
import { checkCompiled, checkExample, sampleInput } from '../example-checks.js';
import { fulfilment } from './child.js';
import { Order } from './schemas.js';
import { childRuns, fulfil, orderWithFulfilment } from './workflow.js';

describe('nested-workflows', () => {
  const compiled = checkExample(orderWithFulfilment, import.meta.url);
  const input = sampleInput(import.meta.url);
  beforeEach(() => {
    childRuns.length = 0;
  });

  test('the child compiles on its own (a separate state machine)', () => {
    const child = compile(fulfilment);
    expect(child.name).toBe('Fulfilment');
    expect(Object.keys(child.definition.States)).toEqual(['ReserveStock', 'ShipParcel']);
  });

  test('the parent runs the child with .sync:2 and reads its parsed, typed Output', async () => {
    const result = await run(compiled, input as never, { executionName: 'parent-1' });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({
      fulfilment: {
        trackingId: '1Z-o-2001',
        execution: 'arn:aws:states:us-east-1:123456789012:execution:Fulfilment:o-2001-fulfilment',
      },
    });
    // The child ran as an execution of its own, with its own history, linked to the parent by the input.
    const [child] = childRuns;
    expect(child).toMatchObject({
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Fulfilment:o-2001-fulfilment',
      parentExecutionArn: expect.stringMatching(/:execution:OrderWithFulfilment:parent-1$/),
      parentState: 'Fulfil',
      result: { status: 'SUCCEEDED', output: { orderId: 'o-2001', trackingId: '1Z-o-2001' } },
    });
    const childHistory = child?.result.history ?? [];
    expect(childHistory.map((e) => e.type)).toContain('ExecutionStarted');
    expect(JSON.parse(String(childHistory[0]?.executionStartedEventDetails?.input))).toMatchObject({
      orderId: 'o-2001',
      AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: child?.parentExecutionArn,
    });
    // The parent's history links the child: TaskSubmitted records StartExecution's response, as on AWS.
    const submitted = result.history.find((e) => e.type === 'TaskSubmitted');
    expect(JSON.parse(String(submitted?.taskSubmittedEventDetails?.output))).toEqual({
      ExecutionArn: child?.executionArn,
      StartDate: expect.any(Number),
    });
    const succeeded = result.history.find((e) => e.type === 'TaskSucceeded');
    expect(succeeded?.taskSucceededEventDetails).toMatchObject({
      resourceType: 'states',
      resource: 'startExecution.sync:2',
    });
  });

  test('a failed child fails the task with States.TaskFailed, its Error and Cause in the description', async () => {
    const result = await run(compiled, { ...input, lines: [{ sku: 'book-1', quantity: 50 }] } as never);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('FulfilmentFailed');
    const caught = result.history.find(
      (e) => e.type === 'TaskStateEntered' && e.stateEnteredEventDetails?.name === 'NotifyFailure',
    );
    const error = JSON.parse(String(caught?.stateEnteredEventDetails?.input)).error;
    expect(error.Error).toBe('States.TaskFailed');
    expect(JSON.parse(error.Cause)).toMatchObject({
      Status: 'FAILED',
      Error: 'OutOfStock',
      Name: 'o-2001-fulfilment',
    });
  });

  test("a mock stands in for the child: its answer is DescribeExecution with the child's typed Output", async () => {
    const execution = 'arn:aws:states:us-east-1:123456789012:execution:Fulfilment:mocked';
    const child = mock(fulfil).implements((request) => ({
      ExecutionArn: execution,
      StateMachineArn: request.StateMachineArn,
      Name: 'mocked',
      Status: 'SUCCEEDED',
      StartDate: 0,
      StopDate: 1000,
      Input: request.Input,
      InputDetails: { Included: true },
      Output: { orderId: request.Input.orderId, trackingId: 'MOCK-1' },
      OutputDetails: { Included: true },
    }));
    const result = await run(orderWithFulfilment, Order.parse(input), { mocks: [child] });
    expect(result).toSucceedWith(
      expect.objectContaining({ fulfilment: { trackingId: 'MOCK-1', execution } }),
    );
    expect(childRuns).toEqual([]);
  });
});

// The child's own committed ASL sits beside it, checked like every example's.
describe('nested-workflows child', () => {
  test('child.asl.json is up to date', () => {
    checkCompiled(fulfilment, new URL('child/', import.meta.url).href, 'JSONPath');
  });
});
