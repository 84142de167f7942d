import { run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { Order } from './schemas.js';
import { orderTotal } from './workflow.js';

describe('order-total', () => {
  checkExample(orderTotal, import.meta.url);
  const order = Order.parse(sampleInput(import.meta.url));

  test('prices every line with the region tax and keeps the running total in variables', async () => {
    const result = await run(orderTotal, order);
    // (2 × 12.5 + 10 × 1.2 + 30) × 1.2 = 80.40 EUR, in cents. The workflow ends in a Choice, whose type is its
    // input (core's types do not follow a Choice's branches), so the output is checked untyped.
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ orderId: 'o-42', lines: 3, total: 8040, currency: 'EUR' });
    expect(result).toHaveAssigned('taxRate', 0.2);
    expect(result).toHaveAssigned('total', 8040);
    // The loop goes round once per line, then leaves by the Choice's Default.
    expect(result.view.visitsOf('AddLine')).toHaveLength(3);
    expect(result).toHaveTakenBranch('MoreLines', 0);
    expect(result).toHaveTakenBranch('MoreLines', 'Default');
  });

  test('a US order is taxed at the US rate', async () => {
    const result = await run(orderTotal, { ...order, region: 'us' });
    expect(result).toSucceedWith(expect.objectContaining({ currency: 'USD' }));
    expect(result).toHaveAssigned('taxRate', 0.1);
  });

  test('a line without quantity is caught and rejects the order', async () => {
    const input = { orderId: 'o-43', region: 'us', lines: [{ sku: 'pen', quantity: 0, unitPrice: 1 }] };
    const result = await run(orderTotal, input);
    expect(result).toFailWith('OrderRejected');
    expect(result).toHaveCaught('PriceLines', 'InvalidLine');
  });
});
