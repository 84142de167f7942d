import { compile, fail, States, sns, stepFunctions, succeed, task, workflow } from '@stepcraft/core';
import { type ChildRun, childExecution } from '@stepcraft/runner';
import { fulfilment } from './child.js';
import { FailedOrder, Fulfilled, Order } from './schemas.js';

const FULFILMENT = 'arn:aws:states:us-east-1:123456789012:stateMachine:Fulfilment';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:orders';

const failed = task('NotifyFailure', {
  resource: sns.publish(TOPIC),
  input: FailedOrder,
  parameters: ({ input }) => States.format('Order {} could not be fulfilled', input.orderId),
  handler: () => ({ MessageId: 'local' }),
})
  .resultPath(null)
  .next(
    fail('FulfilmentFailed', { error: 'FulfilmentFailed', cause: 'The Fulfilment child execution failed' }),
  );

/** The child executions run locally, each with its own history (read by the tests). */
export const childRuns: ChildRun[] = [];

// Locally, the child runs as an execution of its own, started at the parent's time; the parent waits for it.
const startFulfilment = childExecution(compile(fulfilment), { onRun: (run) => childRuns.push(run) });

// Runs the child and waits (.sync:2): the result is the child's DescribeExecution, its Output parsed and typed
// as the child workflow's output; Input is checked against the child's input.
export const fulfil = task('Fulfil', {
  resource: stepFunctions.startExecution(FULFILMENT, fulfilment).sync2(),
  input: Order,
  parameters: ({ input, context }) => ({
    Input: {
      orderId: input.orderId,
      lines: input.lines,
      AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: context.Execution.Id,
    },
    Name: States.format('{}-fulfilment', input.orderId),
  }),
  // An arrow, so its input is typed from `parameters` (a named function would be checked before them).
  handler: (request, context) => startFulfilment(request, context),
  resultSelector: ({ result }) => ({ trackingId: result.Output.trackingId, execution: result.ExecutionArn }),
})
  .resultPath('$.fulfilment')
  .catch(['States.TaskFailed'], failed, { resultPath: '$.error' });

const confirm = task('ConfirmOrder', {
  resource: sns.publish(TOPIC),
  input: Fulfilled,
  parameters: ({ input }) => ({ to: input.customerEmail, trackingId: input.fulfilment.trackingId }),
  handler: () => ({ MessageId: 'local' }),
}).resultPath(null);

/** The parent: fulfil the order in a child execution (startExecution.sync:2), then confirm it to the customer. */
export const orderWithFulfilment = workflow('OrderWithFulfilment', {
  input: Order,
  comment: 'Fulfil an order in a child workflow, then confirm it',
})
  .start(fulfil)
  .next(confirm)
  .next(succeed('Confirmed'));
