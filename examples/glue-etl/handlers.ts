import type { GlueJobRun } from '@stepcraft/core';
import type { Loaded, Summary } from './schemas.js';

/** The Glue job's arguments, as StartJobRun receives them. */
export interface TransformRequest {
  readonly JobName: string;
  readonly Arguments: { readonly '--batch': string; readonly '--day': string; readonly '--prefix': string };
}

/**
 * Stands in for the Glue job when run locally: answers with the finished job run, as `.sync` waits for it. A
 * partition whose prefix contains `corrupt` ends `FAILED`, which fails the task with `States.TaskFailed` (the job
 * run as cause), as on AWS.
 */
export async function transformPartition(request: TransformRequest): Promise<GlueJobRun> {
  const prefix = request.Arguments['--prefix'];
  const failed = prefix.includes('corrupt');
  return {
    Id: `jr_${request.Arguments['--batch']}_${request.Arguments['--day']}`,
    JobName: request.JobName,
    JobRunState: failed ? 'FAILED' : 'SUCCEEDED',
    ExecutionTime: 60,
    ...(failed ? { ErrorMessage: `Cannot parse ${prefix}` } : {}),
  };
}

/** Sums the batch's Glue runs up. */
export async function aggregate(batch: Loaded): Promise<Summary> {
  return {
    batchId: batch.batchId,
    partitions: batch.runs.length,
    glueSeconds: batch.runs.reduce((sum, partition) => sum + (partition.run.seconds ?? 0), 0),
  };
}
