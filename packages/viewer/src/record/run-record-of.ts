import type { AslDocument, JsonValue } from '@stepcraft/asl';
import type { ExecutionResult } from '@stepcraft/runner';
import type { RunRecord, StateInspection } from './run-record.js';

/** What ran and how it went: everything a run record holds. */
export interface RunOf {
  /** The state machine's name. */
  readonly workflow: string;
  readonly definition: AslDocument;
  readonly input: JsonValue;
  /** `run()`'s result; its `inspections` are kept when the run recorded them. */
  readonly result: ExecutionResult & { readonly inspections?: readonly StateInspection[] };
}

/**
 * The run record of a finished `run()`: what `stepcraft run --history` writes and `stepcraft view` reads.
 * Undefined optional fields are left out, so the record is the same JSON however it was built.
 */
export function runRecordOf({ workflow, definition, input, result }: RunOf): RunRecord {
  const { transitions, events, durationMs } = result.stats;
  return {
    format: 'stepcraft.run/1',
    workflow,
    definition,
    input,
    status: result.status,
    ...(result.output === undefined ? {} : { output: result.output }),
    ...(result.error === undefined ? {} : { error: result.error }),
    ...(result.cause === undefined ? {} : { cause: result.cause }),
    stats: { transitions, events, durationMs },
    events: result.history,
    ...(result.inspections === undefined ? {} : { inspections: result.inspections }),
  };
}
