import { lambda, map, placeholder, task, workflow } from '@stepcraft/core';
import { aggregate, transformRecord } from './handlers.js';
import { Batch, Extracted, RecordJob, Summary, Transformed } from './schemas.js';

/** Normalises one record (retried on Lambda hiccups). */
export const transform = task('TransformRecord', {
  resource: lambda.invoke(placeholder('TransformRecordFunction')),
  input: RecordJob,
  output: Transformed,
  handler: transformRecord,
  resultSelector: lambda.payload,
}).retry({
  errors: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException'],
  intervalSeconds: 1,
  maxAttempts: 4,
  backoffRate: 2,
  jitterStrategy: 'FULL',
});

const transformAll = map('TransformRecords', {
  input: Batch,
  itemsPath: '$.records',
  itemSelector: ({ input, context }) => ({
    batchId: input.batchId,
    index: context.Map.Item.Index,
    id: context.Map.Item.Value.id,
    value: context.Map.Item.Value.value,
  }),
  processor: transform,
  maxConcurrency: 10,
}).resultPath('$.transformed');

const summarize = task('Aggregate', {
  resource: lambda.invoke(placeholder('AggregateFunction')),
  input: Extracted,
  output: Summary,
  handler: aggregate,
  resultSelector: lambda.payload,
});

/** Transform every record of a batch (10 at a time, retrying Lambda hiccups), then aggregate. */
export const etlPipeline = workflow('EtlPipeline', {
  input: Batch,
  comment: 'Transform a batch of records, then aggregate',
})
  .start(transformAll)
  .next(summarize);
