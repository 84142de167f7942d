import { mock, run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { Order } from './schemas.js';
import { orderProcessing, pay } from './workflow.js';

describe('order-processing', () => {
  checkExample(orderProcessing, import.meta.url);
  const order = Order.parse(sampleInput(import.meta.url));

  test('a paid order reserves stock and completes', async () => {
    const result = await run(orderProcessing, order);
    expect(result).toSucceedWith(
      expect.objectContaining({
        payment: { paymentId: 'pay-o-1001', status: 'PAID' },
        inventory: { reserved: true },
      }),
    );
    expect(result).toHaveVisited(['ReceiveOrder', 'ProcessPayment', 'CheckInventory', 'OrderCompleted']);
  });

  test('a declined card is caught, alerted on, and fails the execution', async () => {
    const result = await run(orderProcessing, { ...order, card: 'declined' });
    expect(result).toFailWith('OrderFailed');
    expect(result).toHaveCaught(pay, 'PaymentDeclined');
    expect(result).toHaveVisited(['HandleError', 'SendAlert']);
    // The alert carries the caught error, parsed from the Lambda error document.
    expect(result.view.errors[0]?.causeJson).toMatchObject({ errorMessage: 'Card refused for order o-1001' });
  });

  test('Lambda throttling is retried with backoff before the payment goes through', async () => {
    const payment = mock(pay)
      .rejectsOnce('Lambda.TooManyRequestsException', 'Rate exceeded')
      .rejectsOnce('Lambda.TooManyRequestsException', 'Rate exceeded')
      .resolves({ paymentId: 'pay-retried', status: 'PAID' });
    const result = await run(orderProcessing, order, { mocks: [payment] });
    expect(result).toSucceedWith(
      expect.objectContaining({ payment: { paymentId: 'pay-retried', status: 'PAID' } }),
    );
    expect(result).toHaveRetried(pay, 2);
    expect(result.view.visitsOf('ProcessPayment')[0]?.retries.map((r) => r.delaySeconds)).toEqual([2, 4]);
    expect(payment.calls.map((call) => call.input.orderId)).toEqual(['o-1001', 'o-1001', 'o-1001']);
  });

  test('throttling that outlasts the retries is caught like any other failure', async () => {
    const result = await run(orderProcessing, order, {
      mocks: [mock(pay).rejects('Lambda.TooManyRequestsException', 'Rate exceeded')],
    });
    expect(result).toFailWith('OrderFailed', 'The order could not be processed; an alert was sent');
    expect(result).toHaveRetried(pay, 3);
    expect(result).toHaveCaught(pay, 'Lambda.TooManyRequestsException');
  });
});
