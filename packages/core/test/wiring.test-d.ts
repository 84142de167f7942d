import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  choice,
  fail,
  type InputOf,
  lambda,
  type OutputOf,
  pass,
  type StepcraftTypeError,
  succeed,
  task,
  wait,
  workflow,
} from '../src/index.js';

const Order = z.object({ orderId: z.string(), amount: z.number() });
const Payment = z.object({ paymentId: z.string(), status: z.enum(['PAID', 'DECLINED']) });
type Order = z.infer<typeof Order>;
type Payment = z.infer<typeof Payment>;

const receive = task('ReceiveOrder', {
  resource: lambda.invoke('r'),
  input: Order,
  output: Order,
  resultSelector: lambda.payload,
});
const charge = task('ProcessPayment', { resource: lambda.invoke('p'), input: Payment });

describe('wiring', () => {
  test('accepts a state whose input accepts the previous output', () => {
    const chain = receive.next(task('Next', { resource: lambda.invoke('n'), input: Order }));
    expectTypeOf<InputOf<typeof chain>>().toEqualTypeOf<Order>();
  });

  test('rejects a state whose input does not accept the previous output, naming both states', () => {
    // @ts-expect-error ReceiveOrder outputs an Order, ProcessPayment wants a Payment
    receive.next(charge);
    expectTypeOf<Parameters<typeof receive.next<typeof charge>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Output of 'ReceiveOrder' lacks `paymentId` (string), `status` ('DECLINED' | 'PAID') required by the input of 'ProcessPayment'">
    >();
  });

  test('rejects the workflow input when the first state cannot accept it', () => {
    // @ts-expect-error the workflow takes Orders
    workflow('Orders', { input: Order }).start(charge);
    const start = workflow('Orders', { input: Order }).start;
    expectTypeOf<Parameters<typeof start<typeof charge>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Input of workflow 'Orders' lacks `paymentId` (string), `status` ('DECLINED' | 'PAID') required by the input of 'ProcessPayment'">
    >();
  });

  test('rejects anything after a terminal state', () => {
    // @ts-expect-error Done ends the branch
    succeed('Done').next(pass('After'));
    // @ts-expect-error a Choice ends the chain too
    choice('Route', { input: Order }).otherwise(succeed('X')).next(pass('After'));
  });

  test('pass-through states carry the previous output forward', () => {
    const chain = receive.next(wait('Pause', { seconds: 1 })).next(pass('Keep'));
    expectTypeOf<OutputOf<typeof chain>>().toEqualTypeOf<Order>();
    // @ts-expect-error still an Order after the Wait, not a Payment
    receive.next(wait('Pause', { seconds: 1 })).next(charge);
  });

  test('accepts a Fail after any state', () => {
    const chain = receive.next(fail('Stop', { error: 'E' }));
    expectTypeOf<InputOf<typeof chain>>().toEqualTypeOf<Order>();
  });

  test('a workflow output is its last state output', () => {
    const wf = workflow('Orders', { input: Order })
      .start(receive)
      .next(
        task('Charge', {
          resource: lambda.invoke('c'),
          input: Order,
          output: Payment,
          resultSelector: lambda.payload,
        }),
      );
    expectTypeOf<(typeof wf)['~types']['output']>().toEqualTypeOf<Payment>();
    expectTypeOf(wf.name).toEqualTypeOf<'Orders'>();
  });
});
