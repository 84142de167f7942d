import type { AslDocument } from '@stepcraft/asl';
import type { HistoryEvent } from '../history.js';

/** What a cost estimate reads of a run: `run()`'s result, or a run record (with its events and definition). */
export interface CostInput {
  readonly stats: { readonly transitions: number; readonly durationMs: number };
  /** The execution history (`run()`'s result). */
  readonly history?: readonly HistoryEvent[];
  /** The same, under the run record's name (AWS's `{ "events": [...] }`). */
  readonly events?: readonly HistoryEvent[];
  readonly definition?: AslDocument;
}

/** What one execution used, as AWS bills it. */
export interface RunUsage {
  /** States entered (every step, in branches and Map iterations too). */
  readonly statesEntered: number;
  /** Retried attempts of Task, Parallel and Map states: each one is billed as a transition. */
  readonly retries: number;
  /** Standard's billed state transitions: states entered plus retries. */
  readonly billedTransitions: number;
  readonly durationMs: number;
  /** The definition's size as JSON (Express memory). */
  readonly definitionBytes: number;
  /** The largest state input or output (Express memory: the execution data size). */
  readonly largestPayloadBytes: number;
  /** Map iterations and Parallel branches run (Express memory multiplies the data size by them). */
  readonly parallelSteps: number;
}

// The first event of each attempt of a Task, Parallel or Map state.
const ATTEMPTS = new Set([
  'TaskScheduled',
  'LambdaFunctionScheduled',
  'ActivityScheduled',
  'ParallelStateStarted',
  'MapStateStarted',
]);
const ATTEMPTING_STATES = new Set(['TaskStateEntered', 'ParallelStateEntered', 'MapStateEntered']);

/**
 * Measures a run from its history, so an AWS execution history measures the same way. Without events (a run with
 * `recordHistory: false`), the runner's own transition count (states plus retries) stands in.
 */
export function measureUsage(input: CostInput, definition: AslDocument | undefined): RunUsage {
  const events = input.history ?? input.events ?? [];
  const branches = definition === undefined ? new Map<string, number>() : parallelBranches(definition);
  let statesEntered = 0;
  let attempts = 0;
  let attempting = 0;
  let parallelSteps = 0;
  let largestPayloadBytes = 0;
  for (const event of events) {
    const type = event.type;
    if (type.endsWith('StateEntered')) {
      statesEntered++;
      if (ATTEMPTING_STATES.has(type)) attempting++;
      if (type === 'ParallelStateEntered') {
        parallelSteps += branches.get(String(event.stateEnteredEventDetails?.name)) ?? 0;
      }
    } else if (ATTEMPTS.has(type)) attempts++;
    else if (type === 'MapIterationStarted') parallelSteps++;
    largestPayloadBytes = Math.max(largestPayloadBytes, payloadBytes(event));
  }
  const retries = Math.max(0, attempts - attempting);
  const counted = events.length > 0;
  return {
    statesEntered: counted ? statesEntered : input.stats.transitions,
    retries: counted ? retries : 0,
    billedTransitions: counted ? statesEntered + retries : input.stats.transitions,
    durationMs: input.stats.durationMs,
    definitionBytes: definition === undefined ? 0 : Buffer.byteLength(JSON.stringify(definition), 'utf8'),
    largestPayloadBytes,
    parallelSteps,
  };
}

// A state input or output in the event's details (JSON text, as AWS records it).
function payloadBytes(event: HistoryEvent): number {
  const details =
    event.stateEnteredEventDetails ?? event.stateExitedEventDetails ?? event.executionStartedEventDetails;
  const text = details?.input ?? details?.output;
  return typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0;
}

// The number of branches of every Parallel state, by name (names are unique across a state machine).
function parallelBranches(definition: AslDocument): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, state] of statesOf(definition)) {
    if (Array.isArray(state.Branches)) out.set(name, state.Branches.length);
  }
  return out;
}

/** Every state of a definition with its name, branches and Map processors included. */
export function* statesOf(
  definition: AslDocument,
): Generator<readonly [string, { readonly [key: string]: unknown }]> {
  const pending: unknown[] = [definition];
  for (let machine = pending.pop(); machine !== undefined; machine = pending.pop()) {
    const states = isObject(machine) ? machine.States : undefined;
    if (!isObject(states)) continue;
    for (const [name, state] of Object.entries(states)) {
      if (!isObject(state)) continue;
      yield [name, state];
      if (Array.isArray(state.Branches)) pending.push(...state.Branches);
      pending.push(state.ItemProcessor, state.Iterator);
    }
  }
}

function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
