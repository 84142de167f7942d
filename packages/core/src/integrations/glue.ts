import {
  createSyncIntegration,
  mergePayload,
  type SdkMetadata,
  type SyncIntegration,
} from './integration.js';

/**
 * The Glue StartJobRun request fields (`JobName` is given to `glue.startJobRun`).
 * @see https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-jobs-runs.html#aws-glue-api-jobs-runs-StartJobRun
 */
export interface GlueStartJobRunRequest {
  readonly JobName: string;
  readonly JobRunId?: string;
  readonly JobRunQueuingEnabled?: boolean;
  /** Job arguments, keys with their leading `--`: `{ "--day": "2024-05-01" }`. */
  readonly Arguments?: Readonly<Record<string, string>>;
  readonly AllocatedCapacity?: number;
  readonly Timeout?: number;
  readonly MaxCapacity?: number;
  readonly SecurityConfiguration?: string;
  readonly NotificationProperty?: { readonly NotifyDelayAfter?: number };
  readonly WorkerType?: string;
  readonly NumberOfWorkers?: number;
  readonly ExecutionClass?: 'FLEX' | 'STANDARD';
}

/** StartJobRun's response; Step Functions adds the `JobName` of the request. */
export interface GlueStartJobRunResult extends SdkMetadata {
  readonly JobRunId: string;
  readonly JobName: string;
}

/** A Glue job run's state. Every terminal state but `SUCCEEDED` (`FAILED`, `TIMEOUT`, `ERROR`, `STOPPED`, `EXPIRED`) fails a `.sync` task. */
export type GlueJobRunState =
  | 'STARTING'
  | 'RUNNING'
  | 'STOPPING'
  | 'STOPPED'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'TIMEOUT'
  | 'ERROR'
  | 'WAITING'
  | 'EXPIRED';

/**
 * A Glue job run (GetJobRun's `JobRun`), as `.sync` returns it, with the `JobName` Step Functions adds; times are
 * epoch milliseconds.
 * @see https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-jobs-runs.html#aws-glue-api-jobs-runs-JobRun
 */
export interface GlueJobRun {
  readonly Id: string;
  readonly JobName: string;
  readonly JobRunState: GlueJobRunState;
  readonly Attempt?: number;
  readonly PreviousRunId?: string;
  readonly TriggerName?: string;
  readonly StartedOn?: number;
  readonly LastModifiedOn?: number;
  readonly CompletedOn?: number;
  readonly Arguments?: Readonly<Record<string, string>>;
  readonly ErrorMessage?: string;
  readonly PredecessorRuns?: readonly { readonly JobName?: string; readonly RunId?: string }[];
  readonly AllocatedCapacity?: number;
  /** Seconds the run used resources. */
  readonly ExecutionTime?: number;
  readonly Timeout?: number;
  readonly MaxCapacity?: number;
  readonly WorkerType?: string;
  readonly NumberOfWorkers?: number;
  readonly SecurityConfiguration?: string;
  readonly LogGroupName?: string;
  readonly GlueVersion?: string;
  readonly DPUSeconds?: number;
  readonly ExecutionClass?: 'FLEX' | 'STANDARD';
}

/**
 * The errors a Glue task raises: the API's exceptions as `Glue.<Exception>`; a `.sync` run that ends `FAILED`,
 * `TIMEOUT` or `ERROR` fails as `States.TaskFailed` (cause: the job run).
 * @see https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-jobs-runs.html#aws-glue-api-jobs-runs-StartJobRun
 */
export const GLUE_ERRORS = Object.freeze([
  'Glue.AWSGlueException',
  'Glue.ConcurrentRunsExceededException',
  'Glue.EntityNotFoundException',
  'Glue.InternalServiceException',
  'Glue.InvalidInputException',
  'Glue.OperationTimeoutException',
  'Glue.ResourceNumberLimitExceededException',
] as const);

/** An error name of the Glue integration. */
export type GlueError = (typeof GLUE_ERRORS)[number];

/**
 * AWS Glue integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-glue.html
 */
export const glue = Object.freeze({
  /**
   * `arn:aws:states:::glue:startJobRun`: starts a job run; `.sync()` waits for it (result: the job run). The payload
   * holds the other StartJobRun fields.
   * @example
   * task('Transform', { resource: glue.startJobRun('nightly-etl').sync(), parameters: ({ input }) => ({ Arguments: { '--day': input.day } }) })
   * // "Resource": "arn:aws:states:::glue:startJobRun.sync",
   * // "Parameters": { "JobName": "nightly-etl", "Arguments": { "--day.$": "$.day" } }
   */
  startJobRun(jobName: string): SyncIntegration<'glue-start-job-run'> {
    return createSyncIntegration(
      'glue-start-job-run',
      'arn:aws:states:::glue:startJobRun',
      mergePayload({ JobName: jobName }, 'Glue StartJobRun'),
    );
  },
  /** The error names Glue tasks raise. */
  errors: GLUE_ERRORS,
});
