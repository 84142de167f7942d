/**
 * A promise that notices the first time someone awaits it (calls `then`, which `await`, `catch` and `finally` do):
 * the runner's virtual time may move only then, as in Temporal's time-skipping test environment.
 */
export class AwaitNoticingPromise<T> extends Promise<T> {
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }
  /** Called once, on the first `then`. */
  onAwait: (() => void) | undefined;
  // biome-ignore lint/suspicious/noThenProperty: overriding then is how an await is noticed (the whole point).
  override then<TResult1 = T, TResult2 = never>(
    onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    const onAwait = this.onAwait;
    this.onAwait = undefined;
    onAwait?.();
    return super.then(onfulfilled, onrejected);
  }
}

/**
 * A promise of what `produce` gives, produced when first awaited. Wrap an execution handle's `result` in it (e.g. to
 * map the result) without awaiting it early: awaiting it before the caller does would let virtual time run ahead.
 * @example const output = lazyPromise(async () => (await handle.result).output);
 */
export function lazyPromise<T>(produce: () => Promise<T>): Promise<T> {
  let settle: { resolve: (value: T) => void; reject: (reason: unknown) => void } | undefined;
  const promise = new AwaitNoticingPromise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  promise.onAwait = () => {
    produce().then(settle?.resolve, settle?.reject);
  };
  return promise;
}
