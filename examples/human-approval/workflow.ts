import { choice, fail, lambda, placeholder, sqs, succeed, task, workflow } from '@stepcraft/core';
import { escalate, notifyRejected, pay, requestApproval } from './handlers.js';
import { Decision, Expense, Notice, Payout, Reviewed, TimedOut } from './schemas.js';

const escalation = task('Escalate', {
  resource: lambda.invoke(placeholder('EscalateFunction')),
  input: TimedOut,
  handler: escalate,
})
  .resultPath(null)
  .next(
    fail('ApprovalTimedOut', {
      error: 'ApprovalTimedOut',
      cause: 'Nobody answered the approval request in time',
    }),
  );

export const askApproval = task('RequestApproval', {
  resource: sqs.sendMessage(placeholder('ApprovalQueue')).waitForTaskToken(),
  input: Expense,
  parameters: ({ input, context }) => ({
    expenseId: input.expenseId,
    amount: input.amount,
    taskToken: context.Task.Token,
  }),
  output: Decision,
  // An arrow, so its input is typed from `parameters` (a named function would be checked before them).
  handler: (message, context) => requestApproval(message, context),
  timeoutSeconds: 86_400,
  heartbeatSeconds: 3_600,
})
  .resultPath('$.decision')
  .catch(['States.Timeout', 'States.HeartbeatTimeout'], escalation, { resultPath: '$.error' });

const payout = task('Pay', {
  resource: lambda.invoke(placeholder('PayFunction')),
  input: Reviewed,
  output: Payout,
  handler: pay,
  resultSelector: ({ result }) => ({ paid: result.Payload.paid }),
})
  .resultPath('$.payment')
  .next(succeed('Paid'));

const rejected = task('NotifyRejected', {
  resource: lambda.invoke(placeholder('NotifyRejectedFunction')),
  input: Reviewed,
  output: Notice,
  handler: notifyRejected,
  resultSelector: ({ result }) => ({ notified: result.Payload.notified }),
})
  .resultPath('$.notification')
  .next(succeed('Rejected'));

const decide = choice('Decide', { input: Reviewed })
  .when(({ input }) => input.decision.approved.booleanEquals(true), payout)
  .otherwise(rejected);

/** Ask a human through SQS and wait (a day at most, hourly heartbeats); pay or reject on the answer. */
export const humanApproval = workflow('HumanApproval', {
  input: Expense,
  comment: 'Expense approval by a human',
})
  .start(askApproval)
  .next(decide);
