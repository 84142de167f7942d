import type { TaskHandlerContext } from '@stepcraft/core';
import { StatesError } from '@stepcraft/runner';
import type { Decision, Expense, Reviewed, TimedOut } from './schemas.js';

/** The body `RequestApproval` POSTs to the approvals API. */
export interface ApprovalRequest {
  readonly expenseId: string;
  readonly employee: string;
  readonly amount: number;
  readonly taskToken: string;
}

/**
 * Stands in for the company's approvals API and the person behind it: the API files the request, and a manager
 * answers through the task token at once, approving up to 1,000. An amount of 0 is filed but never answered (the
 * timeout path); a negative amount makes the API answer 503, as an overloaded backend would. Nothing is returned:
 * with `.waitForTaskToken` the API's own response is discarded, the task's result is what the token brings back.
 */
export async function fileApproval(
  request: { readonly RequestBody: ApprovalRequest },
  context: TaskHandlerContext,
): Promise<undefined> {
  const { amount, taskToken } = request.RequestBody;
  if (amount < 0) throw new StatesError('ApiGateway.503', '{"message":"Service Unavailable"}');
  if (amount === 0) return undefined;
  const decision: Decision = { approved: amount <= 1000, approver: 'manager@example.com' };
  context.sendTaskSuccess(taskToken, decision);
  return undefined;
}

/** Records the payout. */
export async function pay(expense: Reviewed): Promise<{ paid: boolean }> {
  return { paid: expense.decision.approved };
}

/** Tells the employee the expense was rejected. */
export async function notifyRejected(expense: Reviewed): Promise<{ notified: string }> {
  return { notified: expense.employee };
}

/** Escalates an expense nobody answered. */
export async function escalate(expense: TimedOut | Expense): Promise<{ escalated: string }> {
  return { escalated: expense.expenseId };
}
