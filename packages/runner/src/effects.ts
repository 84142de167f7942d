import type { Effect, Snapshot } from './snapshot.js';

/*
 * A step's effects are gathered in a buffer the snapshot keeps, then handed to the driver as an array of their own,
 * sized exactly. A fresh growing array per step would allocate room for sixteen (a Task's step has two: the
 * previous call is over, the next one starts), the largest allocation of a Task.
 */

const NO_EFFECTS: readonly Effect[] = Object.freeze([]);

/** Leaves an effect for the driver. */
export function addEffect(snap: Snapshot, effect: Effect): void {
  snap.effects[snap.effectCount++] = effect;
}

/** The effects added since the last call, in order; the buffer is emptied. */
export function takeEffects(snap: Snapshot): readonly Effect[] {
  const count = snap.effectCount;
  if (count === 0) return NO_EFFECTS;
  const buffer = snap.effects;
  // A Task's step leaves two: an array literal is the cheapest copy of so few.
  const taken =
    count === 1
      ? [buffer[0] as Effect]
      : count === 2
        ? [buffer[0] as Effect, buffer[1] as Effect]
        : (buffer.slice(0, count) as Effect[]);
  // Let go of what was handed over (the buffer keeps its room).
  for (let i = 0; i < count; i++) buffer[i] = undefined;
  snap.effectCount = 0;
  return taken;
}
