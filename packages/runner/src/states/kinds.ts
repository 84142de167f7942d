import type { AslState, StateType } from '@stepcraft/asl';
import type { StatesError } from '../errors.js';
import type { Progress, StateKind } from '../progress.js';
import type { Fiber, StateRun, Wake } from '../snapshot.js';
import { choiceKind } from './choice.js';
import { failKind } from './fail.js';
import { mapKind } from './map.js';
import { parallelKind } from './parallel.js';
import { passKind } from './pass.js';
import { succeedKind } from './succeed.js';
import { taskKind } from './task.js';
import { waitKind } from './wait.js';

/** The ASL state of each `Type`. */
type StateOf = { [K in StateType]: Extract<AslState, { readonly Type: K }> };

/** One kind per `Type`, each typed by its own state: a missing or mistyped kind does not compile. */
type Kinds = { readonly [K in StateType]: StateKind<StateOf[K]> };

/** What each state type does. */
export const STATE_KINDS: Kinds = {
  Pass: passKind,
  Task: taskKind,
  Choice: choiceKind,
  Wait: waitKind,
  Succeed: succeedKind,
  Fail: failKind,
  Parallel: parallelKind,
  Map: mapKind,
} satisfies Kinds;

// The dispatchers take the type and the state apart so TypeScript can correlate them: `STATE_KINDS[type]` then
// accepts exactly `StateOf[type]`, with no cast.

/** Runs (an attempt of) a state. */
export function runKind<K extends StateType>(
  type: K,
  fiber: Fiber,
  run: StateRun,
  state: StateOf[K],
): Progress | Promise<Progress> {
  return STATE_KINDS[type].run(fiber, run, state);
}

/** Resumes a state after what it waited on happened. */
export function wakeKind<K extends StateType>(
  type: K,
  fiber: Fiber,
  run: StateRun,
  state: StateOf[K],
  wake: Wake,
): Progress | Promise<Progress> {
  const kind: StateKind<StateOf[K]> = STATE_KINDS[type];
  if (kind.wake === undefined) throw new Error(`A ${type} state does not wait, yet '${run.name}' woke up.`);
  return kind.wake(fiber, run, state, wake);
}

/** Stops what an interrupted state waits on. */
export function abortKind<K extends StateType>(
  type: K,
  fiber: Fiber,
  run: StateRun,
  state: StateOf[K],
): void {
  STATE_KINDS[type].abort?.(fiber, run, state);
}

/** Lets a state record that it failed for good (before Catch). */
export function gaveUpKind<K extends StateType>(
  type: K,
  fiber: Fiber,
  run: StateRun,
  state: StateOf[K],
  failure: StatesError,
): void {
  STATE_KINDS[type].gaveUp?.(fiber, run, state, failure);
}
