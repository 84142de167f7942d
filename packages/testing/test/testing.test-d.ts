import { map, pass } from '@stepcraft/core';
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { mock, run, start } from '../src/index.js';
import '../src/vitest/index.js';
import { expect } from 'vitest';
import definition from './fixtures/LambdaSQSIntegration.asl.json' with { type: 'json' };
import { approval, archive, ask, checkout, order, pay } from './fixtures.js';

describe('typed mocks', () => {
  test('accepts a value of the declared result and types the calls by the task input', () => {
    const payment = mock(pay).resolves({ paymentId: 'p-1', status: 'PAID' });
    expectTypeOf(payment.calls[0]?.input).toEqualTypeOf<{ orderId: string; amount: number } | undefined>();
    mock(archive).resolves({});
  });

  test('rejects a value of the wrong type', () => {
    // @ts-expect-error paymentId is a string
    mock(pay).resolves({ paymentId: 1, status: 'PAID' });
    // @ts-expect-error 'LOST' is not a payment status
    mock(pay).resolvesOnce({ paymentId: 'p', status: 'LOST' });
    // @ts-expect-error the implementation must return a payment
    mock(pay).implements((input) => ({ paymentId: input.amount }));
  });

  test('types integration mocks by the service response', () => {
    mock.sqs('https://sqs').resolves({ MD5OfMessageBody: 'm', MessageId: 'id' });
    // @ts-expect-error SendMessage answers with MessageId and MD5OfMessageBody
    mock.sqs('https://sqs').resolves({ id: 'x' });
    expectTypeOf(mock.lambda<{ ok: boolean }>('fn').resolves).parameter(0).toEqualTypeOf<{ ok: boolean }>();
  });

  test('rejects mocking a state that calls nothing', () => {
    const items = map('Items', {
      input: z.object({ lines: z.array(z.string()) }),
      itemsPath: '$.lines',
      processor: pass('Each'),
    });
    // @ts-expect-error only Task states can be mocked
    mock(items);
  });
});

describe('typed runs and matchers', () => {
  test('run() takes the workflow input type and gives its output type', async () => {
    const result = await run(checkout, order);
    expectTypeOf(result.output).toEqualTypeOf<
      | { orderId: string; amount: number; payment: { paymentId: string; status: 'PAID' | 'DECLINED' } }
      | undefined
    >();
    // @ts-expect-error the amount is a number
    await run(checkout, { orderId: 'o', amount: '1' });
  });

  test('toSucceedWith is typed by the output', async () => {
    const result = await run(checkout, order);
    expect(result).toSucceedWith(expect.objectContaining({ orderId: 'o-1' }));
    // @ts-expect-error the output has no `total`
    expect(result).toSucceedWith({ total: 1 });
  });

  test('a matcher on a state that does not exist is a compile error (an ASL document lists its states)', async () => {
    const result = await run(definition, {});
    expect(result).toHaveVisited(['LambdaState', 'SQSState']);
    expect(result).toHaveRetried('LambdaState', 3);
    // @ts-expect-error there is no state LambdaStat
    expect(result).toHaveVisited(['LambdaStat']);
    // @ts-expect-error there is no state Nope
    expect(result).toHaveCaught('Nope', 'States.ALL');
    // @ts-expect-error there is no state Route
    expect(result).toHaveTakenBranch('Route', 0);
  });
});

describe('typed handles', () => {
  test("sendTaskSuccess takes the callback state's declared result", async () => {
    const execution = start(approval, { expenseId: 'e', amount: 1 });
    const { token, input } = await execution.waitForTaskToken(ask);
    expectTypeOf(input).toEqualTypeOf<{ expenseId: string; amount: number }>();
    execution.sendTaskSuccess(token, { approved: true, approver: 'ada' });
    // @ts-expect-error approved is a boolean
    execution.sendTaskSuccess(token, { approved: 'yes', approver: 'ada' });
    // @ts-expect-error the approver is missing
    execution.sendTaskSuccess(token, { approved: true });
    // @ts-expect-error the input is the workflow's
    start(approval, { expenseId: 1, amount: 1 });
  });
});
