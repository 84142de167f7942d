import type { Catcher, JsonValue, Retrier } from '@stepcraft/asl';
import { sleep } from './clock.js';
import { StatesError } from './errors.js';
import { evaluateAssign, jsonataOutput } from './evaluation.js';
import { type Fiber, isInterrupt, located, type StateRun, verbatim } from './execution.js';
import { applyResultPath } from './io/jsonpath.js';
import type { StateOutcome } from './state-outcome.js';

/** Heartbeat expiries are reported as `States.Timeout` (as AWS does) but still match a `States.HeartbeatTimeout` retrier. */
export const heartbeatTimeouts = new WeakSet<StatesError>();

/**
 * Whether an `ErrorEquals` list matches `error`: exact names, `States.ALL` (anything that reaches Retry/Catch:
 * `States.Runtime` never does), and `States.TaskFailed` (any error but `States.Timeout`, per the AWS docs).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export function errorMatches(errorEquals: readonly string[], failure: StatesError): boolean {
  for (const name of errorEquals) {
    if (name === failure.error || name === 'States.ALL') return true;
    if (name === 'States.TaskFailed' && failure.error !== 'States.Timeout') return true;
    if (name === 'States.HeartbeatTimeout' && heartbeatTimeouts.has(failure)) return true;
  }
  return false;
}

/** Delay before retry number `attempt` (0-based) of a retrier, in seconds, before jitter. */
export function retryDelaySeconds(retrier: Retrier, attempt: number): number {
  const delay = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** attempt;
  return retrier.MaxDelaySeconds === undefined ? delay : Math.min(delay, retrier.MaxDelaySeconds);
}

/** The prefix AWS puts before errors the interpreter raises while evaluating a state. */
export function locationPrefix(run: StateRun): string {
  return `An error occurred while executing the state '${run.name}' (entered at the event id #${run.enteredEventId}). `;
}

const FIELD_IN_CAUSE = /specified for the field '([^']*)'/;

/**
 * Turns anything thrown while a state ran into the failure that leaves it: evaluation errors get AWS's location
 * prefix (once) and, for JSONata, an `EvaluationFailed` event; unexpected exceptions become `States.Runtime`.
 * Interrupts pass through.
 */
export function locate(fiber: Fiber, run: StateRun, thrown: unknown): unknown {
  if (isInterrupt(thrown)) return thrown;
  if (thrown instanceof StatesError && located.has(thrown)) return thrown;
  const error = thrown instanceof StatesError ? thrown.error : 'States.Runtime';
  const message =
    thrown instanceof StatesError
      ? (thrown.cause ?? '')
      : `Internal error: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  const failure = verbatim(error, locationPrefix(run) + message);
  if (error === 'States.QueryEvaluationError') {
    const exec = fiber.exec;
    const field = FIELD_IN_CAUSE.exec(message)?.[1];
    exec.history.emit(
      fiber,
      'EvaluationFailed',
      exec.settings.recordHistory
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

const NO_RETRIERS: readonly Retrier[] = [];

/** The fields of Task, Parallel and Map that handle their failures. */
interface RetryHandling {
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
}

/**
 * Runs `attempt` under the state's Retry and Catch (Task, Parallel, Map): the first matching retrier decides,
 * counters are per retrier and per visit; `States.Runtime` is never retried nor caught.
 * `onGiveUp` runs once the state fails for good (before Catch), e.g. to write `MapStateFailed`.
 */
export function withRetryAndCatch(
  fiber: Fiber,
  run: StateRun,
  raw: JsonValue,
  handling: RetryHandling,
  attempt: (retryCount: number) => Promise<StateOutcome>,
  onGiveUp?: (failure: StatesError) => void,
): Promise<StateOutcome> {
  if (handling.Retry !== undefined || handling.Catch !== undefined)
    return retryAndCatch(fiber, run, raw, handling, attempt, onGiveUp);
  // Nothing to retry or catch: one attempt, its failure located (settles on the same tick as the general path).
  return attempt(0).then(undefined, (thrown: unknown) => {
    const failure = locate(fiber, run, thrown);
    if (failure instanceof StatesError) onGiveUp?.(failure);
    throw failure;
  });
}

async function retryAndCatch(
  fiber: Fiber,
  run: StateRun,
  raw: JsonValue,
  handling: RetryHandling,
  attempt: (retryCount: number) => Promise<StateOutcome>,
  onGiveUp: ((failure: StatesError) => void) | undefined,
): Promise<StateOutcome> {
  const retriers = handling.Retry ?? NO_RETRIERS;
  // Attempts per retrier, filled as retriers are used.
  const counters: number[] = [];
  let retryCount = 0;
  for (;;) {
    let failure: StatesError;
    try {
      return await attempt(retryCount);
    } catch (thrown) {
      const e = locate(fiber, run, thrown);
      if (!(e instanceof StatesError)) throw e;
      failure = e;
    }
    if (failure.error !== 'States.Runtime') {
      const index = retriers.findIndex((r) => errorMatches(r.ErrorEquals, failure));
      const retrier = retriers[index];
      if (retrier !== undefined && (counters[index] ?? 0) < (retrier.MaxAttempts ?? 3)) {
        const n = counters[index] ?? 0;
        let seconds = retryDelaySeconds(retrier, n);
        if (retrier.JitterStrategy === 'FULL') seconds *= fiber.exec.random();
        await sleep(fiber.exec.clock, seconds * 1000, fiber.signal);
        counters[index] = n + 1;
        retryCount++;
        fiber.exec.transitions++;
        continue;
      }
    }
    onGiveUp?.(failure);
    const catcher =
      failure.error === 'States.Runtime'
        ? undefined
        : handling.Catch?.find((c) => errorMatches(c.ErrorEquals, failure));
    if (catcher === undefined) throw failure;
    try {
      return await caught(fiber, run, raw, catcher, failure);
    } catch (thrown) {
      throw locate(fiber, run, thrown);
    }
  }
}

/** The output and assignments of a Catcher (the state's OutputPath/ResultSelector/Output are not applied). */
async function caught(
  fiber: Fiber,
  run: StateRun,
  raw: JsonValue,
  catcher: Catcher,
  failure: StatesError,
): Promise<StateOutcome> {
  const errOut = errorOutput(failure);
  if (run.jsonata) {
    const assigned = await evaluateAssign(fiber, run, catcher.Assign, raw, { errorOutput: errOut });
    const output = await jsonataOutput(fiber, run, catcher.Output, raw, errOut, { errorOutput: errOut });
    return { output, next: catcher.Next, assigned };
  }
  const assigned = await evaluateAssign(fiber, run, catcher.Assign, errOut);
  return { output: applyResultPath(raw, catcher.ResultPath, errOut, run.name), next: catcher.Next, assigned };
}
