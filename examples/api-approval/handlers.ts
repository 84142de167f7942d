import type { ApiGatewayInvokeResult, TaskHandlerContext } from '@stepcraft/core';
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
 * Stands in for the company's approvals API and the person behind it: the API files the request (202), and a
 * manager answers through the task token at once, approving up to 1,000. An amount of 0 is filed but never
 * answered (the timeout path); a negative amount makes the API answer 503, as an overloaded backend would.
 */
export async function fileApproval(
  request: { readonly RequestBody: ApprovalRequest },
  context: TaskHandlerContext,
): Promise<ApiGatewayInvokeResult<{ filed: string }>> {
  const { amount, expenseId, taskToken } = request.RequestBody;
  if (amount < 0) throw new StatesError('ApiGateway.503', '{"message":"Service Unavailable"}');
  if (amount > 0) {
    const decision: Decision = { approved: amount <= 1000, approver: 'manager@example.com' };
    context.sendTaskSuccess(taskToken, decision);
  }
  return { Headers: {}, ResponseBody: { filed: expenseId }, StatusCode: 202, StatusText: 'Accepted' };
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
