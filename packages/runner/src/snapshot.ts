import type {
  AslDocument,
  AslState,
  Contracts,
  Handlers,
  JsonObject,
  JsonValue,
  QueryLanguage,
  SubMachine,
  TaskHandler,
} from '@stepcraft/asl';
import type { StatesError } from './errors.js';
import type { HistoryRecorder, Lane } from './history.js';
import type { InspectionRecord } from './inspection.js';
import type { SeededRandom } from './random.js';
import type { ResourceInfo } from './resources.js';
import type { StateOutcome } from './state-outcome.js';
import type { StopController } from './stop.js';
import type { Timer, TimerQueue } from './timers.js';
import type { ContractViolation } from './types.js';
import type { VariableScope } from './variables.js';

/*
 * The runner's data model. A snapshot is everything one execution is at an instant: its fibers (the top level, each
 * Parallel branch, each Map iteration) with an explicit status, its timers, its task tokens, its variables and
 * counters, and the history so far. `step(snapshot, event)` (step.ts) is the only code that changes it; the driver
 * (driver.ts) feeds it events and performs the effects it returns.
 */

/** Options after defaults and checks. */
export interface Settings {
  readonly handlers: Handlers | undefined;
  readonly region: string;
  readonly accountId: string;
  readonly maxTransitions: number;
  readonly maxHistoryEvents: number;
  readonly recordHistory: boolean;
  readonly contracts: 'fail' | 'report' | 'off';
  readonly stateMachineType: 'STANDARD' | 'EXPRESS';
  readonly inspect: boolean;
}

/** Why an execution stops early (not a state failure): a timeout, an abort, a limit, a contract, a stall. */
export interface Termination {
  readonly status: 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  readonly error: string;
  readonly cause: string | undefined;
}

/** How an execution ended. */
export type Outcome =
  | { readonly status: 'SUCCEEDED'; readonly output: JsonValue }
  | {
      readonly status: 'FAILED' | 'TIMED_OUT' | 'ABORTED';
      readonly error: string | undefined;
      readonly cause: string | undefined;
    };

/** One execution at an instant. Owned by one driver; only `step` changes it. */
export interface Snapshot {
  readonly definition: AslDocument;
  readonly settings: Settings;
  /** Start of the execution (epoch ms). */
  readonly startMs: number;
  /** The current time (epoch ms): virtual or real, set by the driver; a step never reads a clock. */
  now: number;
  /** `() => now`, shared by every evaluation scope (JSONata's `$now()`). */
  readonly clock: () => number;
  /** `now` as ISO 8601 text, formatted again only when time moved. */
  readonly stamp: () => string;
  readonly history: HistoryRecorder;
  /** The seeded random source: task tokens, request ids, `States.UUID`, jitter. */
  readonly random: SeededRandom;
  readonly workflowHandlers: Handlers | undefined;
  readonly contracts: Contracts | undefined;
  readonly violations: ContractViolation[];
  readonly queryLanguage: QueryLanguage;
  readonly machineName: string;
  /** The execution's name (drawn from the seeded source at the start, as text when first read). */
  readonly executionName: () => string;
  /** The execution's input, as `$$.Execution.Input` shows it. */
  readonly input: JsonValue;
  /** `$$.Execution` and `$$.StateMachine`, shared by every context object (built when first read). */
  contextExecution: JsonObject | undefined;
  contextStateMachine: JsonObject | undefined;
  /** The last entry context object per state name (see `entryContext`). */
  entryContexts: Map<string, JsonObject> | undefined;
  transitions: number;
  /** Ids for fibers, calls and handler sleeps. */
  nextId: number;
  /** Fibers that can run, in the order they will: a queue linked through `Fiber.nextReady` (no allocation). */
  firstReady: Fiber | undefined;
  lastReady: Fiber | undefined;
  readonly timers: TimerQueue<TimerTarget>;
  /** Every task token handed out, live or over, so a late answer can be told why it is refused. */
  readonly tokens: Map<string, TokenEntry>;
  /** Calls not over yet: handlers still running, callback tasks waiting for their token. */
  liveCalls: number;
  root: Fiber | undefined;
  /** Per-state inspection records (with `inspect: true`), in the order the states were entered. */
  readonly inspections: InspectionRecord[] | undefined;
  /** Set when the execution must stop; acted on at the next safe point of the step. */
  termination: Termination | undefined;
  /**
   * Stopped (with `TERMINATED`) by `interrupt` when the execution must end while a step is in flight: the one
   * way the outside world reaches into a step. A long JSONata evaluation watches it (`EvaluationScope.stop`).
   */
  readonly interrupt: StopController;
  outcome: Outcome | undefined;
  /** The effects of the step under way: the first `effectCount` of a buffer kept from step to step (effects.ts). */
  readonly effects: (Effect | undefined)[];
  effectCount: number;
  /** Set by a fiber that used up its turn budget: the step returns so the driver lets the event loop turn. */
  handBack: boolean;
  /** The execution is ending: its last events are kept even past the history limit. */
  closing: boolean;
}

/** One sequence of states being run: the top level, a Parallel branch or a Map iteration. */
export interface Fiber extends Lane {
  readonly id: number;
  readonly snap: Snapshot;
  readonly machine: SubMachine;
  readonly vars: VariableScope;
  /** The Parallel or Map this fiber is a branch or iteration of (undefined at the top level). */
  readonly group: ChildGroup | undefined;
  readonly index: number;
  /**
   * Runs beside sibling fibers: each of its states then yields between its work and its exit, and a Task between
   * `TaskScheduled` and `TaskStarted`, so siblings interleave their events as AWS records them (all entries, then
   * all exits; each entry and `TaskScheduled`, then each `TaskStarted`).
   */
  readonly concurrent: boolean;
  status: 'ready' | 'waiting' | 'done';
  /** What its next turn does (when ready). */
  next: FiberStep;
  /** The state it is in. */
  run: StateRun | undefined;
  /** What it waits on (when waiting). */
  wait: Wait | undefined;
  /** The fiber after it in the ready queue. */
  nextReady: Fiber | undefined;
}

/** What a fiber's next turn does: start, enter a state, exit it, retry it, or wake it up (a wake is its own step). */
export type FiberStep =
  | { readonly kind: 'start' }
  /** `counted`: the transition was counted before the fiber handed control back. */
  | { readonly kind: 'enter'; readonly name: string; readonly input: JsonValue; readonly counted: boolean }
  | { readonly kind: 'exit'; readonly outcome: StateOutcome }
  | { readonly kind: 'retry' }
  | Wake;

/** What a waiting fiber waits on. */
export type Wait =
  /** A Wait state's delay, or (`retry`) the backoff before a retry. */
  | { readonly kind: 'timer'; readonly timer: Timer<TimerTarget>; readonly retry: boolean }
  /** A handler call: the call record is the wait. */
  | Call
  | { readonly kind: 'token'; readonly call: Call }
  | { readonly kind: 'children'; readonly group: ChildGroup };

/**
 * A handler settled: its call and its answer in one record (the driver's `settled` event is also this wake, and the
 * wake is the answer).
 */
export type SettledWake = { readonly kind: 'settled'; readonly call: Call } & Answer;
/** What woke a state up. */
export type Wake =
  | { readonly kind: 'timer' }
  | SettledWake
  | { readonly kind: 'answered'; readonly call: Call; readonly answer: Answer }
  | { readonly kind: 'timeout'; readonly call: Call; readonly heartbeat: boolean }
  | { readonly kind: 'children'; readonly group: ChildGroup }
  /** A Task beside siblings, one turn after its `TaskScheduled`: its call starts (`TaskStarted`). */
  | { readonly kind: 'started' };

/** A handler's settled value (already checked to be JSON by the driver) or its failure; or a callback's answer. */
export type Answer =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly error: string; readonly cause: string | undefined };

/** What a timer is for. */
export type TimerTarget =
  /** A Wait state or a retry backoff: wakes the fiber. */
  | { readonly kind: 'fiber'; readonly fiber: Fiber }
  /** A task's `TimeoutSeconds` or `HeartbeatSeconds`. */
  | { readonly kind: 'task'; readonly call: Call; readonly heartbeat: boolean }
  /** A handler's `context.sleep()`. */
  | { readonly kind: 'sleep'; readonly call: Call; readonly sleep: number }
  /** The execution's `TimeoutSeconds` (at most five minutes for Express); `implicit` for Standard's one-year limit. */
  | { readonly kind: 'execution'; readonly seconds: number; readonly implicit: boolean };

/**
 * A handler call in flight: a Task attempt, or a Map's ItemReader/ResultWriter. One record serves as the `call`
 * effect, what the fiber waits on and (Task) the state's work, so starting a call allocates it alone.
 */
export interface Call {
  readonly kind: 'call';
  readonly id: number;
  readonly fiber: Fiber;
  readonly run: StateRun;
  readonly purpose: 'task' | 'ItemReader' | 'ResultWriter';
  /** What is called (its `resource` is the Resource string). */
  readonly info: ResourceInfo;
  /** What the driver calls (undefined for a callback task without a handler: the test answers it). */
  readonly handler: TaskHandler | undefined;
  /** A Task's evaluated settings: `Credentials`, `TimeoutSeconds`, `HeartbeatSeconds` (undefined for a Map's calls). */
  readonly settings: TaskSettings | undefined;
  /** The task token of a callback task (answered through `sendTask*`). */
  readonly token: string | undefined;
  /** `running`: the handler has not returned; `waiting`: submitted, waiting for its token; `over`. */
  phase: 'running' | 'waiting' | 'over';
  /** A callback answered before its handler returned: applied right after TaskSubmitted, as on AWS. */
  early: Answer | undefined;
  timeout: Timer<TimerTarget> | undefined;
  heartbeat: Timer<TimerTarget> | undefined;
  /** Timers of the handler's pending `context.sleep()` calls (created on the first). */
  sleeps: Timer<TimerTarget>[] | undefined;
  /** What the handler receives. */
  readonly input: JsonValue;
}

/** A task token and the task it belongs to; `ended` says how the task finished once it did. */
export interface TokenEntry {
  readonly state: string;
  call: Call | undefined;
  ended: 'succeeded' | 'failed' | 'timed-out' | 'aborted' | undefined;
}

/** The branches of a Parallel or the iterations of a Map, run as child fibers. */
export interface ChildGroup {
  readonly owner: Fiber;
  readonly run: StateRun;
  readonly count: number;
  /** How many children may run at once. */
  readonly limit: number;
  /** Distributed Map: no outer variables, no events in this history. */
  readonly isolated: boolean;
  readonly concurrent: boolean;
  /** Inline Map iterations write MapIteration* events. */
  readonly iterationEvents: boolean;
  readonly machine: (index: number) => SubMachine;
  readonly input: (index: number) => JsonValue;
  readonly tolerance: Tolerance | undefined;
  readonly results: JsonValue[];
  /** The next index to start. */
  started: number;
  /** Children still running. */
  readonly live: Set<Fiber>;
  failures: number;
  /** The failure that ends the group (the first one beyond its tolerance). */
  failure: StatesError | undefined;
}

/** How many child failures a Map tolerates; undefined = none (the first failure propagates unchanged). */
export interface Tolerance {
  readonly count: number | undefined;
  readonly percentage: number | undefined;
}

/**
 * A state being run: its name, when it was entered, its query language, its context object, its retry counters and
 * what its kind keeps between waits.
 */
export interface StateRun {
  readonly name: string;
  readonly state: AslState;
  /** The state's raw input. */
  readonly input: JsonValue;
  readonly enteredEventId: number;
  readonly enteredTime: string;
  readonly jsonata: boolean;
  /**
   * `$$` for the current attempt (RetryCount and Task.Token change between attempts); undefined until first read
   * for states that do not set it themselves (see `contextOf`).
   */
  context: JsonValue | undefined;
  /**
   * Task, Parallel, Map: an attempt is under way, whose `$$` adds `State.RetryCount` (the run's `retryCount`) and, for
   * a Task, `Task.Token` (the attempt's fields live in the run: one record per visit).
   */
  attempting: boolean;
  /**
   * A Task attempt's: where the seeded draws of its task token start (reserved when the attempt began, so later draws
   * do not depend on whether it is read); the token is built on first read (`attemptToken`).
   */
  tokenAt: number | undefined;
  /** The attempt's task token once built. */
  token: string | undefined;
  retryCount: number;
  /** Retries used per retrier during this visit (created on the first retry). */
  retriers: number[] | undefined;
  /** What the state's kind keeps between waits. */
  work: StateWork | undefined;
  /** Filled as the state runs when `inspect` is on. */
  readonly inspection: InspectionRecord | undefined;
}

/** Per-kind progress of a state that waits. */
export type StateWork =
  | { readonly kind: 'wait'; readonly effective: JsonValue }
  /** A Task's call, once started. */
  | Call
  /** A Task beside siblings between its TaskScheduled and TaskStarted: the call to start on its next turn. */
  | ScheduledCall
  | { readonly kind: 'group'; readonly group: ChildGroup }
  | MapWork;

/** A Task's `TimeoutSeconds`, `HeartbeatSeconds` and `Credentials` once evaluated (its parameters go apart). */
export interface TaskSettings {
  readonly timeout: number | undefined;
  readonly heartbeat: number | undefined;
  readonly credentials: { readonly roleArn: string } | undefined;
}

/** A Task call scheduled but not started yet: what starting it needs. */
export interface ScheduledCall {
  readonly kind: 'scheduled';
  readonly info: ResourceInfo;
  readonly handler: TaskHandler | undefined;
  readonly parameters: JsonValue;
  readonly settings: TaskSettings;
}

/** A Map between its steps: reading items, running iterations, writing results. */
export interface MapWork {
  readonly kind: 'map';
  readonly effective: JsonValue;
  readonly mapRunArn: string;
  readonly distributed: boolean;
  phase: 'read' | 'iterate' | 'write';
  /** Items read so far by an ItemReader (a manifest is read file by file). */
  readonly items: JsonValue[];
  /** Manifest files still to read. */
  readonly pending: { readonly request: JsonObject; readonly headers: readonly string[] }[];
  /** `ReaderConfig.MaxItems` (undefined = all). */
  maxItems: number | undefined;
  call: Call | undefined;
  group: ChildGroup | undefined;
  /** The ResultWriter's answer, once written. */
  written: JsonValue | undefined;
}

/** What the driver must do for the outside world after a step. */
export type Effect =
  /** Call the handler of a call (the call record is the effect). */
  | Call
  /** A call's task is over (done, timed out, aborted): abort its signal and end its pending sleeps. */
  | { readonly kind: 'over'; readonly call: Call }
  /** A handler's `context.sleep()` is due. */
  | { readonly kind: 'wake'; readonly sleep: number }
  /** A callback task now waits for its token (what `waitForTaskToken` hands out). */
  | { readonly kind: 'token'; readonly offer: TokenOffer }
  /** The execution is over (`snapshot.outcome`). */
  | { readonly kind: 'finished' };

/** A callback task waiting for its token. */
export interface TokenOffer {
  readonly token: string;
  readonly state: string;
  /** The state's input. */
  readonly input: JsonValue;
  /** What the task sent to the service (the handler's input). */
  readonly parameters: JsonValue;
}

/** What the driver tells `step`. */
export type StepEvent =
  /** Start the execution (the input is checked already). */
  | { readonly type: 'start'; readonly input: JsonValue }
  /** Run on after the driver let the event loop turn. */
  | { readonly type: 'continue' }
  /** A handler settled. */
  | (SettledWake & { readonly type: 'settled' })
  /** `sendTaskSuccess` / `sendTaskFailure` (the token was checked by the handle). */
  | { readonly type: 'answer'; readonly token: string; readonly answer: Answer }
  /** `sendTaskHeartbeat` or `context.heartbeat()`. */
  | { readonly type: 'heartbeat'; readonly call: Call }
  /** A handler's `context.sleep(ms)`, numbered by the driver. */
  | { readonly type: 'sleep'; readonly call: Call; readonly sleep: number; readonly ms: number }
  /** Time moved to `now`: due timers fire. */
  | { readonly type: 'time'; readonly now: number }
  /** `abort()` or the run's AbortSignal. */
  | { readonly type: 'abort'; readonly error: string; readonly cause: string }
  /** The caller awaits the result, but only the outside world could move the execution on, and it does not. */
  | { readonly type: 'stall'; readonly graceMs: number };

/** What `step` returns: the snapshot it changed and the effects for the driver. */
export interface StepResult {
  readonly snapshot: Snapshot;
  readonly effects: readonly Effect[];
}
