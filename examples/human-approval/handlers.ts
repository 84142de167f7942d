import type { TaskHandlerContext } from '@stepcraft/core';
import type { Decision, Expense, Reviewed, TimedOut } from './schemas.js';

/**
 * Stands in for the approver reading the SQS message: small expenses are approved at once through the task token;
 * an amount of 0 is never answered (to exercise the timeout path).
 */
export async function requestApproval(
  message: { QueueUrl: string; MessageBody: { expenseId: string; amount: number; taskToken: string } },
  context: TaskHandlerContext,
): Promise<undefined> {
  const { amount, taskToken } = message.MessageBody;
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
