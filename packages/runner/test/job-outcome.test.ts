import { describe, expect, test } from 'vitest';
import { jobOutcome, submittedResponse } from '../src/services/job-outcome.js';

describe('jobOutcome: how a .sync task ends, from its job description', () => {
  test.each([
    ['glue', 'startJobRun.sync', { JobRunState: 'SUCCEEDED' }, 'succeeded'],
    ['glue', 'startJobRun.sync', { JobRunState: 'STOPPED' }, 'failed'],
    ['glue', 'startJobRun.sync', { JobRunState: 'EXPIRED' }, 'failed'],
    ['glue', 'startJobRun.sync', { JobRunState: 'FAILED' }, 'failed'],
    ['glue', 'startJobRun.sync', { JobRunState: 'TIMEOUT' }, 'failed'],
    ['glue', 'startJobRun.sync', { JobRunState: 'ERROR' }, 'failed'],
    ['glue', 'startJobRun.sync', { Id: 'jr_1' }, 'succeeded'],
    ['batch', 'submitJob.sync', { Status: 'SUCCEEDED' }, 'succeeded'],
    ['batch', 'submitJob.sync', { Status: 'FAILED' }, 'failed'],
    ['sagemaker', 'createTrainingJob.sync', { TrainingJobStatus: 'Completed' }, 'succeeded'],
    ['sagemaker', 'createTrainingJob.sync', { TrainingJobStatus: 'Stopped' }, 'failed'],
    ['sagemaker', 'createTrainingJob.sync', { TrainingJobStatus: 'Failed' }, 'failed'],
    ['sagemaker', 'createTransformJob.sync', { TransformJobStatus: 'Completed' }, 'succeeded'],
    ['sagemaker', 'createTransformJob.sync', { TransformJobStatus: 'Failed' }, 'failed'],
    ['sagemaker', 'createTransformJob.sync', { TransformJobStatus: 'Stopped' }, 'failed'],
    ['sagemaker', 'createProcessingJob.sync', { ProcessingJobStatus: 'Stopped' }, 'failed'],
    ['codebuild', 'startBuild.sync', { Build: { BuildStatus: 'SUCCEEDED' } }, 'succeeded'],
    ['codebuild', 'startBuild.sync', { Build: { BuildStatus: 'FAILED' } }, 'failed'],
    ['codebuild', 'startBuild.sync', { Build: { BuildStatus: 'FAULT' } }, 'failed'],
    ['codebuild', 'startBuild.sync', { Build: { BuildStatus: 'STOPPED' } }, 'failed'],
    ['codebuild', 'startBuild.sync', { Build: { BuildStatus: 'TIMED_OUT' } }, 'failed'],
    ['codebuild', 'startBuildBatch.sync', { BuildBatch: { BuildBatchStatus: 'STOPPED' } }, 'failed'],
    ['codebuild', 'startBuildBatch.sync', { BuildBatch: { BuildBatchStatus: 'SUCCEEDED' } }, 'succeeded'],
    [
      'ecs',
      'runTask.sync',
      { StopCode: 'EssentialContainerExited', Containers: [{ ExitCode: 0 }] },
      'succeeded',
    ],
    [
      'ecs',
      'runTask.sync',
      { StopCode: 'EssentialContainerExited', Containers: [{ ExitCode: 2 }] },
      'failed',
    ],
    ['ecs', 'runTask.sync', { StopCode: 'TaskFailedToStart', Containers: [{}] }, 'failed'],
    ['states', 'startExecution.sync', { Status: 'SUCCEEDED' }, 'succeeded'],
    ['states', 'startExecution.sync', { Status: 'FAILED' }, 'failed'],
    ['states', 'startExecution.sync', { Status: 'ABORTED' }, 'failed'],
    ['states', 'startExecution.sync:2', { Status: 'TIMED_OUT' }, 'failed'],
    ['athena', 'startQueryExecution.sync', { Status: 'anything' }, 'succeeded'],
  ])('%s:%s %j → %s', (type, name, description, kind) => {
    expect(jobOutcome(type, name, description).kind).toBe(kind);
  });

  test('a stopped Glue run fails like a failed one: States.TaskFailed, the JobRun as cause', () => {
    expect(jobOutcome('glue', 'startJobRun.sync', { Id: 'jr_2', JobRunState: 'STOPPED' })).toEqual({
      kind: 'failed',
      error: 'States.TaskFailed',
      cause: '{"Id":"jr_2","JobRunState":"STOPPED"}',
    });
  });

  test('a failed job fails with States.TaskFailed, the description as cause', () => {
    expect(jobOutcome('glue', 'startJobRun.sync', { Id: 'jr_1', JobRunState: 'FAILED' })).toEqual({
      kind: 'failed',
      error: 'States.TaskFailed',
      cause: '{"Id":"jr_1","JobRunState":"FAILED"}',
    });
  });

  test('a child execution: .sync returns Input and Output as JSON text, .sync:2 parsed', () => {
    const child = { Status: 'SUCCEEDED', Input: { id: 1 }, Output: '{"ok":true}' };
    expect(jobOutcome('states', 'startExecution.sync', child)).toEqual({
      kind: 'succeeded',
      result: { Status: 'SUCCEEDED', Input: '{"id":1}', Output: '{"ok":true}' },
    });
    expect(jobOutcome('states', 'startExecution.sync:2', child)).toEqual({
      kind: 'succeeded',
      result: { Status: 'SUCCEEDED', Input: { id: 1 }, Output: { ok: true } },
    });
    const failed = jobOutcome('states', 'startExecution.sync:2', {
      Status: 'FAILED',
      Error: 'E',
      Input: '{}',
    });
    expect(failed).toEqual({
      kind: 'failed',
      error: 'States.TaskFailed',
      cause: '{"Status":"FAILED","Error":"E","Input":{}}',
    });
  });
});

describe('submittedResponse: what TaskSubmitted records for a .sync task', () => {
  test.each([
    ['glue', 'startJobRun.sync', { Id: 'jr_1', JobRunState: 'SUCCEEDED' }, { JobRunId: 'jr_1' }],
    [
      'batch',
      'submitJob.sync',
      { JobArn: 'arn:job', JobId: 'j-1', JobName: 'score', Status: 'SUCCEEDED' },
      { JobArn: 'arn:job', JobId: 'j-1', JobName: 'score' },
    ],
    [
      'sagemaker',
      'createTrainingJob.sync',
      { TrainingJobArn: 'arn:tj', TrainingJobStatus: 'Completed' },
      { TrainingJobArn: 'arn:tj' },
    ],
    [
      'states',
      'startExecution.sync:2',
      { ExecutionArn: 'arn:x', StartDate: 5, Status: 'SUCCEEDED', Output: {} },
      { ExecutionArn: 'arn:x', StartDate: 5 },
    ],
    ['ecs', 'runTask.sync', { LastStatus: 'STOPPED' }, { Tasks: [{ LastStatus: 'STOPPED' }], Failures: [] }],
    // A mock that leaves the ids out, and a service the table does not list.
    ['glue', 'startJobRun.sync', { JobRunState: 'SUCCEEDED' }, {}],
    ['codebuild', 'startBuild.sync', { Build: { Id: 'b' } }, { Build: { Id: 'b' } }],
  ])('%s:%s', (type, name, description, submitted) => {
    expect(submittedResponse(type, name, description)).toEqual(submitted);
  });
});
