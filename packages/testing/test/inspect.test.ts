import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { inspect, mock } from '../src/index.js';
import '../src/vitest/index.js';
import { corpusCase } from './aws-history.js';
import { checkout, order, pay } from './fixtures.js';

/** AWS's TestState writes inspection values as JSON text; the corpus keeps some of them as text. */
const parsed = (value: unknown): JsonValue =>
  typeof value === 'string' ? (JSON.parse(value) as JsonValue) : (value as JsonValue);

describe("inspect() against AWS's TestState responses (runtime corpus)", () => {
  test('a Task on a Lambda function: every step of the pipeline', async () => {
    const c = corpusCase<{
      definition: AslDocument;
      input: JsonValue;
      test_state_response: { inspectionData: Record<string, unknown>; output: JsonValue };
    }>('ts-lambda-arn-task-state');
    const step = await inspect(c.definition, 'TestState', c.input, {
      mocks: [mock('TestState').resolves('HelloWorld!')],
    });
    const aws = c.test_state_response;
    expect(step).toMatchObject({
      input: parsed(aws.inspectionData.input),
      afterInputPath: parsed(aws.inspectionData.afterInputPath),
      afterParameters: parsed(aws.inspectionData.afterParameters),
      result: parsed(aws.inspectionData.result),
      afterResultSelector: parsed(aws.inspectionData.afterResultSelector),
      afterResultPath: parsed(aws.inspectionData.afterResultPath),
      output: aws.output,
      status: 'SUCCEEDED',
    });
    expect(step.nextState).toBeUndefined();
  });

  test('JSONata Choices and a Task: the next state, the arguments, the result and the output', async () => {
    const c = corpusCase<{
      definition: AslDocument;
      test_state_response: Record<string, Record<string, unknown>>;
    }>('ts-blogpost-large-purchase-approved');
    const aws = c.test_state_response;
    for (const [response, state, input] of [
      ['small_purchase_approval_required_response', 'Approval Required', { cost: 9 }],
      ['large_purchase_approval_required_response', 'Approval Required', { cost: 10 }],
      [
        'check_approval_granted_response',
        'Check Approval',
        { approval: true, approval_code: '2387462', approved_by: 'Mary' },
      ],
      ['check_approval_denied_response', 'Check Approval', { approval: false }],
    ] as const) {
      const step = await inspect(c.definition, state, input);
      expect({ nextState: step.nextState, output: step.output, status: step.status }, response).toEqual({
        nextState: aws[response]?.nextState,
        output: aws[response]?.output,
        status: aws[response]?.status,
      });
    }
    const ask = await inspect(
      c.definition,
      'Ask for Approval',
      { cost: 10 },
      {
        mocks: [mock('Ask for Approval').resolves({ approval: true })],
      },
    );
    const recorded = aws.large_purchase_ask_for_approval_response as {
      inspectionData: Record<string, JsonValue>;
      nextState: string;
      output: JsonValue;
    };
    expect(ask.result).toEqual(recorded.inspectionData.result);
    expect(ask.output).toEqual(recorded.output);
    expect(ask.nextState).toBe(recorded.nextState);
    // AWS's recording hid the region of the endpoint; the rest of the arguments are the same.
    expect(ask.afterArguments).toEqual({
      ...(recorded.inspectionData.afterArguments as object),
      ApiEndpoint: 'example.execute-api.us-east-1.amazonaws.com',
    });
  });
});

describe('inspect() on a builder workflow', () => {
  test('after ResultSelector and ResultPath of a typed Task, with its mock', async () => {
    const step = await inspect(checkout, pay, order, {
      mocks: [mock(pay).resolves({ paymentId: 'p-1', status: 'PAID' })],
    });
    expect(step.afterParameters).toEqual({ FunctionName: 'process-payment', Payload: order });
    expect(step.result).toMatchObject({ Payload: { paymentId: 'p-1', status: 'PAID' }, StatusCode: 200 });
    expect(step.afterResultSelector).toEqual({ paymentId: 'p-1', status: 'PAID' });
    expect(step.afterResultPath).toEqual({ ...order, payment: { paymentId: 'p-1', status: 'PAID' } });
    expect(step.nextState).toBe('Route');
  });

  test('a caught failure goes to the catcher; retries are listed', async () => {
    const step = await inspect(checkout, pay, order, {
      mocks: [mock(pay).rejectsOnce('Lambda.TooManyRequestsException', 'slow').rejects('Declined', 'no')],
    });
    expect(step).toMatchObject({
      nextState: 'SendAlert',
      error: 'Declined',
      cause: 'no',
      status: 'SUCCEEDED',
    });
    expect(step.retries).toEqual([
      { error: 'Lambda.TooManyRequestsException', cause: 'slow', delaySeconds: 2 },
    ]);
    expect(step.execution).toHaveRetried(pay, 1);
  });

  test('variables the state reads are given as they are when it is entered', async () => {
    const definition: AslDocument = {
      StartAt: 'Add',
      States: {
        Add: {
          Type: 'Pass',
          Parameters: { 'sum.$': 'States.MathAdd($total, $.n)' },
          Assign: { 'total.$': '$.sum' },
          End: true,
        },
      },
    };
    const step = await inspect(definition, 'Add', { n: 2 }, { variables: { total: 40 } });
    expect(step.afterParameters).toEqual({ sum: 42 });
    expect(step.variables).toEqual({ total: 42 });
  });

  test('a state the workflow does not have suggests the closest', async () => {
    await expect(inspect(checkout, 'Rout', {})).rejects.toThrow(
      'No state "Rout" in workflow "Checkout". Did you mean "Route"?',
    );
  });
});
