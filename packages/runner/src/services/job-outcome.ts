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
  'glue:startJobRun': (run) => ['FAILED', 'TIMEOUT', 'ERROR'].includes(String(run.JobRunState)),
  'batch:submitJob': (job) => job.Status === 'FAILED',
  'sagemaker:createTrainingJob': (job) => ['Failed', 'Stopped'].includes(String(job.TrainingJobStatus)),
  'sagemaker:createTransformJob': (job) => ['Failed', 'Stopped'].includes(String(job.TransformJobStatus)),
  'sagemaker:createProcessingJob': (job) => ['Failed', 'Stopped'].includes(String(job.ProcessingJobStatus)),
  'states:startExecution': (execution) => execution.Status !== undefined && execution.Status !== 'SUCCEEDED',
};

/**
 * Decides a `.sync` task from the job's final description (what its handler or mock returns): a job that ended
 * badly fails the task with `States.TaskFailed` and the description, as JSON, as cause — as AWS does for ECS,
 * Glue, Batch, SageMaker and Step Functions. A child execution's `Input` and `Output` come back as JSON text with
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

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
