import { compile } from '@stepcraft/core';
import { run } from '@stepcraft/runner';
import { expect, test } from 'vitest';
import { valibotOrders } from './workflow.js';

test('valibot schemas type the workflow and check it at run time', async () => {
  const compiled = compile(valibotOrders);
  const ok = await run(compiled, { orderId: 'o-1', amount: 42 });
  expect(ok.output).toEqual({ orderId: 'O-1', amount: 42, charge: { chargeId: 'ch-O-1', approved: true } });
  // A negative amount breaks the input contract, which only a schema checked at run time can notice.
  const rejected = await run(compiled, { orderId: 'o-2', amount: -1 });
  expect(rejected.status).toBe('FAILED');
});
