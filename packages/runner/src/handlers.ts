import type { JsonObject, JsonValue, TaskHandler, TaskHandlerContext } from '@stepcraft/asl';
import { type Clock, sleep } from './clock.js';
import { RunnerUsageError, StatesError } from './errors.js';
import type { Execution } from './execution.js';
import { isJsonObject, ownField } from './io/json.js';
import { cloneJson, copyJson } from './json-value.js';
import { randomUuid } from './random.js';
import type { ResourceInfo } from './resources.js';
import { type Stop, type StopController, stopController } from './stop.js';

/** Keys of resources whose keys do not depend on the parameters (most of them), built once. */
const fixedKeys = new WeakMap<ResourceInfo, readonly string[]>();

/** The keys a Task's handler is looked up by, most specific first (after the state name). */
export function resourceKeys(resource: string, info: ResourceInfo, parameters: JsonValue): readonly string[] {
  const fixed = !info.lambdaInvoke && info.resourceType !== 'sqs' && info.resourceType !== 'sns';
  const known = fixed ? fixedKeys.get(info) : undefined;
  if (known !== undefined && known[known.length - 1] === resource) return known;
  const keys: string[] = [];
  const param = (name: string): string | undefined => {
    const value = isJsonObject(parameters) ? ownField(parameters, name) : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  if (info.lambdaInvoke) {
    const fn = param('FunctionName');
    if (fn !== undefined) {
      keys.push(fn);
      const parts = fn.split(':');
      if (parts[0] === 'arn' && parts[5] === 'function' && parts[6] !== undefined) keys.push(parts[6]);
    }
  }
  if (info.functionName !== undefined) keys.push(info.functionName);
  if (info.resourceType === 'sqs') {
    const queue = param('QueueUrl');
    if (queue !== undefined) keys.push(queue);
  }
  if (info.resourceType === 'sns') {
    const topic = param('TopicArn');
    if (topic !== undefined) keys.push(topic);
  }
  if (info.sdkKey !== undefined) keys.push(info.sdkKey);
  keys.push(resource);
  if (fixed) fixedKeys.set(info, Object.freeze(keys));
  return keys;
}

/** Finds the handler: per-state option → per-resource option → the compiled workflow's (by state, then resource). */
export function resolveHandler(
  exec: Execution,
  stateName: string,
  keys: readonly string[],
): TaskHandler | undefined {
  return (
    handlerIn(exec.settings.handlers, stateName, keys) ?? handlerIn(exec.workflowHandlers, stateName, keys)
  );
}

function handlerIn(
  table: Readonly<Record<string, TaskHandler>> | undefined,
  stateName: string,
  keys: readonly string[],
): TaskHandler | undefined {
  if (table === undefined) return undefined;
  const found = pick(table, stateName);
  if (found !== undefined) return found;
  for (const key of keys) {
    const byKey = pick(table, key);
    if (byKey !== undefined) return byKey;
  }
  return undefined;
}

const pick = (table: Readonly<Record<string, TaskHandler>>, key: string): TaskHandler | undefined =>
  Object.hasOwn(table, key) && typeof table[key] === 'function' ? table[key] : undefined;

/** The abort reason a handler's signal and sleeps see once its task is over. */
const TASK_OVER = new Error('The task is over.');

/** How a handler call ended. */
export type Invocation =
  | { readonly kind: 'result'; readonly value: JsonValue }
  | {
      readonly kind: 'failure';
      readonly error: string;
      readonly cause: string | undefined;
      readonly timeout?: 'task' | 'heartbeat';
    }
  | { readonly kind: 'interrupt' };

/** Everything `invoke` needs about the call. */
export interface InvokeRequest {
  readonly exec: Execution;
  readonly handler: TaskHandler;
  readonly input: JsonValue;
  readonly stateName: string;
  readonly resource: string;
  readonly info: ResourceInfo;
  readonly token: string;
  readonly context: JsonValue;
  readonly credentials?: { readonly roleArn: string } | undefined;
  readonly signal: Stop;
  readonly timeoutMs: number | undefined;
  readonly heartbeatMs: number | undefined;
  /**
   * `.waitForTaskToken`: called with the handler's return value, then the task waits for its token. `.sync`: called
   * with the handler's return value (AWS's first answer, TaskSubmitted), which is then also the task's result.
   */
  readonly onSubmitted: ((output: JsonValue) => void) | undefined;
}

const INTERRUPTED: Invocation = Object.freeze({ kind: 'interrupt' });
const TASK_TIMEOUT: Invocation = Object.freeze({
  kind: 'failure',
  error: 'States.Timeout',
  cause: undefined,
  timeout: 'task',
});
const HEARTBEAT_TIMEOUT: Invocation = Object.freeze({
  kind: 'failure',
  error: 'States.Timeout',
  cause: undefined,
  timeout: 'heartbeat',
});
const NOOP = (): void => {};

/** What the handler context's `signal` getter needs of its call. */
interface Call {
  done: boolean;
  /** Created when the handler first reads `context.signal`: most handlers never do. */
  signal: AbortController | undefined;
}

const CALL = Symbol('stepcraft.call');

/** `context.signal`: one getter for every context, finding its call through `CALL`. */
const SIGNAL: PropertyDescriptor = {
  get(this: { [CALL]: Call }): AbortSignal {
    const call = this[CALL];
    if (call.signal === undefined) {
      call.signal = new AbortController();
      if (call.done) call.signal.abort(TASK_OVER);
    }
    return call.signal.signal;
  },
  enumerable: true,
  configurable: true,
};

/**
 * Calls a handler under the task's timeout, heartbeat and abort signal. Callback tasks (`.waitForTaskToken`) finish
 * through `sendTaskSuccess/Failure`; activities and the others finish with the handler's return value. Virtual time
 * is held while the handler's promise is pending, except while it sleeps on the execution clock. Timers, the token
 * waiter and the abort listener are set up only when the task needs them (most calls are plain request-response).
 */
export function invoke(request: InvokeRequest): Promise<Invocation> {
  const { exec, info, signal } = request;
  if (signal.aborted) return Promise.resolve(INTERRUPTED);
  const clock: Clock = exec.clock;
  const callback = info.pattern === 'token';
  const heartbeatMs = request.heartbeatMs;
  let resolve: (outcome: Invocation) => void = NOOP;
  const promise = new Promise<Invocation>((r) => {
    resolve = r;
  });
  const call: Call = { done: false, signal: undefined };
  // Each is set only once the call needs it.
  let unlisten: (() => void) | undefined;
  let cancelTimeout: (() => void) | undefined;
  let cancelHeartbeat: (() => void) | undefined;
  let release: (() => void) | undefined;
  let callStop: StopController | undefined;
  const stopHolding = (): void => {
    release?.();
    release = undefined;
  };
  const finish = (outcome: Invocation): void => {
    if (call.done) return;
    call.done = true;
    unlisten?.();
    cancelTimeout?.();
    cancelHeartbeat?.();
    stopHolding();
    if (callback) exec.tokens.delete(request.token);
    callStop?.abort(TASK_OVER);
    call.signal?.abort(TASK_OVER);
    resolve(outcome);
  };
  const interrupt = (): void => finish(INTERRUPTED);
  const timed = callback || request.timeoutMs !== undefined || heartbeatMs !== undefined;
  if (timed) unlisten = signal.listen(interrupt);
  if (request.timeoutMs !== undefined)
    cancelTimeout = clock.setTimer(request.timeoutMs, () => finish(TASK_TIMEOUT));
  const heartbeat =
    heartbeatMs === undefined
      ? NOOP
      : (): void => {
          if (call.done) return;
          cancelHeartbeat?.();
          cancelHeartbeat = clock.setTimer(heartbeatMs, () => finish(HEARTBEAT_TIMEOUT));
        };
  heartbeat();

  // A callback answered before its handler returned completes right after TaskSubmitted, as on AWS.
  let submitted = false;
  let early: Invocation | undefined;
  if (callback) {
    const answer = (outcome: Invocation): void => {
      if (submitted || info.kind === 'activity') finish(outcome);
      else early ??= outcome;
    };
    exec.tokens.set(request.token, {
      succeed: (output) => {
        const copied = copyJson(output === undefined ? null : output);
        answer(
          copied.ok
            ? { kind: 'result', value: copied.value }
            : {
                kind: 'failure',
                error: 'Stepcraft.InvalidTaskResult',
                cause: `The callback output is not JSON: ${copied.message}`,
              },
        );
      },
      fail: (error, cause) => answer({ kind: 'failure', error: error ?? '', cause }),
      heartbeat,
    });
  }

  // Virtual time stays put while the handler works, except while it sleeps on the execution clock. Its synchronous
  // part cannot let time move, so the hold starts when it returns.
  let settled = false;
  let sleeping = 0;
  const context = {
    stateName: request.stateName,
    resource: request.resource,
    taskToken: request.token,
    context: request.context,
  } as Record<string | symbol, unknown>;
  if (request.credentials !== undefined) context.credentials = request.credentials;
  // A getter shared by every call (a getter in the literal would give each context its own hidden class).
  context[CALL] = call;
  Object.defineProperty(context, 'signal', SIGNAL);
  context.heartbeat = heartbeat;
  context.sleep = async (seconds: number): Promise<void> => {
    if (callStop === undefined) {
      callStop = stopController();
      if (call.done) callStop.abort(TASK_OVER);
    }
    if (sleeping++ === 0) stopHolding();
    try {
      await sleep(clock, Math.max(0, seconds) * 1000, callStop.stop);
    } finally {
      if (--sleeping === 0 && !settled && !call.done) release = clock.hold();
    }
  };
  context.sendTaskSuccess = (token: string, output: unknown) => sendTaskSuccess(exec, token, output);
  context.sendTaskFailure = (token: string, error?: string, cause?: string) =>
    sendTaskFailure(exec, token, error, cause);

  let returned: unknown;
  try {
    // A handler gets its own copy: states share immutable sub-trees, so a mutating handler must not reach them.
    returned = request.handler(cloneJson(request.input), context as unknown as TaskHandlerContext);
  } catch (thrown) {
    settled = true;
    if (signal.aborted) interrupt();
    else finish(failureOf(thrown, info, exec.random));
    return promise;
  }
  if (signal.aborted) {
    interrupt();
    return promise;
  }
  if (!call.done) {
    if (!timed) unlisten = signal.listen(interrupt);
    if (sleeping === 0) release = clock.hold();
  }
  Promise.resolve(returned).then(
    (value) => {
      settled = true;
      stopHolding();
      if (call.done) return;
      const copied = copyJson(value === undefined ? null : value);
      if (!copied.ok) {
        return finish({
          kind: 'failure',
          error: 'Stepcraft.InvalidTaskResult',
          cause: `The handler of Task state "${request.stateName}" returned a value that is not JSON: ${copied.message}`,
        });
      }
      if (callback && info.kind !== 'activity') {
        submitted = true;
        request.onSubmitted?.(copied.value);
        if (early !== undefined) finish(early);
      } else {
        if (info.pattern === 'sync') request.onSubmitted?.(copied.value);
        finish({ kind: 'result', value: copied.value });
      }
    },
    (thrown: unknown) => {
      settled = true;
      finish(failureOf(thrown, info, exec.random));
    },
  );
  return promise;
}

/** Completes a pending callback task; unknown or finished tokens are a usage error (AWS: TaskDoesNotExist). */
export function sendTaskSuccess(exec: Execution, token: string, output: unknown): void {
  waiterOf(exec, token).succeed(output);
}

/** Fails a pending callback task with exactly `error` and `cause`. */
export function sendTaskFailure(exec: Execution, token: string, error?: string, cause?: string): void {
  waiterOf(exec, token).fail(error, cause);
}

/** Resets a pending task's heartbeat timer. */
export function sendTaskHeartbeat(exec: Execution, token: string): void {
  waiterOf(exec, token).heartbeat();
}

function waiterOf(exec: Execution, token: string) {
  const waiter = exec.tokens.get(token);
  if (waiter === undefined) {
    throw new RunnerUsageError(
      `No task is waiting for the token '${token}' (it finished, timed out, or never existed).`,
    );
  }
  return waiter;
}

/**
 * The task error for a thrown value. A `StatesError` keeps its error and cause. Other errors use their `name`;
 * for Lambda resources the cause is Lambda's JSON error document (`errorMessage`, `errorType`, `requestId`,
 * `stackTrace` — left empty so runs stay byte-for-byte reproducible), for others the plain message.
 */
export function failureOf(thrown: unknown, info: ResourceInfo, random: () => number): Invocation {
  if (
    thrown instanceof StatesError ||
    (thrown instanceof Error && thrown.name === 'StatesError' && 'error' in thrown)
  ) {
    const e = thrown as StatesError;
    return { kind: 'failure', error: e.error, cause: e.cause };
  }
  const error = thrown instanceof Error ? thrown.name || 'Error' : 'Error';
  const message =
    thrown instanceof Error ? thrown.message : typeof thrown === 'string' ? thrown : safeText(thrown);
  const lambda = info.kind === 'lambda' || info.lambdaInvoke;
  const cause = lambda
    ? JSON.stringify({
        errorMessage: message,
        errorType: error,
        requestId: randomUuid(random),
        stackTrace: [],
      })
    : message;
  return { kind: 'failure', error, cause };
}

function safeText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The `lambda:invoke` result: AWS's Invoke API response around the function's return value. */
export function lambdaEnvelope(payload: JsonValue, requestId: string, now: number): JsonObject {
  const date = new Date(now).toUTCString();
  const length = String(Buffer.byteLength(JSON.stringify(payload), 'utf8'));
  const headers: JsonObject = {
    Connection: 'keep-alive',
    'Content-Length': length,
    'Content-Type': 'application/json',
    Date: date,
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-Remapped-Content-Length': '0',
    'x-amzn-RequestId': requestId,
  };
  const all: JsonObject = {};
  for (const [k, v] of Object.entries(headers)) all[k] = [v];
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: { AllHttpHeaders: all, HttpHeaders: headers, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}
