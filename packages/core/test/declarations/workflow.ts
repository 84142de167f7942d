// A module as a library publishing workflows writes it: every state and workflow exported, types inferred. The
// declarations test compiles it outside the workspace with `declaration: true`: each exported type must be nameable
// from `@stepcraft/core` (no TS2883 "cannot be named without a reference to …").
import {
  activity,
  choice,
  fail,
  lambda,
  later,
  map,
  parallel,
  pass,
  placeholder,
  States,
  sqs,
  succeed,
  task,
  typed,
  unchecked,
  variable,
  wait,
  workflow,
} from '@stepcraft/core';
import { z } from 'zod';

export const Order = z.object({
  orderId: z.string(),
  status: z.enum(['NEW', 'PAID']),
  items: z.array(z.object({ sku: z.string(), qty: z.number() })),
  total: z.number(),
});

export const attempts = variable('attempts', z.number());
export const receive = pass('Receive', { input: Order }).assign(attempts, () => 0);
export const chargeCart = task('ChargeCart', {
  resource: lambda.invoke(placeholder('PaymentFunction')),
  input: Order,
  output: Order,
  resultSelector: lambda.payload,
});
export const price = task('Price', {
  resource: lambda.invoke('price'),
  input: Order,
  output: z.object({ amount: z.number() }),
  resultSelector: ({ result }) => ({ amount: result.Payload.amount }),
})
  .resultPath('$.price')
  .retry({ errors: ['States.TaskFailed'], maxAttempts: 2 })
  .catch(['States.ALL'], fail('PriceFailed'), { resultPath: '$.error' });
export const raw = task('Raw', { resource: lambda.invoke('raw'), input: Order }).outputPath('$.Payload');
export const notify = task('Notify', {
  resource: sqs.sendMessage('https://sqs.eu-west-1.amazonaws.com/1/q').waitForTaskToken(),
  input: Order,
  parameters: ({ input, context }) => ({ id: input.orderId, token: context.Task.Token }),
});
export const review = task('Review', { resource: activity('arn:aws:states:eu-west-1:1:activity:review') });
export const pause = wait('Pause', { seconds: 5 });
export const backoff = wait('Backoff', { seconds: 2 }).next(chargeCart);
export const keep = pass('Keep');
export const label = pass('Label', {
  input: Order,
  parameters: ({ input }) => ({
    text: States.format('Order {}', input.orderId),
    list: States.array(input.orderId, input.total),
  }),
});
export const done = succeed('Done');
export const route = choice('Route', { input: Order })
  .when(({ input }) => input.total.numericGreaterThan(100), backoff)
  .otherwise(done);
export const byStatus = choice('ByStatus', { input: Order })
  .on(({ input }) => input.status)
  .when('NEW', keep);
export const switched = byStatus.when('PAID', done);
export const lines = map('Lines', { input: Order, itemsPath: '$.items', processor: pass('Line') }).resultPath(
  '$.lines',
);
export const batches = map('Batches', {
  input: Order,
  itemsPath: '$.items',
  mode: 'distributed',
  itemBatcher: { maxItemsPerBatch: 10, batchInput: ({ input }) => ({ order: input.orderId }) },
  processor: pass('Batch'),
});
export const both = parallel('Both', {
  input: Order,
  branches: [pass('A'), pass('B').next(done)],
}).resultPath('$.branches');
export const loop = later('Route', () => route, { input: Order });
export const loose = unchecked(chargeCart);
export const orders = workflow('Orders', { input: Order })
  .start(receive)
  .next(price)
  .next(lines)
  .next(both)
  .next(switched);
export const typedOnly = workflow('TypedOnly', { input: typed<{ id: string }>() }).start(pass('Start'));
