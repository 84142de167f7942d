import type { AslState } from '@stepcraft/asl';
import type { StatesError } from './errors.js';
import type { Fiber, StateRun, Wait, Wake } from './snapshot.js';
import type { StateOutcome } from './state-outcome.js';

/** Returned by a state that now waits (its fiber's `wait` says on what). */
export const WAITING: unique symbol = Symbol('stepcraft.waiting');

/** How far a state got in one go: its outcome, or waiting. A failure is thrown (a `StatesError`, or anything). */
export type Progress = StateOutcome | typeof WAITING;

/**
 * What a state kind does, typed by its own ASL state. Synchronous where it can be (Pass, Choice and Succeed in
 * JSONPath return at once); a promise only while an expression or a schema is evaluated. A kind never touches the
 * outside world: it makes its fiber wait (`waitOn`) and leaves effects for the driver.
 */
export interface StateKind<TState extends AslState> {
  /** Runs the state; for Task, Parallel and Map, one attempt of it (again after each retry). */
  run(fiber: Fiber, run: StateRun, state: TState): Progress | Promise<Progress>;
  /** Goes on once what the state waited on happened. */
  wake?(fiber: Fiber, run: StateRun, state: TState, wake: Wake): Progress | Promise<Progress>;
  /** Stops what the state waits on when it is interrupted (a sibling failed, the execution ended). */
  abort?(fiber: Fiber, run: StateRun, state: TState): void;
  /** Runs once the state fails for good, before Catch (e.g. to write `MapStateFailed`). */
  gaveUp?(fiber: Fiber, run: StateRun, state: TState, failure: StatesError): void;
}

/** Makes `fiber` wait on `wait`; returns `WAITING` for the state to hand back. */
export function waitOn(fiber: Fiber, wait: Wait): typeof WAITING {
  fiber.status = 'waiting';
  fiber.wait = wait;
  return WAITING;
}
