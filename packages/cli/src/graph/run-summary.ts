import type { JsonValue } from '@stepcraft/asl';
import { failStateError } from '@stepcraft/asl';
import { failScopes } from './fail-scopes.js';
import { isRecord, own } from './json-data.js';

/** The fields of a history event the overlay reads (`stepcraft run --history` writes AWS-shaped events). */
export interface RunEvent {
  readonly id?: number;
  readonly previousEventId?: number;
  readonly type: string;
  /** The state a `…StateEntered`/`…StateExited` event names. */
  readonly name?: string;
  /** The error of a failure event (`TaskFailed`, `ExecutionFailed`, …). */
  readonly error?: string;
  /** A `FailStateEntered` event's input (JSON text), where an `ErrorPath`/`CausePath` reads the error. */
  readonly input?: string;
}

/** What one state did during the run; counts are per name, summed over Map iterations and retries. */
export interface StateVisit {
  readonly entered: number;
  readonly exited: number;
  readonly aborted: number;
  /** Distinct error names raised while in the state, the most recent last. */
  readonly errors: readonly string[];
  /** Errors raised in the state whose name the run does not say (a Fail state's computed `Error`). */
  readonly unnamedErrors: number;
}

/** How a run went, by state name. */
export interface RunSummary {
  /** `SUCCEEDED`, `FAILED`, `TIMED_OUT`, `ABORTED`, or `RUNNING` when the history has no end event. */
  readonly status: string;
  readonly states: ReadonlyMap<string, StateVisit>;
  /** For each state name, the states entered straight after leaving it. */
  readonly transitions: ReadonlyMap<string, ReadonlySet<string>>;
}

const END_STATUS: Readonly<Record<string, string>> = {
  ExecutionSucceeded: 'SUCCEEDED',
  ExecutionFailed: 'FAILED',
  ExecutionTimedOut: 'TIMED_OUT',
  ExecutionAborted: 'ABORTED',
};

/**
 * Reads a run file: the run record `stepcraft run --history` writes (events under `events`, as AWS's
 * get-execution-history output), an object holding them under `history`, or the bare event array. Returns the
 * events or a message naming the first malformed one.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
export function parseRunEvents(
  value: unknown,
): { readonly ok: true; readonly events: RunEvent[] } | { readonly ok: false; readonly message: string } {
  const list = isRecord(value) ? (own(value, 'events') ?? own(value, 'history')) : value;
  if (!Array.isArray(list)) {
    return { ok: false, message: 'expected the history array written by `stepcraft run --history`' };
  }
  const events: RunEvent[] = [];
  for (const [index, raw] of list.entries()) {
    const problem = (what: string) => ({ ok: false as const, message: `event [${index}] ${what}` });
    if (!isRecord(raw)) return problem('is not an object');
    const type = own(raw, 'type');
    if (typeof type !== 'string') return problem('has no string "type"');
    const event: { -readonly [K in keyof RunEvent]: RunEvent[K] } = { type };
    const id = own(raw, 'id');
    const previous = own(raw, 'previousEventId');
    if (typeof id === 'number') event.id = id;
    if (typeof previous === 'number') event.previousEventId = previous;
    const details = Object.entries(raw).find(([key]) => key.endsWith('EventDetails'))?.[1];
    if (type.endsWith('StateEntered') || type.endsWith('StateExited')) {
      const name = isRecord(details) ? own(details, 'name') : undefined;
      if (typeof name !== 'string') return problem(`(${type}) has no state name in its event details`);
      event.name = name;
    }
    const error = isRecord(details) ? own(details, 'error') : undefined;
    if (typeof error === 'string') event.error = error;
    const input = type === 'FailStateEntered' && isRecord(details) ? own(details, 'input') : undefined;
    if (typeof input === 'string') event.input = input;
    events.push(event);
  }
  return { ok: true, events };
}

/**
 * Counts what each state did. An error is charged to the state its event's lane (the `previousEventId`
 * chain: the top level, a branch, an iteration) was in, so concurrent branches do not blur together.
 *
 * Given the definition, a Fail state's error is known too: its `Error`, or its `ErrorPath` read from the input the
 * state was entered with (a JSONata `Error` or a path into variables or the context is not evaluated: the error is
 * then counted as unnamed). No event carries that error inside a Map iteration or a Parallel branch, so it is
 * charged to the Map or Parallel around the Fail state (which raised it, as AWS's console shows), and on outwards
 * through each enclosing one that failed with it rather than catching it.
 */
export function summarizeRun(events: readonly RunEvent[], definition?: unknown): RunSummary {
  const states = new Map<
    string,
    { entered: number; exited: number; aborted: number; errors: string[]; unnamedErrors: number }
  >();
  const visit = (name: string) => {
    let found = states.get(name);
    if (found === undefined) {
      found = { entered: 0, exited: 0, aborted: 0, errors: [], unnamedErrors: 0 };
      states.set(name, found);
    }
    return found;
  };
  const charge = (name: string, error: string | undefined) => {
    const found = visit(name);
    if (error === undefined) return void found.unnamedErrors++;
    const seen = found.errors.indexOf(error);
    if (seen >= 0) found.errors.splice(seen, 1);
    found.errors.push(error);
  };
  const scopes = definition === undefined ? undefined : failScopes(definition);
  const failStates: { readonly state: string; readonly error: string | undefined }[] = [];
  const transitions = new Map<string, Set<string>>();
  // By event id: the state its lane is in after the event, and the state it left (for exit events).
  const inState = new Map<number, string | undefined>();
  const left = new Map<number, string>();
  let status = 'RUNNING';
  for (const event of events) {
    const previous = event.previousEventId;
    const current = previous === undefined ? undefined : inState.get(previous);
    let after = current;
    if (event.name !== undefined && event.type.endsWith('StateEntered')) {
      visit(event.name).entered++;
      const from = previous === undefined ? undefined : left.get(previous);
      if (from !== undefined) {
        const targets = transitions.get(from) ?? new Set<string>();
        targets.add(event.name);
        transitions.set(from, targets);
      }
      after = event.name;
    } else if (event.name !== undefined && event.type.endsWith('StateExited')) {
      visit(event.name).exited++;
      if (event.id !== undefined) left.set(event.id, event.name);
      after = undefined;
    } else if (event.type.endsWith('StateAborted') && current !== undefined) {
      visit(current).aborted++;
    }
    if (event.error !== undefined && current !== undefined) charge(current, event.error);
    const fail =
      event.type === 'FailStateEntered' && event.name !== undefined ? scopes?.get(event.name) : undefined;
    if (fail?.fail !== undefined && event.name !== undefined)
      failStates.push({
        state: event.name,
        error: failStateError(fail.fail, parsedInput(event.input)).error,
      });
    if (event.id !== undefined) inState.set(event.id, after);
    status = Object.hasOwn(END_STATUS, event.type) ? (END_STATUS[event.type] ?? status) : status;
  }
  for (const { state, error } of failStates) {
    if (error !== undefined) charge(state, error);
    // Outwards while the enclosing state failed with it (one that caught it, or retried into success, exited).
    for (let at = scopes?.get(state)?.parent; at !== undefined; at = scopes?.get(at)?.parent) {
      charge(at, error);
      if (visitStatus(states.get(at)) !== 'failed') break;
    }
  }
  return { status, states, transitions };
}

/** A Fail state's input, parsed (an unreadable or absent one is undefined: its `ErrorPath` then names nothing). */
function parsedInput(text: string | undefined): JsonValue | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** How a state's box is coloured: not reached, passed, passed after handling an error, or failed there. */
export type VisitStatus = 'unvisited' | 'visited' | 'handled' | 'failed';

/** A state failed when it was entered more often than it was left or aborted. */
export function visitStatus(visit: StateVisit | undefined): VisitStatus {
  if (visit === undefined || visit.entered === 0) return 'unvisited';
  if (visit.entered > visit.exited + visit.aborted) return 'failed';
  return visit.errors.length > 0 || visit.unnamedErrors > 0 ? 'handled' : 'visited';
}
