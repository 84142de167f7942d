import { describe, expect, test } from 'vitest';
import { mock, start } from '../src/index.js';
import '../src/vitest/index.js';
import { approval, ask } from './fixtures.js';

const sqs = mock.sqs('https://sqs.us-east-1.amazonaws.com/123456789012/approvals').resolves({
  MD5OfMessageBody: 'm',
  MessageId: 'sent',
});

describe('a test driving an execution through its handle', () => {
  test('waits for the callback task, answers its token, and reads the result as a test execution', async () => {
    const execution = start(approval, { expenseId: 'e-1', amount: 420 }, { mocks: [sqs] });
    const { token, input, parameters } = await execution.waitForTaskToken(ask);
    expect(input).toEqual({ expenseId: 'e-1', amount: 420 });
    expect(parameters).toMatchObject({ MessageBody: { expenseId: 'e-1', token } });
    execution.sendTaskSuccess(token, { approved: true, approver: 'ada' });
    const result = await execution.result;
    expect(result).toSucceedWith({
      expenseId: 'e-1',
      amount: 420,
      decision: { approved: true, approver: 'ada' },
    });
    expect(result).toHaveTakenBranch('Decide', 0);
    expect(sqs.calls).toHaveLength(1);
  });

  test('a token never answered times out on the virtual clock', async () => {
    const execution = start(approval, { expenseId: 'e-2', amount: 1 }, { mocks: [sqs] });
    await execution.waitForTaskToken(ask);
    const result = await execution.result;
    expect(result).toFailWith('States.Timeout');
    expect(result.view.visitsOf('AskApproval')[0]?.attempts[0]?.outcome).toBe('timed-out');
  });

  test('a callback task can be mocked: the mock answers the token', async () => {
    const result = await start(
      approval,
      { expenseId: 'e-3', amount: 9000 },
      {
        mocks: [mock(ask).resolves({ approved: false, approver: 'bob' })],
      },
    ).result;
    expect(result).toFailWith('Rejected', 'The expense was rejected');
    expect(result).toHaveTakenBranch('Decide', 'Default');
  });

  test('time stands still until the test awaits', async () => {
    const execution = start(approval, { expenseId: 'e-4', amount: 1 }, { mocks: [sqs] });
    const before = execution.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(execution.now().getTime()).toBe(before);
    const { token } = await execution.waitForTaskToken(ask);
    execution.sendTaskFailure(token, 'Approver.Away', 'on leave');
    expect(await execution.result).toFailWith('Approver.Away', 'on leave');
  });
});
