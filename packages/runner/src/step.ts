import type { AslDocument, Contracts, Handlers, JsonValue } from '@stepcraft/asl';
import { endCall, restartHeartbeat } from './calls.js';
import { executionContext } from './context-object.js';
import { addEffect, takeEffects } from './effects.js';
import { terminate } from './execution-end.js';
import { turn } from './fiber.js';
import { historyRecorder, NOT_TRUNCATED } from './history.js';
import { isoStamper } from './iso-time.js';
import { describeThrown } from './json-value.js';
import { schedule, takeReady } from './queue.js';
import { deferredUuid, seededRandom } from './random.js';
import type {
  Call,
  Fiber,
  FiberStep,
  Settings,
  Snapshot,
  StepEvent,
  StepResult,
  Termination,
  TimerTarget,
  Wake,
} from './snapshot.js';
import { stopController } from './stop.js';
import { TERMINATED } from './termination.js';
import { addTimer, takeDueTimer, timerQueue } from './timers.js';
import { variableScope } from './variables.js';

const YEAR_SECONDS = 366 * 24 * 3600;
/** What a fired timer schedules: a retry after its backoff, or the wake of a Wait state (shared, frozen). */
const RETRY: FiberStep = Object.freeze({ kind: 'retry' });
const TIMER: FiberStep = Object.freeze({ kind: 'timer' });
const EXPRESS_SECONDS = 5 * 60;

/** What an execution is started with. */
export interface SnapshotSpec {
  readonly definition: AslDocument;
  readonly settings: Settings;
  readonly startMs: number;
  readonly seed: number;
  readonly machineName: string;
  readonly executionName: string | undefined;
  readonly input: JsonValue;
  readonly handlers: Handlers | undefined;
  readonly contracts: Contracts | undefined;
}

/** The snapshot of an execution about to start (XState's `initialTransition`, without the first step). */
export function createSnapshot(spec: SnapshotSpec): Snapshot {
  const { settings } = spec;
  const random = seededRandom(spec.seed);
  const given = spec.executionName;
  const executionName = given === undefined ? deferredUuid(random) : () => given;
  const clock = () => snap.now;
  const stamp = isoStamper(clock);
  const snap: Snapshot = {
    definition: spec.definition,
    settings,
    startMs: spec.startMs,
    now: spec.startMs,
    clock,
    stamp,
    history: historyRecorder({
      record: settings.recordHistory,
      stamp,
      accept: (count) => {
        if (snap.closing || count <= settings.maxHistoryEvents) return true;
        snap.termination ??= {
          status: 'FAILED',
          error: 'Stepcraft.HistoryLimitExceeded',
          cause: `The execution history reached ${settings.maxHistoryEvents} events, the limit of a Standard workflow execution. Split the work (e.g. child executions or a Distributed Map) or raise maxHistoryEvents.`,
        };
        return false;
      },
    }),
    random,
    workflowHandlers: spec.handlers,
    contracts: spec.contracts,
    violations: [],
    queryLanguage: spec.definition?.QueryLanguage ?? 'JSONPath',
    machineName: spec.machineName,
    executionName,
    input: spec.input,
    contextExecution: undefined,
    contextStateMachine: undefined,
    entryContexts: undefined,
    transitions: 0,
    nextId: 1,
    firstReady: undefined,
    lastReady: undefined,
    timers: timerQueue<TimerTarget>(),
    tokens: new Map(),
    liveCalls: 0,
    root: undefined,
    inspections: settings.inspect ? [] : undefined,
    termination: undefined,
    interrupt: stopController(),
    outcome: undefined,
    effects: [],
    effectCount: 0,
    handBack: false,
    closing: false,
  };
  return snap;
}

/**
 * The runner's core, XState's `transition()` for workflows: applies one event to the snapshot, runs every fiber
 * that can run until each waits, ends or hands control back, and returns the effects for the driver (call a
 * handler, abort a call, wake a handler's sleep, offer a task token, the end). It touches nothing outside the
 * snapshot: no clock (time is `snapshot.now`, moved by the driver), no handler, no timer; the same events give the
 * same snapshot. The snapshot is updated in place (copying a long history on every event would defeat the point),
 * so it is handed over: the caller keeps using the one returned. Synchronous unless a JSONata expression or a schema
 * is evaluated on the way.
 */
export function step(snap: Snapshot, event: StepEvent): StepResult | Promise<StepResult> {
  takeEffects(snap);
  snap.handBack = false;
  let pending: void | Promise<void>;
  try {
    apply(snap, event);
    pending = drain(snap);
  } catch (thrown) {
    stopped(snap, thrown);
    return done(snap);
  }
  if (pending === undefined) return done(snap);
  return pending.then(
    () => done(snap),
    (thrown: unknown) => {
      stopped(snap, thrown);
      return done(snap);
    },
  );
}

/**
 * Ends the execution while a step is in flight (an abort that cannot wait for the step to end): the step stops at
 * its next safe point, or at once inside a JSONata evaluation, and ends the execution as `termination` says.
 * Outside a step, the `abort` event does the same.
 */
export function interrupt(snap: Snapshot, termination: Termination): void {
  if (snap.outcome !== undefined) return;
  snap.termination ??= termination;
  snap.interrupt.abort(TERMINATED);
}

/** Runs ready fibers, in order, until none is ready, the execution ends, or a fiber hands control back. */
function drain(snap: Snapshot): void | Promise<void> {
  for (;;) {
    if (snap.termination !== undefined || snap.outcome !== undefined || snap.handBack) return;
    const fiber = takeReady(snap);
    if (fiber === undefined) return;
    const pending = turn(fiber);
    if (pending instanceof Promise) return pending.then(() => drain(snap));
  }
}

/** Anything but the termination signal escaping a turn is a bug of the runner: the run still ends with a result. */
function stopped(snap: Snapshot, thrown: unknown): void {
  if (thrown !== TERMINATED)
    snap.termination ??= {
      status: 'FAILED',
      error: 'Stepcraft.InternalError',
      cause: describeThrown(thrown),
    };
}

function done(snap: Snapshot): StepResult {
  if (snap.termination !== undefined && snap.outcome === undefined) terminate(snap);
  return { snapshot: snap, effects: takeEffects(snap) };
}

function apply(snap: Snapshot, event: StepEvent): void {
  switch (event.type) {
    case 'start':
      begin(snap, event.input);
      return;
    case 'continue':
      return;
    case 'settled': {
      const call = event.call;
      // The event is the fiber's wake as it is (one object per handler call, not two).
      if (call.phase === 'running') wakeFiber(call.fiber, event);
      return;
    }
    case 'answer': {
      const call = snap.tokens.get(event.token)?.call;
      if (call === undefined) return;
      // An activity's worker answers while it runs; a callback answered before its handler returned completes
      // right after TaskSubmitted, as on AWS.
      if (call.phase === 'waiting' || call.info.kind === 'activity')
        wakeFiber(call.fiber, { kind: 'answered', call, answer: event.answer });
      else call.early ??= event.answer;
      return;
    }
    case 'heartbeat':
      restartHeartbeat(event.call);
      return;
    case 'sleep': {
      const call = event.call;
      if (call.phase === 'over') return;
      const timer = addTimer(snap.timers, snap.now + event.ms, { kind: 'sleep', call, sleep: event.sleep });
      if (call.sleeps === undefined) call.sleeps = [timer];
      else call.sleeps.push(timer);
      return;
    }
    case 'time':
      if (event.now > snap.now) snap.now = event.now;
      fire(snap);
      return;
    case 'abort':
      snap.termination ??= { status: 'ABORTED', error: event.error, cause: event.cause };
      return;
    case 'stall':
      snap.termination ??= stalled(snap, event.graceMs);
      return;
  }
}

/** Starts the execution: `ExecutionStarted`, the execution's timeout, and the top-level fiber. */
function begin(snap: Snapshot, input: JsonValue): void {
  const definition = snap.definition;
  const root: Fiber = {
    id: snap.nextId++,
    snap,
    machine: definition,
    vars: variableScope(),
    group: undefined,
    index: 0,
    concurrent: false,
    lastEventId: 0,
    status: 'ready',
    next: { kind: 'start' },
    run: undefined,
    wait: undefined,
    nextReady: undefined,
  };
  snap.root = root;
  snap.history.emit(
    root,
    'ExecutionStarted',
    snap.settings.recordHistory
      ? () => ({
          input: JSON.stringify(input),
          inputDetails: NOT_TRUNCATED,
          roleArn: String(executionContext(snap).RoleArn),
        })
      : undefined,
  );
  const explicit = typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : undefined;
  // An Express execution ends after five minutes whatever its TimeoutSeconds says, and that limit is waited out
  // like a TimeoutSeconds (it is short); only Standard's one-year limit is implicit (see `nextMove`).
  const express = snap.settings.stateMachineType === 'EXPRESS';
  const seconds = express
    ? Math.min(explicit ?? EXPRESS_SECONDS, EXPRESS_SECONDS)
    : (explicit ?? YEAR_SECONDS);
  addTimer(snap.timers, snap.startMs + seconds * 1000, {
    kind: 'execution',
    seconds,
    implicit: explicit === undefined && !express,
  });
  schedule(root, { kind: 'enter', name: definition.StartAt, input, counted: false });
}

/** Fires the earliest due timer (one per event: what it wakes runs before the next fires). */
function fire(snap: Snapshot): void {
  const timer = takeDueTimer(snap.timers, snap.now);
  if (timer === undefined) return;
  const target = timer.target;
  switch (target.kind) {
    case 'fiber': {
      const wait = target.fiber.wait;
      if (wait?.kind === 'timer' && wait.timer === timer) schedule(target.fiber, wait.retry ? RETRY : TIMER);
      return;
    }
    case 'task': {
      const call = target.call;
      if (call.phase === 'over') return;
      endCall(call, 'timed-out');
      wakeFiber(call.fiber, { kind: 'timeout', call, heartbeat: target.heartbeat });
      return;
    }
    case 'sleep': {
      const sleeps = target.call.sleeps;
      sleeps?.splice(sleeps.indexOf(timer), 1);
      addEffect(snap, { kind: 'wake', sleep: target.sleep });
      return;
    }
    case 'execution':
      snap.termination ??= {
        status: 'TIMED_OUT',
        error: 'States.Timeout',
        cause: `The execution exceeded its ${target.seconds} s timeout.`,
      };
      return;
  }
}

/** Wakes a fiber waiting on a call or its token. */
function wakeFiber(fiber: Fiber, wake: Wake): void {
  if (fiber.status === 'waiting') schedule(fiber, wake);
}

/** The calls the fibers under `fiber` wait on (a stall is rare: walking the fibers then is cheaper than a registry). */
function* liveCalls(fiber: Fiber | undefined): Generator<Call> {
  if (fiber === undefined || fiber.status === 'done') return;
  const wait = fiber.wait;
  if (wait?.kind === 'call') yield wait;
  if (wait?.kind === 'token') yield wait.call;
  if (wait?.kind === 'children') for (const child of wait.group.live) yield* liveCalls(child);
}

/** The named error of an execution that only the outside world could move on, and does not. */
function stalled(snap: Snapshot, graceMs: number): Termination {
  const handlers = new Set<string>();
  const tokens = new Set<string>();
  for (const call of liveCalls(snap.root)) (call.phase === 'running' ? handlers : tokens).add(call.run.name);
  const quote = (names: Set<string>) => [...names].map((n) => `"${n}"`).join(', ');
  const parts: string[] = [];
  if (handlers.size > 0)
    parts.push(
      `the handler of Task state ${quote(handlers)} has not settled after ${graceMs.toLocaleString('en-US')} ms of real time (handlerGraceMs)`,
    );
  if (tokens.size > 0) parts.push(`Task state ${quote(tokens)} waits for a task token that nothing sent`);
  const what =
    parts.length === 0 ? 'nothing is left to run but the execution has not ended' : parts.join('; ');
  return {
    status: 'FAILED',
    error: 'Stepcraft.Stalled',
    cause: `The execution cannot go on: ${what}. Give the state TimeoutSeconds or HeartbeatSeconds to time it out as AWS would, answer its token through the execution handle (sendTaskSuccess, sendTaskFailure), or make its handler settle.`,
  };
}
