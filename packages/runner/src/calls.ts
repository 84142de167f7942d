import type { JsonValue, TaskHandler } from '@stepcraft/asl';
import { attemptToken } from './context-object.js';
import { addEffect } from './effects.js';
import type { ResourceInfo } from './resources.js';
import type { Call, Fiber, StateRun, TaskSettings, TokenEntry } from './snapshot.js';
import { addTimer } from './timers.js';

/**
 * Starts a call: registers its token, arms its `TimeoutSeconds` and `HeartbeatSeconds` (counted from the start of
 * the task, as on AWS), and leaves it as the `call` effect for the driver. `settings` are a Task's (undefined for a
 * Map's ItemReader/ResultWriter); `handler` is undefined for a callback task without one (nothing is called, the
 * task waits for its token). A callback task's token is its attempt's.
 */
export function startCall(
  fiber: Fiber,
  run: StateRun,
  purpose: Call['purpose'],
  info: ResourceInfo,
  handler: TaskHandler | undefined,
  input: JsonValue,
  settings: TaskSettings | undefined,
): Call {
  const snap = fiber.snap;
  const token = purpose === 'task' && info.pattern === 'token' ? attemptToken(run) : undefined;
  const call: Call = {
    kind: 'call',
    id: snap.nextId++,
    fiber,
    run,
    purpose,
    info,
    handler,
    settings,
    token,
    phase: 'running',
    early: undefined,
    timeout: undefined,
    heartbeat: undefined,
    sleeps: undefined,
    input,
  };
  if (token !== undefined) snap.tokens.set(token, { state: run.name, call, ended: undefined });
  const timeout = settings?.timeout;
  if (timeout !== undefined)
    call.timeout = addTimer(snap.timers, snap.now + timeout * 1000, { kind: 'task', call, heartbeat: false });
  restartHeartbeat(call);
  snap.liveCalls++;
  if (handler !== undefined) addEffect(snap, call);
  return call;
}

/** (Re)arms a call's heartbeat timer (`SendTaskHeartbeat`, `context.heartbeat()`). */
export function restartHeartbeat(call: Call): void {
  const seconds = call.settings?.heartbeat;
  if (seconds === undefined || call.phase === 'over') return;
  if (call.heartbeat !== undefined) call.heartbeat.cancelled = true;
  const snap = call.fiber.snap;
  call.heartbeat = addTimer(snap.timers, snap.now + seconds * 1000, {
    kind: 'task',
    call,
    heartbeat: true,
  });
}

/** The task token a handler's `context.taskToken` shows ('' for an ItemReader/ResultWriter). */
export function taskTokenOf(call: Call): string {
  return attemptToken(call.run) ?? '';
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
