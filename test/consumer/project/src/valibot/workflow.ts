// The README's first workflow with valibot schemas instead of zod: any Standard Schema library works.
import { choice, fail, lambda, succeed, task, workflow } from '@stepcraft/core';
import * as v from 'valibot';

export const Order = v.object({ orderId: v.string(), amount: v.pipe(v.number(), v.minValue(0)) });
export const Charge = v.object({ chargeId: v.string(), approved: v.boolean() });

export const lookUp = task('LookUpOrder', {
  resource: lambda.invoke('look-up-order'),
  input: Order,
  output: Order,
  handler: async (order) => ({ ...order, orderId: order.orderId.toUpperCase() }),
  resultSelector: lambda.payload,
});

export const charge = task('ChargeCard', {
  resource: lambda.invoke('charge-card'),
  input: Order,
  output: Charge,
  handler: async (order) => ({ chargeId: `ch-${order.orderId}`, approved: order.amount < 1000 }),
  resultSelector: ({ result }) => ({ chargeId: result.Payload.chargeId, approved: result.Payload.approved }),
}).resultPath('$.charge');

export const decide = choice('IsApproved', { input: v.object({ ...Order.entries, charge: Charge }) })
  .when(({ input }) => input.charge.approved.booleanEquals(true), succeed('Charged'))
  .otherwise(fail('Declined', { error: 'Declined', cause: 'The card was declined' }));

export const valibotOrders = workflow('ValibotOrders', { input: Order })
  .start(lookUp)
  .next(charge)
  .next(decide);
