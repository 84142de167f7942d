import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { run, start } from '../src/index.js';

/** A one-state machine calling `resource` with the task token in its parameters. */
const callback = (resource: string): AslDocument => ({
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: resource,
      Parameters: { FunctionName: 'notify', QueueUrl: 'q', 'Token.$': '$$.Task.Token' },
      ResultPath: '$.answer',
      End: true,
    },
  },
});

describe('callback tasks: the result is exactly what SendTaskSuccess sent', () => {
  it.each([
    'arn:aws:states:::lambda:invoke.waitForTaskToken',
    'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    'arn:aws:states:::sns:publish.waitForTaskToken',
    'arn:aws:states:::apigateway:invoke.waitForTaskToken',
    'arn:aws:states:::ecs:runTask.waitForTaskToken',
    'arn:aws:states:::events:putEvents.waitForTaskToken',
    'arn:aws:states:::aws-sdk:sqs:sendMessage.waitForTaskToken',
  ])('%s', async (resource) => {
    const result = await run(
      callback(resource),
      { n: 1 },
      {
        handlers: {
          // The handler is the service call: its value is the service's response (TaskSubmitted), not the result.
          Ask: (input, context) => {
            context.sendTaskSuccess(context.taskToken ?? '', { approved: true, of: input });
            return { MessageId: 'm-1' };
          },
        },
      },
    );
    expect(result.status).toBe('SUCCEEDED');
    const { answer } = result.output as { answer: { approved: boolean } };
    expect(answer).toEqual({
      approved: true,
      of: resource.includes(':lambda:')
        ? {}
        : { FunctionName: 'notify', QueueUrl: 'q', Token: expect.any(String) },
    });
    const submitted = result.history.find((e) => e.type === 'TaskSubmitted');
    const response = JSON.parse(submitted?.taskSubmittedEventDetails?.output as string);
    if (resource.includes(':lambda:'))
      expect(response).toMatchObject({ Payload: { MessageId: 'm-1' }, StatusCode: 200 });
    else expect(response).toEqual({ MessageId: 'm-1' });
  });

  it('an activity: its handler is the worker, and a token answered while it works ends the task', async () => {
    const activity = callback('arn:aws:states:us-east-1:123456789012:activity:review');
    const result = await run(
      activity,
      {},
      {
        handlers: {
          Ask: async (_input, context) => {
            context.sendTaskSuccess(context.taskToken ?? '', 'from the token');
            await context.sleep(10);
            return 'from the worker (ignored: the task is over)';
          },
        },
      },
    );
    expect(result.output).toEqual({ answer: 'from the token' });
  });

  it('SendTaskFailure gives the task its error and cause, caught like any task error', async () => {
    const execution = start(
      {
        StartAt: 'Ask',
        States: {
          Ask: {
            ...(callback('arn:aws:states:::sqs:sendMessage.waitForTaskToken').States.Ask as object),
            Catch: [{ ErrorEquals: ['Rejected'], ResultPath: '$.error', Next: 'Rejected' }],
          } as never,
          Rejected: { Type: 'Pass', End: true },
        },
      },
      { n: 2 },
    );
    const { token } = await execution.waitForTaskToken('Ask');
    execution.sendTaskFailure(token, 'Rejected', 'over budget');
    expect((await execution.result).output).toEqual({
      n: 2,
      error: { Error: 'Rejected', Cause: 'over budget' },
    });
  });

  it("AWS's human-in-the-loop sample takes the approval branch with what the approver sent", async () => {
    const file = path.resolve(
      import.meta.dirname,
      '../../../../shared/corpus/real-world/step-functions-workflows-collection__human-in-the-loop__statemachine__statemachine.asl.json',
    );
    const definition = JSON.parse(readFileSync(file, 'utf8')) as AslDocument;
    const branches: string[] = [];
    const process = (input: unknown) => {
      branches.push((input as { result: string }).result);
      return { done: true };
    };
    const execution = start(
      definition,
      { request: 'r-1' },
      {
        handlers: {
          'Notify Approver': () => ({ emailed: true }),
          'Handle approval': process,
          'Handle rejection': process,
          'Handle failure': process,
        },
      },
    );
    const { token, parameters } = await execution.waitForTaskToken('Notify Approver');
    // What the function receives: the Payload.
    expect(parameters).toMatchObject({ taskToken: token, input: { request: 'r-1' } });
    execution.sendTaskSuccess(token, { result: true });
    const result = await execution.result;
    expect(result.status).toBe('SUCCEEDED');
    expect(branches).toEqual(['approved']);
  });
});
