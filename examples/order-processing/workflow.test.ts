import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { orderProcessing } from './workflow.js';

describe('order-processing', () => {
  const compiled = checkExample(orderProcessing, import.meta.url);

  test('a paid order reserves stock and completes', async () => {
    const result = await run(compiled, sampleInput(import.meta.url) as never);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({
      payment: { paymentId: 'pay-o-1001', status: 'PAID' },
      inventory: { reserved: true },
    });
  });

  test('a declined card is caught, alerted on, and fails the execution', async () => {
    const result = await run(compiled, { ...sampleInput(import.meta.url), card: 'declined' } as never);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('OrderFailed');
    const entered = result.history
      .filter((e) => e.type.endsWith('StateEntered'))
      .map((e) => JSON.stringify(e));
    expect(entered.some((e) => e.includes('HandleError'))).toBe(true);
    expect(entered.some((e) => e.includes('SendAlert'))).toBe(true);
  });
});
