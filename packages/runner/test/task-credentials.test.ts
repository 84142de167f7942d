import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { run, type TaskHandlerContext } from '../src/index.js';

const task = (Resource: string, extra: Record<string, unknown> = {}, queryLanguage?: string): AslDocument =>
  ({
    ...(queryLanguage === undefined ? {} : { QueryLanguage: queryLanguage }),
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource, End: true, ...extra } },
  }) as AslDocument;
const SNS = 'arn:aws:states:::sns:publish';
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:Fn';
const ROLE = 'arn:aws:iam::111122223333:role/Cross';

describe('Task Credentials', () => {
  it('records a literal RoleArn in TaskScheduled and passes it to the handler', async () => {
    const seen: (TaskHandlerContext['credentials'] | undefined)[] = [];
    const result = await run(
      task(SNS, { Credentials: { RoleArn: ROLE } }),
      {},
      {
        handlers: { T: (_input, context) => seen.push(context.credentials) },
      },
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(seen).toEqual([{ roleArn: ROLE }]);
    const scheduled = result.history.find((e) => e.type === 'TaskScheduled');
    expect(scheduled?.taskScheduledEventDetails).toMatchObject({ taskCredentials: { roleArn: ROLE } });
  });

  it('evaluates RoleArn.$ as a path or an intrinsic over the state input (legacy Lambda events too)', async () => {
    const byPath = await run(
      task(LAMBDA, { Credentials: { 'RoleArn.$': '$.role' } }),
      { role: ROLE },
      {
        handlers: { T: () => 1 },
      },
    );
    const scheduled = byPath.history.find((e) => e.type === 'LambdaFunctionScheduled');
    expect(scheduled?.lambdaFunctionScheduledEventDetails).toMatchObject({
      taskCredentials: { roleArn: ROLE },
    });
    const byIntrinsic = await run(
      task(SNS, { Credentials: { 'RoleArn.$': "States.Format('arn:aws:iam::{}:role/R', $.account)" } }),
      { account: '444455556666' },
      { handlers: { T: (_input, context) => context.credentials?.roleArn ?? null } },
    );
    expect(byIntrinsic.output).toBe('arn:aws:iam::444455556666:role/R');
  });

  it('evaluates JSONata credentials', async () => {
    const definition = task(SNS, { Credentials: { RoleArn: '{% $states.input.role %}' } }, 'JSONata');
    const result = await run(
      definition,
      { role: ROLE },
      {
        handlers: { T: (_input, context) => context.credentials?.roleArn ?? null },
      },
    );
    expect(result.output).toBe(ROLE);
  });

  it('fails clearly when RoleArn is not a string', async () => {
    const result = await run(
      task(SNS, { Credentials: { 'RoleArn.$': '$.role' } }),
      { role: 7 },
      {
        handlers: { T: () => 1 },
      },
    );
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toContain(
      'The Credentials field of state \'T\' must give a string RoleArn, but was: {"RoleArn":7}',
    );
  });

  it('records no taskCredentials without Credentials', async () => {
    const result = await run(task(SNS), {}, { handlers: { T: () => 1 } });
    const scheduled = result.history.find((e) => e.type === 'TaskScheduled');
    expect(scheduled?.taskScheduledEventDetails).not.toHaveProperty('taskCredentials');
  });
});

describe('.sync tasks', () => {
  it('write TaskSubmitted with the handler answer before TaskSucceeded', async () => {
    const result = await run(
      task('arn:aws:states:::states:startExecution.sync:2'),
      {},
      {
        handlers: { T: () => ({ ExecutionArn: 'arn:child', StartDate: 1, Status: 'SUCCEEDED' }) },
      },
    );
    expect(result.output).toEqual({ ExecutionArn: 'arn:child', StartDate: 1, Status: 'SUCCEEDED' });
    const types = result.history.map((e) => e.type);
    expect(types).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    const submitted = result.history.find((e) => e.type === 'TaskSubmitted');
    expect(submitted?.taskSubmittedEventDetails).toMatchObject({
      resourceType: 'states',
      resource: 'startExecution.sync:2',
      // The start call's response (StartExecution's), not the final description.
      output: '{"ExecutionArn":"arn:child","StartDate":1}',
    });
  });

  it('write no TaskSubmitted when the job fails', async () => {
    const result = await run(
      task('arn:aws:states:::batch:submitJob.sync'),
      {},
      {
        handlers: {
          T: () => {
            throw new Error('job failed');
          },
        },
      },
    );
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'ExecutionFailed',
    ]);
  });
});
