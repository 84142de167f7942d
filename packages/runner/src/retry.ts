import type { Catcher, JsonValue, Retrier } from '@stepcraft/asl';
import { StatesError, verbatim } from './errors.js';
import { evaluateAssign, jsonataOutput, jsonPathAssign } from './evaluation.js';
import { applyResultPath } from './io/jsonpath.js';
import { describeThrown } from './json-value.js';
import type { Fiber, StateRun } from './snapshot.js';
import type { StateOutcome } from './state-outcome.js';

/**
 * Whether an `ErrorEquals` list matches `failure`: exact names, `States.ALL` (anything that reaches Retry/Catch:
 * `States.Runtime` never does), `States.TaskFailed` (any error but `States.Timeout`, per the AWS docs), and
 * `States.HeartbeatTimeout` for a heartbeat expiry (which AWS reports as `States.Timeout`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export function errorMatches(errorEquals: readonly string[], failure: StatesError): boolean {
  for (const name of errorEquals) {
    if (name === failure.error || name === 'States.ALL') return true;
    if (name === 'States.TaskFailed' && failure.error !== 'States.Timeout') return true;
    if (name === 'States.HeartbeatTimeout' && failure.heartbeatTimeout) return true;
  }
  return false;
}

/** Delay before retry number `attempt` (0-based) of a retrier, in seconds, before jitter. */
export function retryDelaySeconds(retrier: Retrier, attempt: number): number {
  const delay = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** attempt;
  return retrier.MaxDelaySeconds === undefined ? delay : Math.min(delay, retrier.MaxDelaySeconds);
}

/** The fields of Task, Parallel and Map that handle their failures. */
export interface RetryHandling {
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
}

/** What to do with a failed attempt: wait `seconds` and retry, run a Catcher, or fail the state. */
export type Recovery =
  | { readonly kind: 'retry'; readonly seconds: number }
  | { readonly kind: 'catch'; readonly catcher: Catcher }
  | { readonly kind: 'fail' };

/**
 * Decides how a state recovers from `failure` (a pure decision; the caller records it): the first retrier whose
 * `ErrorEquals` matches decides (counters per retrier and per visit, in `run.retriers`), then the first matching
 * Catcher; `States.Runtime` is never retried nor caught.
 */
export function recover(
  fiber: Fiber,
  run: StateRun,
  handling: RetryHandling,
  failure: StatesError,
): Recovery {
  if (failure.error === 'States.Runtime') return { kind: 'fail' };
  const retriers = handling.Retry;
  if (retriers !== undefined) {
    const index = retriers.findIndex((r) => errorMatches(r.ErrorEquals, failure));
    const retrier = retriers[index];
    const used = run.retriers?.[index] ?? 0;
    if (retrier !== undefined && used < (retrier.MaxAttempts ?? 3)) {
      let seconds = retryDelaySeconds(retrier, used);
      if (retrier.JitterStrategy === 'FULL') seconds *= fiber.snap.random();
      run.retriers ??= [];
      run.retriers[index] = used + 1;
      return { kind: 'retry', seconds };
    }
  }
  const catcher = handling.Catch?.find((c) => errorMatches(c.ErrorEquals, failure));
  return catcher === undefined ? { kind: 'fail' } : { kind: 'catch', catcher };
}

/** The prefix AWS puts before errors the interpreter raises while evaluating a state. */
export function locationPrefix(run: StateRun): string {
  return `An error occurred while executing the state '${run.name}' (entered at the event id #${run.enteredEventId}). `;
}

const FIELD_IN_CAUSE = /specified for the field '([^']*)'/;

/**
 * Turns anything thrown while a state ran into the failure that leaves it: evaluation errors get AWS's location
 * prefix (once) and, for JSONata, an `EvaluationFailed` event; unexpected exceptions become `States.Runtime`.
 */
export function locate(fiber: Fiber, run: StateRun, thrown: unknown): StatesError {
  if (thrown instanceof StatesError && thrown.located) return thrown;
  const error = thrown instanceof StatesError ? thrown.error : 'States.Runtime';
  const message =
    thrown instanceof StatesError ? (thrown.cause ?? '') : `Internal error: ${describeThrown(thrown)}`;
  const failure = verbatim(error, locationPrefix(run) + message);
  if (error === 'States.QueryEvaluationError') {
    const snap = fiber.snap;
    const field = FIELD_IN_CAUSE.exec(message)?.[1];
    snap.history.emit(
      fiber,
      'EvaluationFailed',
      snap.settings.recordHistory
        ? {
            error,
            cause: failure.cause ?? '',
            ...(field === undefined ? {} : { location: field }),
            state: run.name,
          }
        : undefined,
    );
  }
  return failure;
}

/** The Error Output a Catcher sees; a missing name or cause reads as "" (as AWS reports a caught Timeout). */
export function errorOutput(failure: StatesError): JsonValue {
  return { Error: failure.error, Cause: failure.cause ?? '' };
}

/** The output and assignments of a Catcher (the state's OutputPath/ResultSelector/Output are not applied). */
export function caught(
  fiber: Fiber,
  run: StateRun,
  catcher: Catcher,
  failure: StatesError,
): StateOutcome | Promise<StateOutcome> {
  const errOut = errorOutput(failure);
  const raw = run.input;
  if (run.jsonata) return jsonataCaught(fiber, run, catcher, errOut);
  const assigned = jsonPathAssign(fiber, run, catcher.Assign, errOut);
  return { output: applyResultPath(raw, catcher.ResultPath, errOut, run.name), next: catcher.Next, assigned };
}

async function jsonataCaught(
  fiber: Fiber,
  run: StateRun,
  catcher: Catcher,
  errOut: JsonValue,
): Promise<StateOutcome> {
  const raw = run.input;
  const assigned = await evaluateAssign(fiber, run, catcher.Assign, raw, { errorOutput: errOut });
  const output = await jsonataOutput(fiber, run, catcher.Output, raw, errOut, { errorOutput: errOut });
  return { output, next: catcher.Next, assigned };
}
