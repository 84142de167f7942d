import type { Stop } from './stop.js';

/**
 * Time for one execution. The virtual clock is a discrete-event queue ordered by (time, sequence): simulated time
 * jumps to the next timer as soon as the execution is idle (every fiber is waiting on a timer or a task token and no
 * handler work is in flight), so a one-year Wait takes microseconds and concurrent branches interleave the same way
 * on every run. The real clock uses `setTimeout`.
 */
export interface Clock {
  /** Current time, epoch milliseconds (simulated in virtual mode). */
  now(): number;
  /** Calls `fire` after `ms`; returns a function that cancels the timer. */
  setTimer(ms: number, fire: () => void): () => void;
  /**
   * Marks work in flight outside the interpreter (a handler, a yield to the event loop): virtual time does not
   * advance until the returned release function is called (calling it again does nothing).
   */
  hold(): () => void;
  /** Drops every pending timer (the execution is over). */
  dispose(): void;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
  cancelled: boolean;
}

/** A simulated clock starting at `start` (epoch ms). */
export function virtualClock(start: number): Clock {
  let now = start;
  let seq = 0;
  let external = 0;
  let pending: ReturnType<typeof setImmediate> | undefined;
  let disposed = false;
  const heap: Timer[] = [];

  const schedule = (): void => {
    if (pending !== undefined || disposed || external > 0 || heap.length === 0) return;
    // setImmediate runs after every pending microtask, i.e. once each fiber that can move has moved.
    pending = setImmediate(advance);
  };
  const advance = (): void => {
    pending = undefined;
    if (disposed || external > 0) return;
    const timer = heapPop(heap);
    if (timer === undefined) return;
    if (!timer.cancelled) {
      if (timer.at > now) now = timer.at;
      timer.fire();
    }
    schedule();
  };

  return {
    now: () => now,
    setTimer(ms, fire) {
      const timer: Timer = { at: now + Math.max(0, ms), seq: seq++, fire, cancelled: false };
      heapPush(heap, timer);
      schedule();
      return () => {
        timer.cancelled = true;
      };
    },
    hold() {
      external++;
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        external--;
        schedule();
      };
    },
    dispose() {
      disposed = true;
      heap.length = 0;
      // An execution that never waited still has its first check queued: drop it, or it would keep the whole
      // execution alive until the event loop next turns (callers running many executions in a row never let it).
      if (pending !== undefined) clearImmediate(pending);
      pending = undefined;
    },
  };
}

/** `setTimeout` fires at once for delays over 2^31 - 1 ms (about 24.8 days); longer timers re-arm in steps. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Wall-clock time; timers are real. */
export function realClock(): Clock {
  const live = new Set<() => void>();
  return {
    now: () => Date.now(),
    setTimer(ms, fire) {
      const due = Date.now() + Math.max(0, ms);
      let handle: ReturnType<typeof setTimeout>;
      const cancel = (): void => {
        clearTimeout(handle);
        live.delete(cancel);
      };
      const arm = (): void => {
        const left = due - Date.now();
        handle =
          left > MAX_TIMEOUT_MS
            ? setTimeout(arm, MAX_TIMEOUT_MS)
            : setTimeout(() => {
                live.delete(cancel);
                fire();
              }, left);
      };
      arm();
      live.add(cancel);
      return cancel;
    },
    hold: () => () => {},
    dispose() {
      for (const cancel of live) cancel();
    },
  };
}

/** Lets the event loop run (I/O, `abort()`, timers) without letting virtual time jump meanwhile. */
export async function yieldToEventLoop(clock: Clock): Promise<void> {
  const release = clock.hold();
  await new Promise((resolve) => setImmediate(resolve));
  release();
}

/** Resolves after `ms` on `clock`; rejects with `signal.reason` if the signal stops first. */
export function sleep(clock: Clock, ms: number, signal: Stop): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const cancel = clock.setTimer(ms, () => {
      unlisten();
      resolve();
    });
    const unlisten = signal.listen(() => {
      cancel();
      reject(signal.reason);
    });
  });
}

const before = (a: Timer, b: Timer): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

function heapPush(heap: Timer[], timer: Timer): void {
  heap.push(timer);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as Timer;
    if (!before(timer, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = timer;
}

function heapPop(heap: Timer[]): Timer | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const l = heap[left] as Timer;
    const r = heap[right];
    const child = r !== undefined && before(r, l) ? right : left;
    const c = heap[child] as Timer;
    if (!before(c, last)) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = last;
  return top;
}

let lastIsoTime = Number.NaN;
let lastIsoText = '';

/** `ms` as ISO 8601 text; the last answer is kept, as executions mostly start at the same (virtual) instant. */
export function isoTime(ms: number): string {
  if (ms !== lastIsoTime) {
    lastIsoText = new Date(ms).toISOString();
    lastIsoTime = ms;
  }
  return lastIsoText;
}

/** `now()` as ISO 8601 text, re-formatted only when the time moved (virtual time rarely does between states). */
export function isoStamper(now: () => number): () => string {
  let lastTime = Number.NaN;
  let lastStamp = '';
  return () => {
    const time = now();
    if (time !== lastTime) {
      lastTime = time;
      lastStamp = isoTime(time);
    }
    return lastStamp;
  };
}
