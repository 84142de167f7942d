import type { Fiber, FiberStep, Snapshot } from './snapshot.js';

/** Puts a fiber at the back of the ready queue with what its next turn does. */
export function schedule(fiber: Fiber, next: FiberStep): void {
  fiber.status = 'ready';
  fiber.wait = undefined;
  fiber.next = next;
  fiber.snap.ready.push(fiber);
}

/** Puts a fiber at the front of the ready queue: it runs next (a worker slot taking its next item, a yield). */
export function scheduleFirst(fiber: Fiber, next: FiberStep): void {
  const snap = fiber.snap;
  fiber.status = 'ready';
  fiber.wait = undefined;
  fiber.next = next;
  if (snap.readyHead > 0) snap.ready[--snap.readyHead] = fiber;
  else snap.ready.unshift(fiber);
}

/** The next fiber to run, or undefined when none is ready (the queue is then emptied in place). */
export function takeReady(snap: Snapshot): Fiber | undefined {
  while (snap.readyHead < snap.ready.length) {
    const fiber = snap.ready[snap.readyHead++] as Fiber;
    if (fiber.status === 'ready') return fiber;
  }
  snap.ready.length = 0;
  snap.readyHead = 0;
  return undefined;
}

/** Whether some fiber is ready to run. */
export function hasReady(snap: Snapshot): boolean {
  for (let i = snap.readyHead; i < snap.ready.length; i++) if (snap.ready[i]?.status === 'ready') return true;
  return false;
}
