import { compile } from '@stepcraft/core';
import { start } from '@stepcraft/runner';
import { run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { type Decision, Expense } from './schemas.js';
import { askApproval, humanApproval } from './workflow.js';

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

describe('human-approval driven by a test, as the approver', () => {
  // Typed by the workflow: start() takes an Expense, result.output is the workflow's output.
  const workflow = compile(humanApproval);
  const expense: Expense = { expenseId: 'exp-1', employee: 'ada@example.com', amount: 420 };
  // The SQS call only sends the message: nobody answers until the test does.
  const handlers = { RequestApproval: () => ({ MessageId: 'm-1' }) };

  test('the approver approves: paid', async () => {
    const execution = start(workflow, expense, { handlers });
    const request = await execution.waitForTaskToken(askApproval);
    expectTypeOf(request.input).toEqualTypeOf<Expense>();
    expect(request.input).toEqual(expense);
    expect(request.parameters).toMatchObject({
      MessageBody: { expenseId: 'exp-1', taskToken: request.token },
    });
    // A day passes on the virtual clock, within the task's TimeoutSeconds; heartbeats keep it alive.
    for (let hour = 0; hour < 3; hour++) {
      await execution.advance(3_000_000);
      execution.sendTaskHeartbeat(request.token);
    }
    expectTypeOf(execution.sendTaskSuccess<typeof request.token>)
      .parameter(1)
      .toEqualTypeOf<Decision>();
    execution.sendTaskSuccess(request.token, { approved: true, approver: 'cfo@example.com' });
    const result = await execution.result;
    expect(result.status).toBe('SUCCEEDED');
    if (result.status !== 'SUCCEEDED') return;
    expectTypeOf(result.output.decision).toEqualTypeOf<Decision>();
    expect(result.output).toEqual({
      ...expense,
      decision: { approved: true, approver: 'cfo@example.com' },
      payment: { paid: true },
    });
    expect(result.stats.durationMs).toBe(9_000_000);
  });

  test('the approver rejects: the employee is notified', async () => {
    const execution = start(workflow, { ...expense, amount: 90 }, { handlers });
    const { token } = await execution.waitForTaskToken(askApproval);
    // @ts-expect-error: the approval's result is a Decision, which needs an approver
    const incomplete = () => execution.sendTaskSuccess(token, { approved: false });
    expect(incomplete).toBeTypeOf('function');
    execution.sendTaskSuccess(token, { approved: false, approver: 'cfo@example.com' });
    const result = await execution.result;
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { decision: { approved: false }, notification: { notified: 'ada@example.com' } },
    });
  });

  test('the input is typed by the workflow', () => {
    expectTypeOf(start<typeof workflow>)
      .parameter(1)
      .toEqualTypeOf<Expense | undefined>();
    // @ts-expect-error: an Expense needs an employee
    const bad = () => start(workflow, { expenseId: 'e', amount: 1 });
    expect(bad).toBeTypeOf('function');
  });
});
