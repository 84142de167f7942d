import { describe, expect, test } from 'vitest';
import { MockExhaustedError, mock, run, UnknownMockKeyError, UnmockedStatesError } from '../src/index.js';
import { approval, archive, ask, checkout, order, pay } from './fixtures.js';

const alerted = mock.sqs('https://sqs.us-east-1.amazonaws.com/123456789012/alerts').resolves({
  MD5OfMessageBody: 'm',
  MessageId: 'msg-1',
});
const archived = mock(archive).resolves({});

describe('typed sequenced mocks', () => {
  test('answer in order, then fall back to the default, and record every call', async () => {
    const payment = mock(pay)
      .rejectsOnce('Lambda.TooManyRequestsException', 'slow down')
      .resolves({ paymentId: 'p-1', status: 'PAID' });
    const result = await run(checkout, order, { mocks: [payment, alerted, archived] });
    expect(result.status).toBe('SUCCEEDED');
    expect(payment.calls).toEqual([
      { input: order, state: 'ProcessPayment', retryCount: 0, answer: 'reject' },
      { input: order, state: 'ProcessPayment', retryCount: 1, answer: 'resolve' },
    ]);
    expect(result.view.visitsOf('ProcessPayment')[0]?.retries).toEqual([
      { error: 'Lambda.TooManyRequestsException', cause: 'slow down', delaySeconds: 2 },
    ]);
    expect(archived.calls[0]?.input).toEqual({ Bucket: 'orders', Key: 'o-1' });
  });

  test('a rejection carries its error and cause to Retry and Catch', async () => {
    const payment = mock(pay).rejects('PaymentDeclined', 'card refused');
    const result = await run(checkout, order, { mocks: [payment, alerted, archived] });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('OrderFailed');
    expect(result.view.visitsOf('ProcessPayment')[0]).toMatchObject({
      status: 'caught',
      error: 'PaymentDeclined',
      cause: 'card refused',
      next: 'SendAlert',
    });
    expect(alerted.calls.at(-1)?.input).toEqual({
      QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/alerts',
      MessageBody: { orderId: 'o-1' },
    });
  });

  test('a resource mock answers every task calling that function', async () => {
    const payment = mock.lambda('process-payment').resolves({ paymentId: 'p-2', status: 'DECLINED' });
    const result = await run(checkout, order, { mocks: [payment, alerted, archived] });
    expect(result.error).toBe('Declined');
    expect(payment.calls).toHaveLength(1);
  });

  test('implementations get the input and the handler context', async () => {
    const payment = mock(pay).implements((input, context) => ({
      paymentId: `${input.orderId}-${context.stateName}`,
      status: 'PAID',
    }));
    const result = await run(checkout, order, { mocks: [payment, alerted, archived] });
    expect(result.output).toMatchObject({ payment: { paymentId: 'o-1-ProcessPayment' } });
  });

  test('each configuring call returns a new mock', () => {
    const base = mock(pay);
    const scripted = base.resolves({ paymentId: 'p', status: 'PAID' });
    expect(scripted).not.toBe(base);
    expect(base.target).toEqual({ kind: 'state', key: 'ProcessPayment' });
  });

  test('a mock called more often than scripted stops the run with a named error', async () => {
    const payment = mock(pay).rejectsOnce('Lambda.TooManyRequestsException');
    await expect(run(checkout, order, { mocks: [payment, alerted, archived] })).rejects.toThrow(
      new MockExhaustedError(
        'The mock of state "ProcessPayment" was called 2 times but scripts 1 answer and no default: add .resolves(…), .rejects(…) or .implements(…).',
      ),
    );
  });
});

describe('keys that name nothing in the workflow', () => {
  test('a misspelled state suggests the closest Task state', async () => {
    const error = await run(checkout, order, {
      mocks: [mock('ProcesPayment').resolves({}), alerted, archived],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownMockKeyError);
    expect((error as UnknownMockKeyError).message).toBe(
      'mock(…) "ProcesPayment" names no Task state of workflow "Checkout". Did you mean "ProcessPayment"?',
    );
    expect((error as UnknownMockKeyError).keys).toEqual(['ProcesPayment']);
  });

  test('a misspelled resource and handler key suggest the closest resource', async () => {
    await expect(
      run(checkout, order, {
        mocks: [mock(pay).resolves({ paymentId: 'p', status: 'PAID' }), mock.lambda('proces-payment')],
      }),
    ).rejects.toThrow(
      'mock.lambda(…) "proces-payment" names no resource of workflow "Checkout". Did you mean "process-payment"?',
    );
    await expect(run(checkout, order, { handlers: { 'aws-sdk:s3:putObjct': () => ({}) } })).rejects.toThrow(
      'handlers "aws-sdk:s3:putObjct" names no Task state or resource of workflow "Checkout". Did you mean "aws-sdk:s3:putObject"?',
    );
  });

  test('mocking a state that is not a Task is an error', async () => {
    await expect(run(checkout, order, { mocks: [mock('Route').resolves({})] })).rejects.toThrow(
      'mock(…) "Route" is a Choice state of workflow "Checkout": only Task states call a resource, so only they can be mocked.',
    );
  });

  test('two mocks for the same key are an error', async () => {
    await expect(run(checkout, order, { mocks: [mock(pay), mock(pay)] })).rejects.toThrow(
      'Two mocks answer "ProcessPayment": keep one and sequence its answers.',
    );
  });

  test('__proto__ and constructor are plain keys', async () => {
    await expect(run(checkout, order, { mocks: [mock('__proto__'), mock('constructor')] })).rejects.toThrow(
      UnknownMockKeyError,
    );
  });
});

describe('tasks with no mock and no handler', () => {
  test('are listed before the run by default', async () => {
    const error = await run(checkout, order, { mocks: [archived] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnmockedStatesError);
    expect((error as UnmockedStatesError).states).toEqual(['ProcessPayment', 'SendAlert']);
    expect((error as Error).message).toBe(
      '2 Task states of workflow "Checkout" have no mock and no handler: "ProcessPayment" (lambda:invoke "process-payment"), "SendAlert" (sqs:sendMessage "https://sqs.us-east-1.amazonaws.com/123456789012/alerts"). Mock them (mock(state).resolves(…), mock.lambda(name)…), or pass unmocked: \'allow\' to let the run fail when it reaches one.',
    );
  });

  test("with unmocked: 'allow' the run fails when it reaches one", async () => {
    const result = await run(checkout, order, {
      mocks: [mock(pay).resolves({ paymentId: 'p', status: 'PAID' })],
      unmocked: 'allow',
    });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Stepcraft.MissingHandler');
  });
});

describe('callback tasks', () => {
  test("a state mock answers the task's token: its value is the task's result", async () => {
    const result = await run(
      approval,
      { expenseId: 'e-1', amount: 5 },
      {
        mocks: [mock(ask).resolves({ approved: true, approver: 'ada' })],
      },
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({ decision: { approved: true, approver: 'ada' } });
  });

  test('a resource mock answers only the service call: the task then waits for its token, here until its timeout', async () => {
    const sent = mock.sqs('https://sqs.us-east-1.amazonaws.com/123456789012/approvals').resolves({
      MD5OfMessageBody: 'm',
      MessageId: 'sent',
    });
    const result = await run(approval, { expenseId: 'e-2', amount: 5 }, { mocks: [sent] });
    expect(result.error).toBe('States.Timeout');
    expect(sent.calls).toHaveLength(1);
  });
});
