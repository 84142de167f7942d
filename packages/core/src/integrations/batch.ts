import type { NameValue } from './ecs.js';
import {
  createSyncIntegration,
  mergePayload,
  type SdkMetadata,
  type SyncIntegration,
} from './integration.js';

/**
 * The AWS Batch SubmitJob request fields Step Functions supports (`JobQueue` and `JobDefinition` are given to
 * `batch.submitJob`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-batch.html
 * @see https://docs.aws.amazon.com/batch/latest/APIReference/API_SubmitJob.html
 */
export interface BatchSubmitJobRequest {
  readonly JobName: string;
  readonly JobQueue: string;
  readonly JobDefinition: string;
  readonly ArrayProperties?: { readonly Size?: number };
  readonly ContainerOverrides?: {
    readonly Command?: readonly string[];
    readonly Environment?: readonly NameValue[];
    readonly InstanceType?: string;
    readonly ResourceRequirements?: readonly {
      readonly Type: 'GPU' | 'VCPU' | 'MEMORY';
      readonly Value: string;
    }[];
  };
  readonly DependsOn?: readonly { readonly JobId?: string; readonly Type?: 'N_TO_N' | 'SEQUENTIAL' }[];
  /** Values of the job definition's `Ref::` placeholders. */
  readonly Parameters?: Readonly<Record<string, string>>;
  readonly RetryStrategy?: {
    readonly Attempts?: number;
    readonly EvaluateOnExit?: readonly {
      readonly Action: 'RETRY' | 'EXIT';
      readonly OnExitCode?: string;
      readonly OnReason?: string;
      readonly OnStatusReason?: string;
    }[];
  };
  readonly Timeout?: { readonly AttemptDurationSeconds?: number };
  readonly Tags?: Readonly<Record<string, string>>;
}

/** SubmitJob's response. */
export interface BatchSubmitJobResult extends SdkMetadata {
  readonly JobArn?: string;
  readonly JobId: string;
  readonly JobName: string;
}

/** A Batch job's status. `FAILED` fails a `.sync` task. */
export type BatchJobStatus =
  | 'SUBMITTED'
  | 'PENDING'
  | 'RUNNABLE'
  | 'STARTING'
  | 'RUNNING'
  | 'SUCCEEDED'
  | 'FAILED';

/**
 * A Batch job description (DescribeJobs' `jobs[]`, PascalCase), as `.sync` returns it; times are epoch milliseconds.
 * @see https://docs.aws.amazon.com/batch/latest/APIReference/API_JobDetail.html
 */
export interface BatchJobDetail {
  readonly JobArn?: string;
  readonly JobId: string;
  readonly JobName: string;
  readonly JobQueue: string;
  readonly JobDefinition: string;
  readonly Status: BatchJobStatus;
  readonly StatusReason?: string;
  readonly Attempts?: readonly {
    readonly Container?: {
      readonly ExitCode?: number;
      readonly Reason?: string;
      readonly LogStreamName?: string;
      readonly TaskArn?: string;
    };
    readonly StartedAt?: number;
    readonly StoppedAt?: number;
    readonly StatusReason?: string;
  }[];
  readonly CreatedAt?: number;
  readonly StartedAt?: number;
  readonly StoppedAt?: number;
  readonly DependsOn?: readonly { readonly JobId?: string; readonly Type?: string }[];
  readonly Parameters?: Readonly<Record<string, string>>;
  readonly Container?: {
    readonly Image?: string;
    readonly Command?: readonly string[];
    readonly ExitCode?: number;
    readonly Reason?: string;
    readonly LogStreamName?: string;
  };
  readonly Tags?: Readonly<Record<string, string>>;
}

/**
 * The errors a Batch task raises: the API's exceptions as `Batch.<Exception>`; a `.sync` job that ends `FAILED`
 * fails as `States.TaskFailed` (cause: the job description).
 * @see https://docs.aws.amazon.com/batch/latest/APIReference/API_SubmitJob.html#API_SubmitJob_Errors
 */
export const BATCH_ERRORS = Object.freeze([
  'Batch.AWSBatchException',
  'Batch.ClientException',
  'Batch.ServerException',
] as const);

/** An error name of the Batch integration. */
export type BatchError = (typeof BATCH_ERRORS)[number];

/**
 * AWS Batch integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-batch.html
 */
export const batch = Object.freeze({
  /**
   * `arn:aws:states:::batch:submitJob`: submits a job; `.sync()` waits for it (result: the job description). The
   * payload holds `JobName` and the other SubmitJob fields.
   * @example
   * task('Score', { resource: batch.submitJob('gpu-queue', 'scorer:7').sync(), parameters: ({ input }) => ({ JobName: input.runId }) })
   * // "Resource": "arn:aws:states:::batch:submitJob.sync",
   * // "Parameters": { "JobQueue": "gpu-queue", "JobDefinition": "scorer:7", "JobName.$": "$.runId" }
   */
  submitJob(jobQueue: string, jobDefinition: string): SyncIntegration<'batch-submit-job'> {
    return createSyncIntegration(
      'batch-submit-job',
      'arn:aws:states:::batch:submitJob',
      mergePayload({ JobQueue: jobQueue, JobDefinition: jobDefinition }, 'Batch SubmitJob', ['JobName']),
    );
  },
  /** The error names Batch tasks raise. */
  errors: BATCH_ERRORS,
});
