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

/** A new stop, stopped with its parent's reason when `parent` stops. */
export function stopController(parent?: Stop): StopController {
  let listeners: Set<() => void> | undefined;
  const stop = {
    aborted: false,
    reason: undefined as unknown,
    listen(listener: () => void): () => void {
      if (stop.aborted) {
        listener();
        return () => {};
      }
      listeners ??= new Set();
      listeners.add(listener);
      return () => listeners?.delete(listener);
    },
  };
  const abort = (reason: unknown): void => {
    if (stop.aborted) return;
    stop.aborted = true;
    stop.reason = reason;
    const pending = listeners;
    listeners = undefined;
    if (pending !== undefined) for (const listener of pending) listener();
  };
  const release = parent === undefined ? () => {} : parent.listen(() => abort(parent.reason));
  return { stop, abort, release };
}
