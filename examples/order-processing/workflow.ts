import { fail, lambda, placeholder, sns, succeed, task, workflow } from '@stepcraft/core';
import { checkInventory, handleError, processPayment, receiveOrder, sendAlert } from './handlers.js';
import { Alert, CompletedOrder, FailedOrder, Inventory, Order, PaidOrder, Payment } from './schemas.js';

// Lambda's transient service errors, worth retrying with backoff.
const LAMBDA_TRANSIENT = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

const receive = task('ReceiveOrder', {
  resource: lambda.invoke(placeholder('ReceiveOrderFunction')),
  input: Order,
  output: Order,
  handler: receiveOrder,
  resultSelector: lambda.payload,
});

const alert = task('HandleError', {
  resource: lambda.invoke(placeholder('FormatAlertFunction')),
  input: FailedOrder,
  output: Alert,
  handler: handleError,
  resultSelector: lambda.payload,
})
  .next(
    task('SendAlert', {
      resource: sns.publish(placeholder('OrderAlertsTopic')),
      input: Alert,
      parameters: ({ input }) => ({ subject: input.subject, message: input.message }),
      handler: sendAlert,
    }),
  )
  .next(
    fail('OrderFailed', {
      error: 'OrderFailed',
      cause: 'The order could not be processed; an alert was sent',
    }),
  );

/** Charges the card; retried on Lambda's transient errors, alerting on any other failure. */
export const pay = task('ProcessPayment', {
  resource: lambda.invoke(placeholder('ProcessPaymentFunction')),
  input: Order,
  output: Payment,
  handler: processPayment,
  resultSelector: ({ result }) => ({ paymentId: result.Payload.paymentId, status: result.Payload.status }),
})
  .resultPath('$.payment')
  .retry({ errors: LAMBDA_TRANSIENT, intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 })
  .catch(['States.ALL'], alert, { resultPath: '$.error' });

/** Reserves the stock of a paid order. */
export const inventory = task('CheckInventory', {
  resource: lambda.invoke(placeholder('CheckInventoryFunction')),
  input: PaidOrder,
  output: Inventory,
  handler: checkInventory,
  resultSelector: ({ result }) => ({ reserved: result.Payload.reserved }),
}).resultPath('$.inventory');

/** Receive an order, charge it (alerting on failure), reserve the stock. */
export const orderProcessing = workflow('OrderProcessing', {
  input: Order,
  comment: 'Receive an order, charge it, reserve the stock',
  timeoutSeconds: 300,
})
  .start(receive)
  .next(pay)
  .next(inventory)
  // Declaring the final input gives the workflow an output schema (`OrderProcessing.output.schema.json`).
  .next(succeed('OrderCompleted', { input: CompletedOrder }));
