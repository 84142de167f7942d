import { glue, lambda, map, task, workflow } from '@stepcraft/core';
import { aggregate, transformPartition } from './handlers.js';
import { Batch, Loaded, Summary } from './schemas.js';

// One Glue job run per partition; `.sync` waits for it to finish and returns the job run.
export const transform = task('TransformPartition', {
  resource: glue.startJobRun('transform-partition').sync(),
  input: Batch.shape.partitions.element.extend({ batchId: Batch.shape.batchId }),
  parameters: ({ input }) => ({
    Arguments: { '--batch': input.batchId, '--day': input.day, '--prefix': input.prefix },
    WorkerType: 'G.1X',
    NumberOfWorkers: 2,
  }),
  // An arrow, so its input is typed from `parameters` (a named function would be checked before them).
  handler: (request) => transformPartition(request),
  resultSelector: ({ result }) => ({
    runId: result.Id,
    state: result.JobRunState,
    seconds: result.ExecutionTime,
  }),
})
  .resultPath('$.run')
  .retry({
    // Glue refuses a run while too many are going: wait and try again.
    errors: ['Glue.ConcurrentRunsExceededException'],
    intervalSeconds: 30,
    maxAttempts: 5,
    backoffRate: 2,
    jitterStrategy: 'FULL',
  });

const transformAll = map('TransformPartitions', {
  input: Batch,
  itemsPath: '$.partitions',
  itemSelector: ({ input, context }) => ({
    batchId: input.batchId,
    day: context.Map.Item.Value.day,
    prefix: context.Map.Item.Value.prefix,
  }),
  processor: transform,
  maxConcurrency: 4,
}).resultPath('$.runs');

const summarize = task('Aggregate', {
  resource: lambda.invoke('aggregate'),
  input: Loaded,
  output: Summary,
  handler: aggregate,
  resultSelector: lambda.payload,
});

/** Load a batch: a Glue job run per day partition (4 at a time, each awaited with `.sync`), then sum up. */
export const glueEtl = workflow('GlueEtl', {
  input: Batch,
  comment: 'Run a Glue job per partition of a batch, then aggregate',
})
  .start(transformAll)
  .next(summarize);
