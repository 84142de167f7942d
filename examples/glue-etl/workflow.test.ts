import { mock, run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { Batch } from './schemas.js';
import { glueEtl, transform } from './workflow.js';

describe('glue-etl', () => {
  const compiled = checkExample(glueEtl, import.meta.url);

  test('runs a Glue job per partition and aggregates', async () => {
    const result = await run(compiled, sampleInput(import.meta.url) as never);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ batchId: 'b-7', partitions: 3, glueSeconds: 180 });
    const submitted = result.history.filter((e) => e.type === 'TaskSubmitted');
    expect(submitted).toHaveLength(3);
    expect(submitted[0]?.taskSubmittedEventDetails).toMatchObject({
      resourceType: 'glue',
      resource: 'startJobRun.sync',
    });
  });

  test('a failed job run fails the task with States.TaskFailed and the job run as cause, and the Map', async () => {
    const input = {
      batchId: 'b-8',
      source: 's',
      partitions: [{ day: '2024-05-01', prefix: 's3://landing/corrupt/' }],
    };
    const result = await run(compiled, input);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.TaskFailed');
    expect(JSON.parse(result.cause ?? '')).toMatchObject({
      JobRunState: 'FAILED',
      JobName: 'transform-partition',
    });
  });

  test('Glue throttling is retried with backoff', async () => {
    let calls = 0;
    const result = await run(compiled, sampleInput(import.meta.url) as never, {
      handlers: {
        TransformPartition: (request: { JobName: string }) => {
          calls++;
          if (calls === 1)
            throw Object.assign(new Error('Too many runs'), { name: 'Glue.ConcurrentRunsExceededException' });
          return { Id: `jr_${calls}`, JobName: request.JobName, JobRunState: 'SUCCEEDED', ExecutionTime: 10 };
        },
      },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(calls).toBe(4);
  });

  test('a mock answers the .sync task with the job run, typed as GetJobRun returns it', async () => {
    const jobRuns = mock(transform)
      .rejectsOnce('Glue.ConcurrentRunsExceededException', 'Too many runs')
      .implements((request) => ({
        Id: `jr_${request.Arguments?.['--day'] ?? ''}`,
        JobName: request.JobName,
        JobRunState: 'SUCCEEDED',
        ExecutionTime: 42,
      }));
    const result = await run(glueEtl, Batch.parse(sampleInput(import.meta.url)), { mocks: [jobRuns] });
    expect(result).toSucceedWith({ batchId: 'b-7', partitions: 3, glueSeconds: 126 });
    expect(result).toHaveRetried('TransformPartition', 1);
  });

  test('a mocked FAILED job run fails the task with States.TaskFailed', async () => {
    const failed = mock(transform).resolves({
      Id: 'jr_1',
      JobName: 'transform-partition',
      JobRunState: 'FAILED',
    });
    const result = await run(glueEtl, Batch.parse(sampleInput(import.meta.url)), { mocks: [failed] });
    expect(result).toFailWith('States.TaskFailed');
  });

  test('a job run stopped before it finished (STOPPED) fails the task like a failed one', async () => {
    const stopped = mock(transform).resolves({
      Id: 'jr_1',
      JobName: 'transform-partition',
      JobRunState: 'STOPPED',
    });
    const result = await run(glueEtl, Batch.parse(sampleInput(import.meta.url)), { mocks: [stopped] });
    expect(result).toFailWith('States.TaskFailed');
    expect(JSON.parse(result.cause ?? '')).toMatchObject({ JobRunState: 'STOPPED' });
  });
});
