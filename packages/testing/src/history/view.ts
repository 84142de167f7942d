import type { AslDocument, JsonValue } from '@stepcraft/asl';
import type { StateInspection } from '@stepcraft/runner';
import type { ChoiceRuleTaken } from './choice-rule.js';
import { type History, readEvents } from './events.js';
import { type ExecutionEnd, type PathSegment, type StateVisit, visitsOf } from './visits.js';

/** An error with the state that raised it, its cause parsed when it is JSON (Lambda's error document). */
export interface ErrorRecord {
  readonly state: string;
  readonly path: readonly PathSegment[];
  readonly error: string;
  readonly cause?: string;
  /** The cause parsed, when it is JSON text. */
  readonly causeJson?: JsonValue;
  /** Whether a Retry ran the state again after it. */
  readonly retried: boolean;
  /** How the visit that raised it ended. */
  readonly status: StateVisit['status'];
}

/** A history read the way the Step Functions console shows it. */
export interface ExecutionView extends ExecutionEnd {
  /** Every state visit in the order they were entered (all fibers). */
  readonly visits: readonly StateVisit[];
  /** The names of the states entered, in order. */
  readonly path: readonly string[];
  /** Every error raised, in order: failed task attempts (retried or not), evaluation errors, Fail states. */
  readonly errors: readonly ErrorRecord[];
  /** The visits of one state, in order. */
  visitsOf(state: string): readonly StateVisit[];
}

/**
 * Reads a history (a local run's, or AWS's `get-execution-history` JSON) into state visits with parsed inputs,
 * outputs, task calls, retries and errors. The definition, when given, places the states of Parallel branches
 * exactly, gives Fail states their error and Choice visits their rule (`rules` gives the ones only an evaluation
 * could tell, by the Choice's entered event id); the runner's `inspections` (with `inspect: true`) go to their visits.
 * @example
 * const view = historyView(result.history, compiled.definition);
 * view.visitsOf('ProcessPayment')[0]?.attempts[0]?.input // the Payload the Lambda function received
 */
export function historyView(
  history: History | JsonValue,
  definition?: AslDocument,
  rules?: ReadonlyMap<number, ChoiceRuleTaken>,
  inspections?: readonly StateInspection[],
): ExecutionView {
  const { visits, execution } = visitsOf(readEvents(history), definition, rules, inspections);
  const byState = new Map<string, StateVisit[]>();
  for (const visit of visits) {
    const list = byState.get(visit.state);
    if (list === undefined) byState.set(visit.state, [visit]);
    else list.push(visit);
  }
  return {
    ...execution,
    visits,
    path: visits.map((v) => v.state),
    errors: visits.flatMap(errorsOf),
    visitsOf: (state) => byState.get(state) ?? [],
  };
}

function errorsOf(visit: StateVisit): ErrorRecord[] {
  const out: ErrorRecord[] = [];
  const record = (error: string, cause: string | undefined, retried: boolean): void => {
    const causeJson = cause === undefined ? undefined : parseCause(cause);
    out.push({
      state: visit.state,
      path: visit.path,
      error,
      ...(cause === undefined ? {} : { cause }),
      ...(causeJson === undefined ? {} : { causeJson }),
      retried,
      status: visit.status,
    });
  };
  visit.attempts.forEach((attempt, i) => {
    const retried = i + 1 < visit.attempts.length;
    if (attempt.error !== undefined && (retried || visit.error === undefined))
      record(attempt.error, attempt.cause, retried);
  });
  if (visit.error !== undefined) record(visit.error, visit.cause, false);
  return out;
}

/** A cause that is a JSON object or array (as Lambda's error documents are), parsed; otherwise undefined. */
export function parseCause(cause: string): JsonValue | undefined {
  const text = cause.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}
