/**
 * `aws-local-stepfunctions` 3 declares Node ≥ 22 and calls `Promise.withResolvers` (Node 22) in Task states;
 * on Node 20 we supply it. Only the peer benchmark imports this.
 */
export function polyfillWithResolvers(): void {
  const promise = Promise as unknown as { withResolvers?: () => unknown };
  if (typeof promise.withResolvers === 'function') return;
  promise.withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const p = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: p, resolve, reject };
  };
}
