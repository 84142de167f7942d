import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { addEffect } from './effects.js';
import type { StatesError } from './errors.js';
import { abortFiber, isFailure } from './fiber.js';
import { NOT_TRUNCATED } from './history.js';
import type { Snapshot } from './snapshot.js';

/** The top-level fiber ended: `ExecutionSucceeded` with its output, or `ExecutionFailed` with its failure. */
export function endExecution(snap: Snapshot, result: JsonValue | StatesError): void {
  if (snap.outcome !== undefined) return;
  const lane = snap.root ?? { lastEventId: 0 };
  const record = snap.settings.recordHistory;
  snap.closing = true;
  if (isFailure(result)) {
    const error = result.error === '' ? undefined : result.error;
    snap.history.emit(lane, 'ExecutionFailed', record ? errorDetails(error, result.cause) : undefined);
    snap.outcome = { status: 'FAILED', error, cause: result.cause };
  } else {
    snap.history.emit(
      lane,
      'ExecutionSucceeded',
      record ? () => ({ output: JSON.stringify(result), outputDetails: NOT_TRUNCATED }) : undefined,
    );
    snap.outcome = { status: 'SUCCEEDED', output: result };
  }
  addEffect(snap, { kind: 'finished' });
}

const END_EVENTS = { FAILED: 'ExecutionFailed', TIMED_OUT: 'ExecutionTimedOut', ABORTED: 'ExecutionAborted' };

/**
 * Stops the execution for its `termination` (a timeout, an abort, a limit, a stall): every running fiber is
 * interrupted innermost first (`<Type>StateAborted` events), then the execution's last event is written.
 */
export function terminate(snap: Snapshot): void {
  const termination = snap.termination;
  if (termination === undefined || snap.outcome !== undefined) return;
  snap.closing = true;
  const root = snap.root;
  if (root !== undefined) abortFiber(root);
  snap.history.emit(
    root ?? { lastEventId: 0 },
    END_EVENTS[termination.status],
    snap.settings.recordHistory ? errorDetails(termination.error, termination.cause) : undefined,
  );
  snap.outcome = { status: termination.status, error: termination.error, cause: termination.cause };
  addEffect(snap, { kind: 'finished' });
}

function errorDetails(error: string | undefined, cause: string | undefined): JsonObject {
  const details: JsonObject = {};
  if (error !== undefined && error !== '') details.error = error;
  if (cause !== undefined) details.cause = cause;
  return details;
}
