import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { orderTotal } from './workflow.js';

describe('order-total', () => {
  const compiled = checkExample(orderTotal, import.meta.url);

  test('prices every line with the region tax and keeps the running total in variables', async () => {
    const result = await run(compiled, sampleInput(import.meta.url) as never);
    expect(result.status).toBe('SUCCEEDED');
    // (2 × 12.5 + 10 × 1.2 + 30) × 1.2 = 80.40 EUR, in cents.
    expect(result.output).toEqual({ orderId: 'o-42', lines: 3, total: 8040, currency: 'EUR' });
  });

  test('a line without quantity is caught and rejects the order', async () => {
    const input = { orderId: 'o-43', region: 'us', lines: [{ sku: 'pen', quantity: 0, unitPrice: 1 }] };
    const result = await run(compiled, input);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('OrderRejected');
  });
});
