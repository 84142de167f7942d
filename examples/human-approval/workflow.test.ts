import { run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { Expense } from './schemas.js';
import { humanApproval } from './workflow.js';

describe('human-approval', () => {
  checkExample(humanApproval, import.meta.url);
  const expense = Expense.parse(sampleInput(import.meta.url));

  test('an approved expense is paid', async () => {
    const result = await run(humanApproval, expense);
    expect(result).toSucceedWith(
      expect.objectContaining({
        decision: expect.objectContaining({ approved: true }),
        payment: { paid: true },
      }),
    );
    expect(result).toHaveTakenBranch('Decide', 0);
  });

  test('a large expense is rejected', async () => {
    const result = await run(humanApproval, { ...expense, amount: 5000 });
    expect(result).toSucceedWith(
      expect.objectContaining({
        decision: expect.objectContaining({ approved: false }),
        notification: { notified: 'ada@example.com' },
      }),
    );
    expect(result).toHaveTakenBranch('Decide', 'Default');
  });

  test('an unanswered request times out and is escalated', async () => {
    const result = await run(humanApproval, { ...expense, amount: 0 });
    expect(result).toFailWith('ApprovalTimedOut');
    expect(result).toHaveCaught('RequestApproval', 'States.Timeout');
    expect(result).toHaveVisited(['RequestApproval', 'Escalate', 'ApprovalTimedOut']);
  });
});
