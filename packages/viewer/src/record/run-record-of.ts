import { type ExecutionResult, type RunSource, toRunRecord } from '@stepcraft/runner';
import type { RunRecord } from './run-record.js';

/** What ran and how it went: everything a run record holds. */
export interface RunOf extends RunSource {
  /** `run()`'s result; its `inspections` are kept when the run recorded them. */
  readonly result: ExecutionResult;
}

/**
 * The run record of a finished `run()`: what `stepcraft run --history` writes and `stepcraft view` reads (the
 * runner's `toRunRecord`). Undefined optional fields are left out, so the record is the same JSON however it was
 * built.
 */
export function runRecordOf({ workflow, definition, input, result }: RunOf): RunRecord {
  return toRunRecord(result, { workflow, definition, input });
}
