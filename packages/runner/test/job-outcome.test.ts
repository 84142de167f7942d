import { describe, expect, test } from 'vitest';
import { jobOutcome } from '../src/services/job-outcome.js';

describe('jobOutcome: how a .sync task ends, from its job description', () => {
  test.each([
    ['glue', 'startJobRun.sync', { JobRunState: 'SUCCEEDED' }, 'succeeded'],
    ['glue', 'startJobRun.sync', { JobRunState: 'STOPPED' }, 'succeeded'],
    ['glue', 'startJobRun.sync', { JobRunState: 'FAILED' }, 'failed'],
    ['glue', 'startJobRun.sync', { JobRunState: 'TIMEOUT' }, 'failed'],
    ['glue', 'startJobRun.sync', { JobRunState: 'ERROR' }, 'failed'],
    ['batch', 'submitJob.sync', { Status: 'SUCCEEDED' }, 'succeeded'],
    ['batch', 'submitJob.sync', { Status: 'FAILED' }, 'failed'],
    ['sagemaker', 'createTrainingJob.sync', { TrainingJobStatus: 'Completed' }, 'succeeded'],
    ['sagemaker', 'createTrainingJob.sync', { TrainingJobStatus: 'Stopped' }, 'failed'],
    ['sagemaker', 'createTransformJob.sync', { TransformJobStatus: 'Failed' }, 'failed'],
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
    ['states', 'startExecution.sync:2', { Status: 'TIMED_OUT' }, 'failed'],
    ['athena', 'startQueryExecution.sync', { Status: 'anything' }, 'succeeded'],
  ])('%s:%s %j → %s', (type, name, description, kind) => {
    expect(jobOutcome(type, name, description).kind).toBe(kind);
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
