import type { GlueJobRun } from '@stepcraft/core';
import { StatesError } from '@stepcraft/runner';
import type { Loaded, Summary } from './schemas.js';

/** The Glue job's arguments, as StartJobRun receives them. */
export interface TransformRequest {
  readonly JobName: string;
  readonly Arguments: { readonly '--batch': string; readonly '--day': string; readonly '--prefix': string };
}

/**
 * Stands in for the Glue job when run locally: returns the finished job run (the `.sync` result). A partition whose
 * prefix contains `corrupt` fails as a `.sync` Glue task does on AWS: `States.TaskFailed`, the job run as cause.
 */
export async function transformPartition(request: TransformRequest): Promise<GlueJobRun> {
  const day = request.Arguments['--day'];
  const run: GlueJobRun = {
    Id: `jr_${request.Arguments['--batch']}_${day}`,
    JobName: request.JobName,
    JobRunState: 'SUCCEEDED',
    ExecutionTime: 60,
  };
  if (!request.Arguments['--prefix'].includes('corrupt')) return run;
  const failed = {
    ...run,
    JobRunState: 'FAILED',
    ErrorMessage: `Cannot parse ${request.Arguments['--prefix']}`,
  };
  throw new StatesError('States.TaskFailed', JSON.stringify(failed));
}

/** Sums the batch's Glue runs up. */
export async function aggregate(batch: Loaded): Promise<Summary> {
  return {
    batchId: batch.batchId,
    partitions: batch.runs.length,
    glueSeconds: batch.runs.reduce((sum, partition) => sum + (partition.run.seconds ?? 0), 0),
  };
}
