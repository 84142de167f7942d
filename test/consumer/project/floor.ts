// Checked by the oldest TypeScript we support, with our declaration files checked too (no skipLibCheck) and no
// schema library: a minimal Standard Schema stands in, so only our own types are put to the test.
import { choice, fail, lambda, succeed, task, workflow } from '@stepcraft/core';

/** A Standard Schema of T that accepts anything: its types are all the builder reads. */
function schema<T>(): {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'floor';
    readonly validate: (value: unknown) => { readonly value: T };
    readonly types?: { readonly input: T; readonly output: T };
  };
} {
  return { '~standard': { version: 1, vendor: 'floor', validate: (value) => ({ value: value as T }) } };
}

const Order = schema<{ orderId: string; amount: number }>();
const Charged = schema<{ orderId: string; amount: number; charge: { id: string; approved: boolean } }>();

export const lookUp = task('LookUpOrder', {
  resource: lambda.invoke('look-up-order'),
  input: Order,
  output: Order,
  resultSelector: lambda.payload,
});

export const charge = task('ChargeCard', {
  resource: lambda.invoke('charge-card'),
  input: Order,
  output: schema<{ id: string; approved: boolean }>(),
  resultSelector: ({ result }) => ({ id: result.Payload.id, approved: result.Payload.approved }),
}).resultPath('$.charge');

export const decide = choice('IsApproved', { input: Charged })
  .when(({ input }) => input.charge.approved.booleanEquals(true), succeed('Charged'))
  .otherwise(fail('Declined', { error: 'Declined' }));

export const orders = workflow('Orders', { input: Order }).start(lookUp).next(charge).next(decide);
