import type { Snapshot } from './snapshot.js';
import { nextTimer } from './timers.js';

/** What the driver knows that the snapshot does not: who is waiting for the execution, and for what. */
export interface Waiters {
  /** Virtual time (the default), or the wall clock. */
  readonly virtual: boolean;
  /** The caller awaits the result, or a `waitForTaskToken` runs the execution until a token is offered. */
  readonly awaited: boolean;
  /** An `advance()` moves time up to here. */
  readonly advanceTo: number | undefined;
  /** Some handler is still working within its real-time grace (not sleeping on the execution's clock). */
  readonly holding: boolean;
}

/** What the driver does when nothing can run and no event is queued. */
export type Move =
  /** Move time to `at` (or keep it) and fire the timer due then. */
  | { readonly kind: 'fire'; readonly at: number }
  /** `advance()` reached its target with no timer on the way. */
  | { readonly kind: 'arrive'; readonly at: number }
  /** Only the outside world could move the execution on, and the caller is waiting: end with `Stepcraft.Stalled`. */
  | { readonly kind: 'stall' }
  /** Wait for the outside world: a handler, a token, an await, `advance()`, or (real clock) the next timer. */
  | { readonly kind: 'wait' };

// The moves without data, shared (the driver asks after every step).
const WAIT: Move = Object.freeze({ kind: 'wait' });
const STALL: Move = Object.freeze({ kind: 'stall' });

/**
 * The time policy, as a pure decision. A timer already due always fires. Otherwise virtual time moves only while the
 * caller awaits the execution (its result, `waitForTaskToken`, `advance`) and no handler holds it; it jumps to the
 * next timer, so a fiber waiting on a token or a handler past its grace blocks time only up to its own timers
 * (HeartbeatSeconds, TimeoutSeconds, the execution's timeout). AWS's implicit one-year limit is not waited out for
 * a token or a handler that nothing will answer: that is a stall, named, instead of a run that ends a year later.
 */
export function nextMove(snap: Snapshot, waiters: Waiters): Move {
  const next = nextTimer(snap.timers);
  if (next !== undefined && next.at <= snap.now) return { kind: 'fire', at: snap.now };
  if (!waiters.virtual || waiters.holding) return WAIT;
  if (waiters.advanceTo !== undefined) {
    return next !== undefined && next.at <= waiters.advanceTo
      ? { kind: 'fire', at: next.at }
      : { kind: 'arrive', at: waiters.advanceTo };
  }
  if (!waiters.awaited) return WAIT;
  if (next === undefined) return STALL;
  if (next.target.kind === 'execution' && next.target.implicit && snap.liveCalls > 0) return STALL;
  return { kind: 'fire', at: next.at };
}
