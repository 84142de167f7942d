/** Facts about a `StatesError` that the interpreter records on the error itself. */
export interface StatesErrorFacts {
  /** Its cause is final (from a handler, a Fail state, a branch): no location prefix is added to it. */
  readonly located?: boolean;
  /** It is a `HeartbeatSeconds` expiry: reported as `States.Timeout` (as AWS does) but matched by `States.HeartbeatTimeout` too. */
  readonly heartbeatTimeout?: boolean;
}

/**
 * A workflow-level failure with an AWS error name (`States.Runtime`, `States.TaskFailed`, a handler's own name…).
 * Thrown by a handler, it fails the task with exactly this error and cause; inside the interpreter it becomes a
 * result or a Catch and never escapes `run()`.
 */
export class StatesError extends Error {
  override readonly name = 'StatesError';
  /** The ASL error name, matched by `ErrorEquals`. */
  readonly error: string;
  /** The ASL cause text (absent when the source gave none, e.g. a Fail state without Cause). */
  override readonly cause: string | undefined;
  /** The cause is final: the interpreter adds no "An error occurred while executing the state…" prefix. */
  readonly located: boolean;
  /** A heartbeat expiry (`States.Timeout` that `States.HeartbeatTimeout` also matches). */
  readonly heartbeatTimeout: boolean;
  constructor(error: string, cause?: string, facts: StatesErrorFacts = {}) {
    super(cause === undefined ? error : `${error}: ${cause}`);
    this.error = error;
    this.cause = cause;
    this.located = facts.located ?? false;
    this.heartbeatTimeout = facts.heartbeatTimeout ?? false;
  }
}

/** A `StatesError` passed on exactly as it is (its cause is final). */
export function verbatim(error: string, cause: string | undefined): StatesError {
  return new StatesError(error, cause, { located: true });
}

/** Thrown when the runner itself is used wrongly (bad options, a bad token): not a workflow failure. */
export class RunnerUsageError extends Error {
  override readonly name: string = 'RunnerUsageError';
}

/**
 * Why `sendTaskSuccess`/`sendTaskFailure`/`sendTaskHeartbeat` refused a token, with AWS's API error for it:
 * `unknown` (InvalidToken), `finished` (TaskDoesNotExist), `timed-out` (TaskTimedOut), `ended` (the execution is over).
 */
export type TaskTokenProblem = 'unknown' | 'finished' | 'timed-out' | 'ended';

/** A task token that no task waits for. */
export class TaskTokenError extends RunnerUsageError {
  override readonly name = 'TaskTokenError';
  readonly problem: TaskTokenProblem;
  constructor(problem: TaskTokenProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}
