import type { JsonValue, TaskHandler } from '@stepcraft/asl';
import { attemptToken } from './context-object.js';
import { addEffect } from './effects.js';
import type { ResourceInfo } from './resources.js';
import type { Attempt, Call, Fiber, StateRun, TokenEntry } from './snapshot.js';
import { addTimer } from './timers.js';

/** What a state asks of the outside world: a handler call with its task's timers and token. */
export interface CallSpec {
  readonly purpose: Call['purpose'];
  readonly info: ResourceInfo;
  /** Undefined for a callback task without a handler: nothing is called, the task waits for its token. */
  readonly handler: TaskHandler | undefined;
  /** What the handler receives. */
  readonly input: JsonValue;
  readonly resource: string;
  /** The attempt whose `$$.Task.Token` the call answers to (undefined for an ItemReader/ResultWriter). */
  readonly attempt: Attempt | undefined;
  /** Whether `sendTask*` may answer the token (callback tasks and activities). */
  readonly answerable: boolean;
  readonly credentials: { readonly roleArn: string } | undefined;
  readonly timeoutMs: number | undefined;
  readonly heartbeatMs: number | undefined;
}

/**
 * Starts a call: registers its token, arms its `TimeoutSeconds` and `HeartbeatSeconds` (counted from the start of
 * the task, as on AWS), and leaves the `call` effect for the driver.
 */
export function startCall(fiber: Fiber, run: StateRun, spec: CallSpec): Call {
  const snap = fiber.snap;
  const call: Call = {
    id: snap.nextId++,
    fiber,
    run,
    purpose: spec.purpose,
    info: spec.info,
    token: spec.answerable && spec.attempt !== undefined ? attemptToken(spec.attempt) : undefined,
    handler: spec.handler,
    resource: spec.resource,
    credentials: spec.credentials,
    phase: 'running',
    early: undefined,
    timeout: undefined,
    heartbeat: undefined,
    heartbeatMs: spec.heartbeatMs,
    sleeps: undefined,
    input: spec.input,
  };
  if (call.token !== undefined) snap.tokens.set(call.token, { state: run.name, call, ended: undefined });
  if (spec.timeoutMs !== undefined)
    call.timeout = addTimer(snap.timers, snap.now + spec.timeoutMs, { kind: 'task', call, heartbeat: false });
  restartHeartbeat(call);
  snap.liveCalls++;
  if (spec.handler !== undefined) addEffect(snap, { kind: 'call', call });
  return call;
}

/** (Re)arms a call's heartbeat timer (`SendTaskHeartbeat`, `context.heartbeat()`). */
export function restartHeartbeat(call: Call): void {
  if (call.heartbeatMs === undefined || call.phase === 'over') return;
  if (call.heartbeat !== undefined) call.heartbeat.cancelled = true;
  const snap = call.fiber.snap;
  call.heartbeat = addTimer(snap.timers, snap.now + call.heartbeatMs, {
    kind: 'task',
    call,
    heartbeat: true,
  });
}

/** The task token a handler's `context.taskToken` shows ('' for an ItemReader/ResultWriter). */
export function taskTokenOf(call: Call): string {
  const attempt = call.run.attempt;
  return (attempt === undefined ? undefined : attemptToken(attempt)) ?? '';
}

/**
 * Ends a call: its timers stop, its token remembers how its task ended, and the driver aborts the handler's signal
 * and its pending sleeps.
 */
export function endCall(call: Call, ended: NonNullable<TokenEntry['ended']>): void {
  if (call.phase === 'over') return;
  call.phase = 'over';
  const snap = call.fiber.snap;
  if (call.timeout !== undefined) call.timeout.cancelled = true;
  if (call.heartbeat !== undefined) call.heartbeat.cancelled = true;
  if (call.sleeps !== undefined) for (const sleep of call.sleeps) sleep.cancelled = true;
  if (call.token !== undefined) {
    const entry = snap.tokens.get(call.token);
    if (entry !== undefined) {
      entry.call = undefined;
      entry.ended = ended;
    }
  }
  snap.liveCalls--;
  addEffect(snap, { kind: 'over', call });
}
