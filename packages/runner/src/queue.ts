import type { Fiber, FiberStep, Snapshot } from './snapshot.js';

/* The ready queue: fibers linked through `nextReady`, so scheduling a fiber allocates nothing. */

/** Puts a fiber at the back of the ready queue with what its next turn does. */
export function schedule(fiber: Fiber, next: FiberStep): void {
  ready(fiber, next);
  const snap = fiber.snap;
  if (snap.lastReady === undefined) snap.firstReady = fiber;
  else snap.lastReady.nextReady = fiber;
  snap.lastReady = fiber;
}

/** Puts a fiber at the front of the ready queue: it runs next (a worker slot taking its next item, a yield). */
export function scheduleFirst(fiber: Fiber, next: FiberStep): void {
  ready(fiber, next);
  const snap = fiber.snap;
  fiber.nextReady = snap.firstReady;
  snap.firstReady = fiber;
  snap.lastReady ??= fiber;
}

function ready(fiber: Fiber, next: FiberStep): void {
  fiber.status = 'ready';
  fiber.wait = undefined;
  fiber.next = next;
  fiber.nextReady = undefined;
}

/** The next fiber to run, or undefined when none is ready (aborted fibers are skipped). */
export function takeReady(snap: Snapshot): Fiber | undefined {
  for (let fiber = snap.firstReady; fiber !== undefined; fiber = snap.firstReady) {
    snap.firstReady = fiber.nextReady;
    if (snap.firstReady === undefined) snap.lastReady = undefined;
    fiber.nextReady = undefined;
    if (fiber.status === 'ready') return fiber;
  }
  return undefined;
}
