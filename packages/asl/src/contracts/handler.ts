import type { JsonValue } from '../json.js';

/** What a Task handler receives besides its input. */
export interface TaskHandlerContext {
  readonly stateName: string;
  readonly resource: string;
  /** The task token (`$$.Task.Token`) of this attempt, for `.waitForTaskToken` tasks and activities. */
  readonly taskToken?: string;
  /** The context object (`$$`) of this attempt. */
  readonly context: JsonValue;
  /** The Task's evaluated `Credentials` (the role AWS would assume for the call), when it has some. */
  readonly credentials?: { readonly roleArn: string };
  /** Aborted when the task is over: it timed out, a sibling branch failed, or the execution stopped. */
  readonly signal: AbortSignal;
  /** Resets the `HeartbeatSeconds` timer (`SendTaskHeartbeat`). */
  heartbeat(): void;
  /**
   * Waits `seconds` on the execution's clock (simulated by default: instant, and virtual time may move meanwhile),
   * e.g. to stand in for a slow service. Rejects with a `RunnerUsageError` for a negative or non-finite number.
   */
  sleep(seconds: number): Promise<void>;
  /** Completes a waiting callback task with `output` (`SendTaskSuccess`); throws if no task waits for `token`. */
  sendTaskSuccess(token: string, output: unknown): void;
  /** Fails a waiting callback task with exactly `error` and `cause` (`SendTaskFailure`). */
  sendTaskFailure(token: string, error?: string, cause?: string): void;
}

/**
 * A Task's local implementation, called by the runner in place of the AWS resource. What it returns (or resolves
 * to) is the service's response; what it throws fails the task (see the runner's README for the error mapping).
 * Declared as a method type, so handlers with narrower input types (from `@stepcraft/core`) are accepted.
 */
export type TaskHandler = {
  bivarianceHack(input: JsonValue, context: TaskHandlerContext): unknown;
}['bivarianceHack'];

/**
 * Handlers keyed by state name or by resource key (function name or ARN, queue URL, topic ARN,
 * `aws-sdk:s3:getObject`, activity ARN, full Resource).
 */
export type Handlers = Readonly<Record<string, TaskHandler>>;
