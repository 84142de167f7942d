import type { Snapshot } from './snapshot.js';

/** Thrown through a turn to stop the execution at once (a limit, a contract, a missing handler): never caught by a state. */
export const TERMINATED: unique symbol = Symbol('stepcraft.terminated');

/** Fails the execution at once, uncatchably: the first termination wins. */
export function fatal(snap: Snapshot, error: string, cause: string): never {
  snap.termination ??= { status: 'FAILED', error, cause };
  throw TERMINATED;
}
