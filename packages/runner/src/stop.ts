/**
 * A light abort signal for fibers and calls. Node's `AbortSignal` is an EventTarget whose construction, listeners
 * and dispatch cost more than a short state; executions create one per branch, iteration and handler call. Only
 * a handler that reads `context.signal` gets a real `AbortSignal` (see `handlers.ts`).
 */
export interface Stop {
  readonly aborted: boolean;
  readonly reason: unknown;
  /** Calls `listener` once when stopped (at once if already stopped); returns a function that removes it. */
  listen(listener: () => void): () => void;
}

/** Owns a `Stop`: `abort` stops it (first reason wins); `release` detaches it from its parent. */
export interface StopController {
  readonly stop: Stop;
  abort(reason: unknown): void;
  release(): void;
}

/** A listener in a stop's list (a doubly linked list: removing one is O(1) and allocates nothing). */
interface Listening {
  readonly listener: () => void;
  prev: Listening | undefined;
  next: Listening | undefined;
}

/** A new stop, stopped with its parent's reason when `parent` stops. */
export function stopController(parent?: Stop): StopController {
  let head: Listening | undefined;
  let tail: Listening | undefined;
  const remove = (node: Listening): void => {
    // Once stopped the list is detached and being run: nothing to unlink.
    if (stop.aborted || (node.prev === undefined && head !== node)) return;
    if (node.prev === undefined) head = node.next;
    else node.prev.next = node.next;
    if (node.next === undefined) tail = node.prev;
    else node.next.prev = node.prev;
    node.prev = undefined;
    node.next = undefined;
  };
  const stop = {
    aborted: false,
    reason: undefined as unknown,
    listen(listener: () => void): () => void {
      if (stop.aborted) {
        listener();
        return () => {};
      }
      const node: Listening = { listener, prev: tail, next: undefined };
      if (tail === undefined) head = node;
      else tail.next = node;
      tail = node;
      return () => remove(node);
    },
  };
  const abort = (reason: unknown): void => {
    if (stop.aborted) return;
    stop.aborted = true;
    stop.reason = reason;
    let node = head;
    head = undefined;
    tail = undefined;
    while (node !== undefined) {
      const next = node.next;
      node.listener();
      node = next;
    }
  };
  const release = parent === undefined ? () => {} : parent.listen(() => abort(parent.reason));
  return { stop, abort, release };
}
