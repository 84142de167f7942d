/**
 * A promise whose work starts the first time someone awaits it (calls `then`, `catch` or `finally`). The runner's
 * virtual clock moves only while its result is awaited: a wrapper must not await it before the test does.
 */
class LazyPromise<T> extends Promise<T> {
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }
  onAwait: (() => void) | undefined;
  // biome-ignore lint/suspicious/noThenProperty: overriding then is how the first await is noticed.
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

/** A promise of what `produce` gives, produced when first awaited. */
export function lazyPromise<T>(produce: () => Promise<T>): Promise<T> {
  let settle: { resolve: (value: T) => void; reject: (reason: unknown) => void } | undefined;
  const promise = new LazyPromise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  promise.onAwait = () => {
    produce().then(settle?.resolve, settle?.reject);
  };
  return promise;
}
