/**
 * The timers of one execution, ordered by (time, creation): a binary heap of plain records. Only the driver moves
 * time; the step function adds, cancels and fires timers, so equal deadlines fire in the order they were set.
 */
export interface TimerQueue<T> {
  readonly heap: Timer<T>[];
  seq: number;
}

/** A pending deadline and what it is for. */
export interface Timer<T> {
  /** Epoch milliseconds (virtual or real time). */
  readonly at: number;
  readonly seq: number;
  readonly target: T;
  cancelled: boolean;
}

/** An empty queue. */
export function timerQueue<T>(): TimerQueue<T> {
  return { heap: [], seq: 0 };
}

/** Adds a timer due at `at`. */
export function addTimer<T>(queue: TimerQueue<T>, at: number, target: T): Timer<T> {
  const timer: Timer<T> = { at, seq: queue.seq++, target, cancelled: false };
  const heap = queue.heap;
  heap.push(timer);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as Timer<T>;
    if (!before(timer, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = timer;
  return timer;
}

/** The earliest live timer, without removing it (cancelled ones are dropped on the way). */
export function nextTimer<T>(queue: TimerQueue<T>): Timer<T> | undefined {
  const heap = queue.heap;
  while (heap.length > 0 && (heap[0] as Timer<T>).cancelled) pop(heap);
  return heap[0];
}

/** Removes and returns the earliest live timer due at or before `now`. */
export function takeDueTimer<T>(queue: TimerQueue<T>, now: number): Timer<T> | undefined {
  const next = nextTimer(queue);
  if (next === undefined || next.at > now) return undefined;
  return pop(queue.heap);
}

const before = <T>(a: Timer<T>, b: Timer<T>): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

function pop<T>(heap: Timer<T>[]): Timer<T> | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const l = heap[left] as Timer<T>;
    const r = heap[right];
    const child = r !== undefined && before(r, l) ? right : left;
    const c = heap[child] as Timer<T>;
    if (!before(c, last)) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = last;
  return top;
}
