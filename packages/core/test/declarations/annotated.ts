// States with the explicit types `isolatedDeclarations` requires: every name they need is exported by
// `@stepcraft/core`, and the types written are the ones the builders produce.
import {
  type BareResult,
  type Chain,
  type ChainNames,
  type ChoiceState,
  type ChoiceSwitch,
  choice,
  type LambdaInvokeResult,
  lambda,
  type PassState,
  pass,
  placeholder,
  type Same,
  type StateNames,
  succeed,
  type TaskTypes,
  task,
  typed,
  type WaitState,
  type Workflow,
  type WorkState,
  wait,
  workflow,
} from '@stepcraft/core';

export interface Order {
  readonly orderId: string;
  readonly status: 'NEW' | 'PAID';
}
export interface Receipt {
  readonly receiptId: string;
}

export const charge: WorkState<
  'Charge',
  Order,
  BareResult<Receipt>,
  Receipt,
  'lambda-function:PaymentFunction',
  TaskTypes<Order, Receipt>
> = task('Charge', {
  resource: lambda.invoke(placeholder('PaymentFunction')),
  input: typed<Order>(),
  output: typed<Receipt>(),
  resultSelector: lambda.payload,
});
export const call: WorkState<
  'Call',
  unknown,
  LambdaInvokeResult<unknown>,
  LambdaInvokeResult<unknown>,
  never,
  TaskTypes<unknown, unknown>
> = task('Call', { resource: lambda.invoke('call') });
export const pause: WaitState<'Pause', unknown, Same> = wait('Pause', { seconds: 1 });
export const keep: PassState<'Keep', unknown, Same, Same> = pass('Keep');
export const done: Chain<unknown, Same, StateNames<'Done', false>> = succeed('Done');
export const route: ChoiceState<'Route', Order, Order> = choice('Route', { input: typed<Order>() });
export const byStatus: ChoiceSwitch<'Route', Order, Order, 'PAID', '$.status'> = route
  .on(({ input }) => input.status)
  .when('NEW', keep);
export const waitThenCharge: Chain<
  Order,
  Receipt,
  ChainNames<'Pause', 'Charge', true, 'lambda-function:PaymentFunction'>
> = pause.next(charge);
export const flow: Workflow<
  'Flow',
  Order,
  Receipt,
  ChainNames<'Pause', 'Charge', true, 'lambda-function:PaymentFunction'>
> = workflow('Flow', { input: typed<Order>() }).start(waitThenCharge);
