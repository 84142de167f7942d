import { compile } from '@stepcraft/core';
import { StatesError, start } from '@stepcraft/runner';
import { run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { type Decision, Expense } from './schemas.js';
import { apiApproval, askApproval } from './workflow.js';

/** The approvals API's answer to the POST: the request is filed, the decision comes later through the token. */
const filed = { Headers: {}, ResponseBody: { filed: 'exp-1' }, StatusCode: 202, StatusText: 'Accepted' };

describe('api-approval', () => {
  checkExample(apiApproval, import.meta.url);
  const expense = Expense.parse(sampleInput(import.meta.url));

  test('an approved expense is paid', async () => {
    const result = await run(apiApproval, expense);
    expect(result).toSucceedWith(
      expect.objectContaining({
        decision: { approved: true, approver: 'manager@example.com' },
        payment: { paid: true },
      }),
    );
    expect(result).toHaveTakenBranch('Decide', 0);
  });

  test('a large expense is rejected', async () => {
    const result = await run(apiApproval, { ...expense, amount: 5000 });
    expect(result).toSucceedWith(
      expect.objectContaining({
        decision: expect.objectContaining({ approved: false }),
        notification: { notified: 'grace@example.com' },
      }),
    );
    expect(result).toHaveTakenBranch('Decide', 'Default');
  });

  test('an unanswered request times out after a day and is escalated', async () => {
    const result = await run(apiApproval, { ...expense, amount: 0 });
    expect(result).toFailWith('ApprovalTimedOut');
    expect(result).toHaveCaught('RequestApproval', 'States.Timeout');
    expect(result).toHaveVisited(['RequestApproval', 'Escalate', 'ApprovalTimedOut']);
  });

  test('an API that stays down (503) is retried three times, then the execution fails with its error', async () => {
    const result = await run(apiApproval, { ...expense, amount: -1 });
    expect(result).toFailWith('ApiGateway.503');
    expect(result).toHaveRetried(askApproval, 3);
    expect(result.view.visitsOf('RequestApproval')[0]?.retries.map((r) => r.delaySeconds)).toEqual([
      5, 10, 20,
    ]);
  });
});

describe('api-approval driven by a test, as the back office', () => {
  // Typed by the workflow: start() takes an Expense, result.output is the workflow's output.
  const workflow = compile(apiApproval);
  const expense: Expense = { expenseId: 'exp-1', employee: 'grace@example.com', amount: 420 };
  // The API only files the request: nobody decides until the test does.
  const handlers = { RequestApproval: () => filed };

  test('the back office approves: paid', async () => {
    const execution = start(workflow, expense, { handlers });
    const request = await execution.waitForTaskToken(askApproval);
    expectTypeOf(request.input).toEqualTypeOf<Expense>();
    expect(request.input).toEqual(expense);
    expect(request.parameters).toMatchObject({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder as emitted, bound at deploy time
      ApiEndpoint: '${ApprovalsApi}',
      Method: 'POST',
      Path: 'approvals',
      RequestBody: { expenseId: 'exp-1', amount: 420, taskToken: request.token },
    });
    // Three hours pass on the virtual clock, within the task's TimeoutSeconds; heartbeats keep it alive.
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

  test('the back office rejects: the employee is notified', async () => {
    const execution = start(workflow, { ...expense, amount: 90 }, { handlers });
    const { token } = await execution.waitForTaskToken(askApproval);
    // @ts-expect-error: the approval's result is a Decision, which needs an approver
    const incomplete = () => execution.sendTaskSuccess(token, { approved: false });
    expect(incomplete).toBeTypeOf('function');
    execution.sendTaskSuccess(token, { approved: false, approver: 'cfo@example.com' });
    const result = await execution.result;
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { decision: { approved: false }, notification: { notified: 'grace@example.com' } },
    });
    expect(result.history.some((e) => e.type === 'TaskSucceeded')).toBe(true);
  });

  test('no heartbeat within an hour: the task times out, caught and escalated', async () => {
    const execution = start(workflow, expense, { handlers });
    await execution.waitForTaskToken(askApproval);
    await execution.advance(3_600_000);
    const result = await execution.result;
    expect(result).toFailWith('ApprovalTimedOut');
    // AWS reports a heartbeat expiry as States.Timeout (the Catch lists States.HeartbeatTimeout too, as documented).
    expect(result).toHaveCaught('RequestApproval', 'States.Timeout');
    // An hour after the request was filed (the virtual clock starts at midnight).
    expect(result.history.find((e) => e.type === 'TaskTimedOut')).toMatchObject({
      timestamp: '2024-01-01T01:00:00.000Z',
      taskTimedOutEventDetails: { error: 'States.Timeout' },
    });
    expect(result).toHaveVisited(['RequestApproval', 'Escalate', 'ApprovalTimedOut']);
  });

  test('the API answering 503 is retried before the token is handed out', async () => {
    let calls = 0;
    const flaky = {
      RequestApproval: () => {
        calls++;
        if (calls === 1) throw new StatesError('ApiGateway.503', '{"message":"Service Unavailable"}');
        return filed;
      },
    };
    const execution = start(workflow, expense, { handlers: flaky });
    const { token } = await execution.waitForTaskToken(askApproval);
    execution.sendTaskSuccess(token, { approved: false, approver: 'cfo@example.com' });
    const result = await execution.result;
    expect(calls).toBe(2);
    expect(result).toHaveRetried(askApproval, 1);
    expect(result).toHaveVisited(['RequestApproval', 'Decide', 'NotifyRejected', 'Rejected']);
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
