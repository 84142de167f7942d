/**
 * A workflow-level failure with an AWS error name (`States.Runtime`, `States.TaskFailed`, a handler's own name…).
 * Thrown inside the interpreter and turned into a result or a Catch; never escapes `run()`.
 */
export class StatesError extends Error {
  override readonly name = 'StatesError';
  /** The ASL error name, matched by `ErrorEquals`. */
  readonly error: string;
  /** The ASL cause text (absent when the source gave none, e.g. a Fail state without Cause). */
  override readonly cause: string | undefined;
  constructor(error: string, cause?: string) {
    super(cause === undefined ? error : `${error}: ${cause}`);
    this.error = error;
    this.cause = cause;
  }
}

/** Thrown when `run()` itself is called wrongly (not a workflow failure). */
export class RunnerUsageError extends Error {
  override readonly name = 'RunnerUsageError';
}
