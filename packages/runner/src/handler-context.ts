import type { TaskHandlerContext } from '@stepcraft/asl';
import type { CallRequest } from './snapshot.js';

/** What a running handler's context reaches in the driver. */
export interface CallControls {
  /** The handler's abort signal, created on first read (most handlers never read it). */
  signal(): AbortSignal;
  heartbeat(): void;
  sleep(seconds: number): Promise<void>;
  sendTaskSuccess(token: string, output: unknown): void;
  sendTaskFailure(token: string, error?: string, cause?: string): void;
}

const CONTROLS = Symbol('stepcraft.call');

/** `context.signal`: one getter for every context, finding its call through `CONTROLS`. */
const SIGNAL: PropertyDescriptor = {
  get(this: { [CONTROLS]: CallControls }): AbortSignal {
    return this[CONTROLS].signal();
  },
  enumerable: true,
  configurable: true,
};

/**
 * The context a handler receives: a plain object whose fields (the signal included) survive a spread, with AWS's
 * callback API (`sendTaskSuccess`, `sendTaskFailure`) and the task's own heartbeat and clock.
 */
export function handlerContext(request: CallRequest, controls: CallControls): TaskHandlerContext {
  const fields = withSignal(
    {
      stateName: request.stateName,
      resource: request.resource,
      taskToken: request.token,
      context: request.context,
      ...(request.credentials === undefined ? {} : { credentials: request.credentials }),
    },
    controls,
  );
  return Object.assign(fields, {
    heartbeat: () => controls.heartbeat(),
    sleep: (seconds: number) => controls.sleep(seconds),
    sendTaskSuccess: (token: string, output: unknown) => controls.sendTaskSuccess(token, output),
    sendTaskFailure: (token: string, error?: string, cause?: string) =>
      controls.sendTaskFailure(token, error, cause),
  });
}

/** Adds the shared `signal` getter (a getter in each literal would give each context its own hidden class). */
function withSignal<T extends object>(
  target: T,
  controls: CallControls,
): T & { readonly signal: AbortSignal } {
  Object.defineProperty(target, CONTROLS, { value: controls });
  Object.defineProperty(target, 'signal', SIGNAL);
  // defineProperty added the getter, which its signature cannot tell.
  return target as T & { readonly signal: AbortSignal };
}
