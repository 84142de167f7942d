import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { type HistoryEvent, historyOf } from './history.js';
import type { StateInspection } from './inspection.js';
import type { ExecutionResult, ExecutionStatus } from './types.js';

/**
 * One run as a file: what `stepcraft run --history FILE` writes and `stepcraft view FILE` reads. `events` has the
 * shape of `aws stepfunctions get-execution-history` output, so an AWS history reads the same way (with the
 * definition given separately).
 */
export interface RunRecord {
  readonly format: 'stepcraft.run/1';
  /** The state machine's name. */
  readonly workflow: string;
  /** The ASL that ran. */
  readonly definition: AslDocument;
  readonly input: JsonValue;
  readonly status: ExecutionStatus;
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
  readonly stats: { readonly transitions: number; readonly events: number; readonly durationMs: number };
  /** AWS history events (id, previousEventId, timestamp, type, `*EventDetails`). */
  readonly events: readonly HistoryEvent[];
  /** Per-state inspection data, when the run was made with `inspect: true`. */
  readonly inspections?: readonly StateInspection[];
}

/** What ran: the state machine's name, its definition and the execution's input. */
export interface RunSource {
  readonly workflow: string;
  readonly definition: AslDocument;
  readonly input: JsonValue;
}

/**
 * The run record of an execution result.
 * @example writeFileSync('run.json', JSON.stringify(toRunRecord(await run(workflow, input), { workflow: 'Orders', definition, input })))
 */
export function toRunRecord(result: ExecutionResult<unknown>, source: RunSource): RunRecord {
  return {
    ...head(result, source),
    events: result.history,
    ...(result.inspections === undefined ? {} : { inspections: result.inspections }),
  };
}

/**
 * The run record of an execution result as JSON text, in pieces: one per event, built as they are written (never
 * one giant string, and history events not read yet are never all in memory at once). Join them, or write them to a
 * stream one by one.
 */
export function* runRecordJson(result: ExecutionResult<unknown>, source: RunSource): Generator<string> {
  const fields = Object.entries(head(result, source));
  yield '{\n';
  for (const [key, value] of fields) yield `${JSON.stringify(key)}:${JSON.stringify(value)},\n`;
  yield '"events":[';
  let first = true;
  for (const event of historyOf(result)) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(event)}`;
    first = false;
  }
  yield '\n]';
  if (result.inspections !== undefined) {
    yield ',\n"inspections":[';
    let firstInspection = true;
    for (const inspection of result.inspections) {
      yield `${firstInspection ? '\n' : ',\n'}${JSON.stringify(inspection)}`;
      firstInspection = false;
    }
    yield '\n]';
  }
  yield '\n}\n';
}

/** The record's fields before its events, in order. */
function head(
  result: ExecutionResult<unknown>,
  source: RunSource,
): Omit<RunRecord, 'events' | 'inspections'> {
  return {
    format: 'stepcraft.run/1',
    workflow: source.workflow,
    definition: source.definition,
    input: source.input,
    status: result.status,
    // A result's output is JSON whatever its phantom type says (the runner only ever produces JSON).
    ...(result.status === 'SUCCEEDED' ? { output: result.output as JsonValue } : {}),
    ...(result.error === undefined ? {} : { error: result.error }),
    ...(result.cause === undefined ? {} : { cause: result.cause }),
    stats: {
      transitions: result.stats.transitions,
      events: result.stats.events,
      durationMs: result.stats.durationMs,
    },
  };
}
