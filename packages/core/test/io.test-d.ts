import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  type LambdaInvokeResult,
  lambda,
  type OutputOf,
  pass,
  type SqsSendMessageResult,
  type StepcraftTypeError,
  sqs,
  task,
} from '../src/index.js';

const Order = z.object({
  orderId: z.string(),
  amount: z.number(),
  customer: z.object({ id: z.string(), tier: z.string() }),
});
const Payment = z.object({ paymentId: z.string() });
type Order = z.infer<typeof Order>;
type Payment = z.infer<typeof Payment>;

const charge = task('Charge', { resource: lambda.invoke('c'), input: Order, output: Payment });

describe('I/O types', () => {
  test('lambda:invoke results come in the Invoke envelope', () => {
    expectTypeOf<OutputOf<typeof charge>>().toEqualTypeOf<LambdaInvokeResult<Payment>>();
  });

  test('a plain function ARN returns the bare result', () => {
    const t = task('Fn', {
      resource: lambda.function('arn:aws:lambda:us-east-1:1:function:f'),
      input: Order,
      output: Payment,
    });
    expectTypeOf<OutputOf<typeof t>>().toEqualTypeOf<Payment>();
  });

  test('lambda.payload unwraps the envelope', () => {
    const t = task('Charge', {
      resource: lambda.invoke('c'),
      input: Order,
      output: Payment,
      resultSelector: lambda.payload,
    });
    expectTypeOf<OutputOf<typeof t>>().toEqualTypeOf<Payment>();
  });

  test('ResultPath merges the result into the raw input', () => {
    const t = task('Charge', {
      resource: lambda.invoke('c'),
      input: Order,
      output: Payment,
      resultSelector: ({ result }) => ({ paymentId: result.Payload.paymentId }),
    }).resultPath('$.payment');
    expectTypeOf<OutputOf<typeof t>>().toEqualTypeOf<
      Order & { payment: Payment } extends infer O ? { [K in keyof O]: O[K] } : never
    >();
  });

  test('ResultPath into an existing nested object replaces that field', () => {
    const t = pass('Tier', { input: Order, result: 'gold' }).resultPath('$.customer.tier');
    expectTypeOf<OutputOf<typeof t>['customer']>().toEqualTypeOf<{ id: string } & { tier: 'gold' }>();
  });

  test('ResultPath null keeps the input; OutputPath selects', () => {
    const keep = charge.resultPath(null);
    expectTypeOf<OutputOf<typeof keep>>().toEqualTypeOf<Order>();
    const selected = charge.outputPath('$.Payload.paymentId');
    expectTypeOf<OutputOf<typeof selected>>().toEqualTypeOf<string>();
  });

  test('InputPath and Parameters decide what the handler receives', () => {
    task('Tier', {
      resource: lambda.invoke('t'),
      input: Order,
      inputPath: '$.customer',
      parameters: ({ input, context }) => ({ tier: input.tier, execution: context.Execution.Id }),
      handler: (received) => {
        expectTypeOf(received).toEqualTypeOf<{ tier: string; execution: string }>();
        return null;
      },
    });
  });

  test('service results are typed per integration', () => {
    const t = task('Send', { resource: sqs.sendMessage('q'), input: Order });
    expectTypeOf<OutputOf<typeof t>>().toEqualTypeOf<SqsSendMessageResult>();
  });

  test('rejects a path into a field that does not exist', () => {
    // @ts-expect-error there is no $.customer.name
    charge.resultPath(null).outputPath('$.customer.name');
    const kept = charge.resultPath(null);
    expectTypeOf<Parameters<typeof kept.outputPath<'$.customer.name'>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Path '$.customer.name' does not exist in the output of 'Charge'">
    >();
    // @ts-expect-error InputPath too
    task('T', { resource: lambda.invoke('t'), input: Order, inputPath: '$.missing' });
  });

  test('rejects ResultPath into the Context Object and ResultPath after OutputPath', () => {
    // @ts-expect-error ResultPath cannot start with $$
    charge.resultPath('$$.Execution.Id');
    // @ts-expect-error AWS applies ResultPath before OutputPath
    charge.outputPath('$.Payload').resultPath('$.x');
  });
});

describe('bare ResultSelector', () => {
  test('rejects ResultPath after a ResultSelector returning a bare value', () => {
    const unwrapped = task('Charge', {
      resource: lambda.invoke('c'),
      input: Order,
      output: Payment,
      resultSelector: lambda.payload,
    });
    // @ts-expect-error ASL cannot merge a bare value: it is emitted as OutputPath
    unwrapped.resultPath('$.payment');
    expectTypeOf<Parameters<typeof unwrapped.resultPath<'$.payment'>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"The ResultSelector of 'Charge' returns a bare value, which ASL can only output whole: select fields, ({ result }) => ({ id: result.Payload.id }), to use resultPath()">
    >();
  });
});
