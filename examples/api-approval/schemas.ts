import { z } from 'zod';

export const Expense = z.object({ expenseId: z.string(), employee: z.string(), amount: z.number() });
export type Expense = z.infer<typeof Expense>;

/** What the back office sends back with SendTaskSuccess once someone decided. */
export const Decision = z.object({ approved: z.boolean(), approver: z.string() });
export type Decision = z.infer<typeof Decision>;

export const Reviewed = Expense.extend({ decision: Decision });
export type Reviewed = z.infer<typeof Reviewed>;

/** The expense with the task's Error Output, when nobody answered in time. */
export const TimedOut = Expense.extend({ error: z.object({ Error: z.string(), Cause: z.string() }) });
export type TimedOut = z.infer<typeof TimedOut>;

export const Payout = z.object({ paid: z.boolean() });
export const Notice = z.object({ notified: z.string() });
