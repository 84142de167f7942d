import { apiGateway, choice, fail, lambda, placeholder, succeed, task, workflow } from '@stepcraft/core';
import { escalate, fileApproval, notifyRejected, pay } from './handlers.js';
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
  resource: apiGateway.invoke(placeholder('ApprovalsApi')).waitForTaskToken(),
  input: Expense,
  parameters: ({ input, context }) => ({
    Method: 'POST',
    Stage: 'prod',
    Path: 'approvals',
    AuthType: 'IAM_ROLE',
    RequestBody: {
      expenseId: input.expenseId,
      employee: input.employee,
      amount: input.amount,
      taskToken: context.Task.Token,
    },
  }),
  output: Decision,
  // An arrow, so its input is typed from `parameters` (a named function would be checked before them).
  handler: (request, context) => fileApproval(request, context),
  timeoutSeconds: 86_400,
  heartbeatSeconds: 3_600,
})
  .resultPath('$.decision')
  .retry({
    // The API itself failing (not a decision): try again, the task token stays the same.
    errors: ['ApiGateway.500', 'ApiGateway.502', 'ApiGateway.503', 'ApiGateway.504'],
    intervalSeconds: 5,
    maxAttempts: 3,
    backoffRate: 2,
  })
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

/**
 * Back-office approval: POST the expense and the task token to the company's approvals API (API Gateway, IAM auth)
 * and wait a day at most, with hourly heartbeats, for the back office to call SendTaskSuccess; pay or reject on the
 * decision, escalate when nobody answers.
 */
export const apiApproval = workflow('ApiApproval', {
  input: Expense,
  comment: 'Expense approval through the approvals API and a task token',
})
  .start(askApproval)
  .next(decide);
