import { awsSdk, choice, fail, lambda, sqs, succeed, task, wait, workflow } from '@stepcraft/core';
import { z } from 'zod';

export const Order = z.object({ orderId: z.string(), amount: z.number() });
export const Payment = z.object({ paymentId: z.string(), status: z.enum(['PAID', 'DECLINED']) });

/** A Lambda task whose declared result is `Payment` (the function's return value, before the envelope). */
export const pay = task('ProcessPayment', {
  resource: lambda.invoke('process-payment'),
  input: Order,
  output: Payment,
  resultSelector: ({ result }) => ({ paymentId: result.Payload.paymentId, status: result.Payload.status }),
})
  .resultPath('$.payment')
  .retry({ errors: ['Lambda.TooManyRequestsException'], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 });

const alert = task('SendAlert', {
  resource: sqs.sendMessage('https://sqs.us-east-1.amazonaws.com/123456789012/alerts'),
  parameters: ({ input }) => ({ orderId: input.orderId }),
  input: z.object({ orderId: z.string() }),
}).next(fail('OrderFailed', { error: 'OrderFailed', cause: 'Payment failed' }));

export const archive = task('Archive', {
  resource: awsSdk('s3', 'putObject'),
  parameters: ({ input }) => ({ Bucket: 'orders', Key: input.orderId }),
  input: z.object({ orderId: z.string() }),
}).resultPath(null);

const route = choice('Route', {
  input: Order.extend({ payment: Payment }),
})
  .when(({ input }) => input.payment.status.stringEquals('PAID'), archive.next(succeed('Done')))
  .when(
    ({ input }) => input.amount.numericGreaterThan(1000),
    wait('Cool', { seconds: 30 }).next(succeed('Later')),
  )
  .otherwise(fail('Declined', { error: 'Declined', cause: 'The card was declined' }));

/** Pay (retrying throttles, alerting on failure), then route on the payment status. */
export const checkout = workflow('Checkout', { input: Order })
  .start(pay.catch(['States.ALL'], alert, { resultPath: '$.error' }))
  .next(route);

export const order = { orderId: 'o-1', amount: 40 };

export const Expense = z.object({ expenseId: z.string(), amount: z.number() });
export const Decision = z.object({ approved: z.boolean(), approver: z.string() });

/** A callback task: it sends the token over SQS and waits for SendTaskSuccess with a Decision. */
export const ask = task('AskApproval', {
  resource: sqs.sendMessage('https://sqs.us-east-1.amazonaws.com/123456789012/approvals').waitForTaskToken(),
  input: Expense,
  parameters: ({ input, context }) => ({ expenseId: input.expenseId, token: context.Task.Token }),
  output: Decision,
  timeoutSeconds: 3600,
}).resultPath('$.decision');

/** Ask a human, then route on the decision. */
export const approval = workflow('Approval', { input: Expense })
  .start(ask)
  .next(
    choice('Decide', { input: Expense.extend({ decision: Decision }) })
      .when(({ input }) => input.decision.approved.booleanEquals(true), succeed('Approved'))
      .otherwise(fail('Rejected', { error: 'Rejected', cause: 'The expense was rejected' })),
  );
