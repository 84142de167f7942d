import type { JsonObject, JsonValue } from '@stepcraft/asl';

/** How a `.sync` task ends, given its job's final description: the task's result, or AWS's failure for it. */
export type JobOutcome =
  | { readonly kind: 'succeeded'; readonly result: JsonValue }
  | { readonly kind: 'failed'; readonly error: 'States.TaskFailed'; readonly cause: string };

/** Whether a job description says the job failed, per optimized integration (`resourceType:action`). */
const FAILED: Readonly<Record<string, (job: JsonObject) => boolean>> = {
  // A task that could not start, or whose essential container exited non-zero.
  'ecs:runTask': (task) =>
    task.StopCode === 'TaskFailedToStart' ||
    (task.StopCode === 'EssentialContainerExited' &&
      Array.isArray(task.Containers) &&
      task.Containers.some((c) => isObject(c) && typeof c.ExitCode === 'number' && c.ExitCode !== 0)),
  // Every terminal state but SUCCEEDED: a run stopped before it finished did not do the job (see the README).
  'glue:startJobRun': (run) =>
    ['FAILED', 'TIMEOUT', 'ERROR', 'STOPPED', 'EXPIRED'].includes(String(run.JobRunState)),
  'batch:submitJob': (job) => job.Status === 'FAILED',
  'sagemaker:createTrainingJob': (job) => ['Failed', 'Stopped'].includes(String(job.TrainingJobStatus)),
  'sagemaker:createTransformJob': (job) => ['Failed', 'Stopped'].includes(String(job.TransformJobStatus)),
  'sagemaker:createProcessingJob': (job) => ['Failed', 'Stopped'].includes(String(job.ProcessingJobStatus)),
  'states:startExecution': (execution) => execution.Status !== undefined && execution.Status !== 'SUCCEEDED',
  // `.sync` answers with BatchGetBuilds' build (`{ Build }`) or BatchGetBuildBatches' batch (`{ BuildBatch }`).
  'codebuild:startBuild': (output) => BUILD_FAILED.has(String(field(output.Build, 'BuildStatus'))),
  'codebuild:startBuildBatch': (output) =>
    BUILD_FAILED.has(String(field(output.BuildBatch, 'BuildBatchStatus'))),
};

/** CodeBuild's terminal statuses other than SUCCEEDED. */
const BUILD_FAILED: ReadonlySet<string> = new Set(['FAILED', 'FAULT', 'STOPPED', 'TIMED_OUT']);

/**
 * Decides a `.sync` task from the job's final description (what its handler or mock returns): a job that ended
 * badly fails the task with `States.TaskFailed` and the description, as JSON, as cause — as AWS does for ECS,
 * Glue, Batch, SageMaker, CodeBuild and Step Functions. A child execution's `Input` and `Output` come back as JSON text with
 * `.sync` and parsed with `.sync:2`, whichever form the handler gave.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-sync
 */
export function jobOutcome(resourceType: string, resourceName: string, description: JsonValue): JobOutcome {
  const [action = '', version] = resourceName.split('.sync');
  const key = `${resourceType}:${action}`;
  const job =
    isObject(description) && key === 'states:startExecution'
      ? execution(description, version === ':2')
      : description;
  const failed =
    isObject(job) && Object.hasOwn(FAILED, key) && (FAILED[key] as (job: JsonObject) => boolean)(job);
  return failed
    ? { kind: 'failed', error: 'States.TaskFailed', cause: JSON.stringify(job) }
    : { kind: 'succeeded', result: job };
}

/** The start call's response, per optimized integration, from the fields of the job's final description. */
const SUBMITTED: Readonly<Record<string, (job: JsonObject) => JsonObject>> = {
  'ecs:runTask': (task) => ({ Tasks: [task], Failures: [] }),
  'glue:startJobRun': (run) => pick({ JobRunId: run.Id }),
  'batch:submitJob': (job) => pick({ JobArn: job.JobArn, JobId: job.JobId, JobName: job.JobName }),
  'sagemaker:createTrainingJob': (job) => pick({ TrainingJobArn: job.TrainingJobArn }),
  'sagemaker:createTransformJob': (job) => pick({ TransformJobArn: job.TransformJobArn }),
  'sagemaker:createProcessingJob': (job) => pick({ ProcessingJobArn: job.ProcessingJobArn }),
  'states:startExecution': (execution) =>
    pick({ ExecutionArn: execution.ExecutionArn, StartDate: execution.StartDate }),
};

/**
 * What a `.sync` task's `TaskSubmitted` event records: the start call's response (StartJobRun's `{ JobRunId }`,
 * StartExecution's `{ ExecutionArn, StartDate }`, …), taken from the job's final description, as AWS records the
 * submission before it waits for the job. The description itself for a service not listed.
 */
export function submittedResponse(
  resourceType: string,
  resourceName: string,
  description: JsonValue,
): JsonValue {
  const key = `${resourceType}:${resourceName.split('.sync')[0] ?? ''}`;
  return isObject(description) && Object.hasOwn(SUBMITTED, key)
    ? (SUBMITTED[key] as (job: JsonObject) => JsonObject)(description)
    : description;
}

// The fields the description has (a hand-written mock may leave some out).
function pick(fields: Readonly<Record<string, JsonValue | undefined>>): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = value;
  return out;
}

// DescribeExecution as `.sync` (text) or `.sync:2` (parsed) returns its Input and Output.
function execution(description: JsonObject, parsed: boolean): JsonObject {
  const out: JsonObject = { ...description };
  for (const field of ['Input', 'Output']) {
    const value = description[field];
    if (value === undefined) continue;
    out[field] = parsed ? parse(value) : typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

// Text that is not JSON stays text (a child's output is always JSON on AWS; a hand-written mock may not be).
function parse(value: JsonValue): JsonValue {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    return value;
  }
}

function field(value: JsonValue | undefined, name: string): JsonValue | undefined {
  return isObject(value) && Object.hasOwn(value, name) ? value[name] : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
