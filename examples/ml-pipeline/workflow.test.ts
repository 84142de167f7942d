import { mock, run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { train } from './handlers.js';
import { Request } from './schemas.js';
import { mlPipeline, training } from './workflow.js';

describe('ml-pipeline', () => {
  const compiled = checkExample(mlPipeline, import.meta.url);
  const input = sampleInput(import.meta.url);

  test('trains, keeps a model with a good AUC, batch-scores with it and notifies', async () => {
    const published: unknown[] = [];
    const result = await run(compiled, input as never, {
      executionName: '2024-05',
      handlers: {
        'arn:aws:sns:us-east-1:123456789012:ml-pipeline': (message) => published.push(message) && {},
      },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({
      training: { job: 'churn-2024-05', auc: 0.93 },
      model: { arn: 'arn:aws:sagemaker:us-east-1:123456789012:model/churn-2024-05' },
      scoring: { status: 'Completed', output: 's3://ml-pipeline/scores/' },
    });
    expect(published).toEqual([
      { TopicArn: 'arn:aws:sns:us-east-1:123456789012:ml-pipeline', Message: 'Model churn: NotifyScored' },
    ]);
    const entered = result.history
      .filter((e) => e.type.endsWith('StateEntered'))
      .map((e) => e.stateEnteredEventDetails?.name);
    expect(entered).toEqual(['Train', 'GoodEnough', 'CreateModel', 'Score', 'NotifyScored', 'Done']);
  });

  test('a weak model is not used: the Choice on its AUC rejects it', async () => {
    const result = await run(compiled, { ...input, trainingData: 's3://ml-pipeline/data/noisy/' } as never, {
      handlers: { 'arn:aws:sns:us-east-1:123456789012:ml-pipeline': () => ({ MessageId: 'm-1' }) },
    });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('ModelRejected');
  });

  test('a failed training job is caught (States.TaskFailed, the job description as cause)', async () => {
    const result = await run(compiled, { ...input, trainingData: 's3://ml-pipeline/data/broken/' } as never, {
      handlers: { 'arn:aws:sns:us-east-1:123456789012:ml-pipeline': () => ({ MessageId: 'm-1' }) },
    });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('TrainingFailed');
    const caught = result.history.find(
      (e) => e.type === 'TaskStateEntered' && e.stateEnteredEventDetails?.name === 'NotifyTrainingFailed',
    );
    const error = JSON.parse(String(caught?.stateEnteredEventDetails?.input)).error;
    expect(error.Error).toBe('States.TaskFailed');
    expect(JSON.parse(error.Cause)).toMatchObject({ TrainingJobStatus: 'Failed' });
  });

  test('a mocked training job that was stopped fails the task with States.TaskFailed, caught', async () => {
    const stopped = mock(training).implements((request) => ({
      TrainingJobName: request.TrainingJobName,
      TrainingJobArn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${request.TrainingJobName}`,
      TrainingJobStatus: 'Stopped',
      SecondaryStatus: 'Stopped',
      FailureReason: 'Stopped by the user',
      ModelArtifacts: { S3ModelArtifacts: '' },
      AlgorithmSpecification: request.AlgorithmSpecification,
      ResourceConfig: request.ResourceConfig,
      StoppingCondition: request.StoppingCondition,
      CreationTime: 0,
    }));
    const topic = mock.sns('arn:aws:sns:us-east-1:123456789012:ml-pipeline').resolves({ MessageId: 'm-1' });
    const result = await run(mlPipeline, Request.parse(input), { mocks: [stopped, topic] });
    expect(result).toFailWith('TrainingFailed');
    expect(result).toHaveCaught(training, 'States.TaskFailed');
    expect(topic.calls.map((call) => call.input.Message)).toEqual(['Model churn: NotifyTrainingFailed']);
  });

  test('a SageMaker resource limit is retried a minute later', async () => {
    const limited = mock(training)
      .rejectsOnce('SageMaker.ResourceLimitExceededException', 'Too many training jobs')
      .implements((request) => train(request));
    const topic = mock.sns('arn:aws:sns:us-east-1:123456789012:ml-pipeline').resolves({ MessageId: 'm-1' });
    const result = await run(mlPipeline, Request.parse(input), { mocks: [limited, topic] });
    expect(result).toHaveRetried(training, 1);
    expect(result.view.visitsOf('Train')[0]?.retries.map((r) => r.delaySeconds)).toEqual([60]);
    expect(result.status).toBe('SUCCEEDED');
  });
});
