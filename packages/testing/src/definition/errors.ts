import type { AslState, Catcher, Retrier } from '@stepcraft/asl';

/**
 * Whether an `ErrorEquals` list matches an error, by AWS's rules: the exact name, `States.ALL` for anything,
 * `States.TaskFailed` for anything but `States.Timeout`; `States.Runtime` is never retried or caught. A history
 * cannot tell a heartbeat timeout from a task timeout (both are `States.Timeout`), so `States.HeartbeatTimeout`
 * matches `States.Timeout` when the state has a heartbeat.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export function errorMatches(errorEquals: readonly string[], error: string, hasHeartbeat: boolean): boolean {
  if (error === 'States.Runtime') return false;
  for (const name of errorEquals) {
    if (name === error || name === 'States.ALL') return true;
    if (name === 'States.TaskFailed' && error !== 'States.Timeout') return true;
    if (name === 'States.HeartbeatTimeout' && error === 'States.Timeout' && hasHeartbeat) return true;
  }
  return false;
}

function hasHeartbeat(state: AslState): boolean {
  return (
    state.Type === 'Task' &&
    (state.HeartbeatSeconds !== undefined || state.HeartbeatSecondsPath !== undefined)
  );
}

function errorHandlers<T extends Retrier | Catcher>(state: AslState, field: 'Retry' | 'Catch'): readonly T[] {
  if (state.Type !== 'Task' && state.Type !== 'Map' && state.Type !== 'Parallel') return [];
  const list = state[field];
  return Array.isArray(list) ? (list as readonly T[]) : [];
}

/** The index of the retrier that handles `error` (the first that matches), or -1. */
export function retrierFor(state: AslState, error: string): number {
  const heartbeat = hasHeartbeat(state);
  return errorHandlers<Retrier>(state, 'Retry').findIndex(
    (r) => Array.isArray(r.ErrorEquals) && errorMatches(r.ErrorEquals, error, heartbeat),
  );
}

/**
 * The index of the catcher that took `error` to `next` (the first that matches; with `next` known, the first
 * matching one that goes there), or -1.
 */
export function catcherFor(state: AslState, error: string, next: string | undefined): number {
  const heartbeat = hasHeartbeat(state);
  const catchers = errorHandlers<Catcher>(state, 'Catch');
  const matching = catchers
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => Array.isArray(c.ErrorEquals) && errorMatches(c.ErrorEquals, error, heartbeat));
  return (matching.find(({ c }) => next === undefined || c.Next === next) ?? matching[0])?.i ?? -1;
}

/** The retriers of a state (none for the states that cannot have any). */
export function retriersOf(state: AslState): readonly Retrier[] {
  return errorHandlers<Retrier>(state, 'Retry');
}

/** The catchers of a state (none for the states that cannot have any). */
export function catchersOf(state: AslState): readonly Catcher[] {
  return errorHandlers<Catcher>(state, 'Catch');
}
