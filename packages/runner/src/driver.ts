import type { Diagnostic, JsonValue, TaskHandler, TaskHandlerContext, TypedState } from '@stepcraft/asl';
import { taskTokenOf } from './calls.js';
import { stateContext } from './context-object.js';
import { RunnerUsageError, TaskTokenError } from './errors.js';
import { type CallControls, handlerContext, type TokenControls } from './handler-context.js';
import { returnedEvent, type SettledEvent, settledEvent, thrownAnswer } from './handler-values.js';
import { attachRecorder, type HistoryEvent } from './history.js';
import { cloneJson, copyJson, describeThrown } from './json-value.js';
import { AwaitNoticingPromise } from './lazy-promise.js';
import type { CheckedOptions } from './options.js';
import type { Call, Effect, Outcome, Snapshot, StepEvent, StepResult, TokenOffer } from './snapshot.js';
import { interrupt, step } from './step.js';
import { nextMove, type Waiters } from './time-policy.js';
import { nextTimer } from './timers.js';
import type { ExecutionHandle, ExecutionResult, StateRef, TaskTokenRequest } from './types.js';

/** `setTimeout` fires at once for delays over 2^31 - 1 ms (about 24.8 days): longer waits re-arm in steps. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** What the pump steps when a run that handed control back goes on. */
const CONTINUE: StepEvent = Object.freeze({ type: 'continue' });
/** The pump lets the event loop turn before going on. */
const YIELD: unique symbol = Symbol('stepcraft.yield');

/**
 * Settled once: `then` on it queues a microtask. Node's `queueMicrotask` wraps every callback in an `AsyncResource`,
 * which costs a short execution (it wakes its pump several times) more than the work.
 */
const SETTLED: Promise<void> = Promise.resolve();

/** The abort reason a handler's signal and sleeps see once its task is over. */
const TASK_OVER = new Error('The task is over.');

/** What a live call needs of its driver. */
interface CallHost {
  push(event: StepEvent): void;
  /** A handler settled: step at once (this is already a promise reaction, the hot path of a Task). */
  settled(event: StepEvent): void;
  sleep(call: LiveCall, seconds: number): Promise<void>;
}

/** A handler call as the driver sees it; also what the handler's context reaches (`CallControls`). */
class LiveCall implements CallControls {
  readonly call: Call;
  readonly #host: CallHost;
  /** The handler's promise settled (or it threw). */
  settled = false;
  /** Its task is over: its signal is aborted, its sleeps rejected, its late answers ignored. */
  over = false;
  controller: AbortController | undefined;
  /** Pending `context.sleep()` calls: while any runs, the handler waits on the execution's clock. */
  sleeping = 0;
  /** When the handler last started working, as a call sequence number: its grace runs from there. */
  since: number;
  /** Its grace ran out while it worked: it no longer holds virtual time. */
  expired = false;

  constructor(call: Call, host: CallHost, since: number) {
    this.call = call;
    this.#host = host;
    this.since = since;
  }

  /** It works (not settled, not asleep on the virtual clock) within its grace. */
  get holding(): boolean {
    return !this.settled && !this.over && this.sleeping === 0 && !this.expired;
  }

  get stateName(): string {
    return this.call.run.name;
  }

  get resource(): string {
    return this.call.info.resource;
  }

  get credentials(): { readonly roleArn: string } | undefined {
    return this.call.settings?.credentials;
  }

  signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.over) this.controller.abort(TASK_OVER);
    }
    return this.controller.signal;
  }

  heartbeat(): void {
    if (!this.over) this.#host.push({ type: 'heartbeat', call: this.call });
  }

  sleep(seconds: number): Promise<void> {
    return this.#host.sleep(this, seconds);
  }

  token(): string {
    return taskTokenOf(this.call);
  }

  context(): JsonValue {
    return stateContext(this.call.fiber.snap, this.call.run);
  }

  /**
   * Calls the handler with `input`; whatever it returns, throws or rejects with is converted (never throws). The
   * promise callbacks capture only this call.
   */
  invoke(input: JsonValue, context: TaskHandlerContext): void {
    const handler = this.call.handler as TaskHandler;
    let settled: Promise<unknown>;
    try {
      settled = Promise.resolve(handler(input, context));
    } catch (thrown) {
      this.#thrown(thrown);
      return;
    }
    settled.then(
      (value) => this.#settle(returnedEvent(this.call, value)),
      (thrown: unknown) => this.#thrown(thrown),
    );
  }

  #thrown(thrown: unknown): void {
    const call = this.call;
    const info = call.info;
    this.#settle(settledEvent(call, thrownAnswer(thrown, info.kind === 'lambda' || info.lambdaInvoke)));
  }

  /** The handler settled: its answer goes to the execution unless its task is over. */
  #settle(event: SettledEvent): void {
    if (this.settled || this.over) return;
    this.settled = true;
    this.#host.settled(event);
  }
}

/** A handler's pending `context.sleep()`. */
interface PendingSleep {
  readonly call: LiveCall;
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
}

/** A `waitForTaskToken` not answered yet. */
interface TokenWaiter {
  readonly state: string;
  readonly resolve: (request: TaskTokenRequest<never, never>) => void;
  readonly reject: (reason: unknown) => void;
}

/** An `advance()` call. */
interface Advance {
  readonly ms: number;
  readonly resolve: () => void;
}

/**
 * The one impure part of the runner: it feeds `step` its events, performs the effects it returns (calls handlers,
 * aborts them, wakes their sleeps, offers task tokens), owns the clock, and applies the time policy (`nextMove`).
 * It is also where user values come in (handler results, thrown values, callback outputs): converted to plain data
 * before any step sees them.
 */
export class Driver<TOutput> implements ExecutionHandle<TOutput> {
  readonly result: Promise<ExecutionResult<TOutput>>;
  readonly #snap: Snapshot;
  readonly #options: CheckedOptions;
  readonly #wallStart: number;
  readonly #events: StepEvent[] = [];
  /** Handler calls whose task is not over (a few at a time: an array beats a map that churns on every task). */
  readonly #calls: LiveCall[] = [];
  readonly #sleeps = new Map<number, PendingSleep>();
  #nextSleep = 1;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Numbers calls (and their wake-ups) in the order they start working, for their grace. */
  #callSequence = 0;
  /** `#callSequence` when the grace timer was armed. */
  #armedAt = 0;
  /** Real clock: the time (epoch ms) the armed timer is for. */
  #timerFor = 0;
  /** The pump is running (a reentrant call only asks for another round). */
  #busy = false;
  #again = false;
  /** An asynchronous step is in flight (an abort then interrupts it rather than waiting for it). */
  #stepping = false;
  /** The event loop was let turn since the run handed control back. */
  #yielded = false;
  /** A pump is queued as a microtask. */
  #woken = false;
  /** The event loop turned with nothing new since: virtual time may move. */
  #quiet = false;
  #awaited = false;
  readonly #offers: TokenOffer[] = [];
  readonly #handedOut = new Set<string>();
  readonly #answered = new Set<string>();
  readonly #tokenWaiters: TokenWaiter[] = [];
  readonly #advances: Advance[] = [];
  #advanceTo: number | undefined;
  readonly #waiting: { -readonly [K in keyof Waiters]: Waiters[K] };
  #finish: (result: ExecutionResult<TOutput>) => void = () => {};
  /** How an execution that never started ended (a bad definition or input). */
  #ended: Outcome | undefined;
  // Callbacks handed to the outside world, made on first use (a short execution never needs most of them).
  #host: CallHost | undefined;
  #tokenControls: TokenControls | undefined;
  #onSignal: (() => void) | undefined;
  #resume: (() => void) | undefined;
  #woke: (() => void) | undefined;
  #alarm: (() => void) | undefined;

  constructor(snap: Snapshot, options: CheckedOptions, wallStart: number) {
    this.#snap = snap;
    this.#options = options;
    this.#wallStart = wallStart;
    this.#waiting = { virtual: options.virtual, awaited: false, advanceTo: undefined, holding: false };
    const result = new AwaitNoticingPromise<ExecutionResult<TOutput>>((resolve) => {
      this.#finish = resolve;
    });
    result.onAwait = () => this.awaited();
    this.result = result;
  }

  /** A driver whose execution ended before it started (a bad definition or input): its result is ready. */
  static ended<TOutput>(
    snap: Snapshot,
    options: CheckedOptions,
    wallStart: number,
    failure: { readonly error: string; readonly cause: string; readonly diagnostics?: readonly Diagnostic[] },
  ): Driver<TOutput> {
    const driver = new Driver<TOutput>(snap, options, wallStart);
    const outcome: Outcome = { status: 'FAILED', error: failure.error, cause: failure.cause };
    driver.#ended = outcome;
    driver.#finish(driver.#resultOf(outcome, failure.diagnostics));
    return driver;
  }

  /** Starts the execution with its (checked) input; returns at once. */
  start(input: JsonValue): void {
    const signal = this.#options.signal;
    if (signal !== undefined) {
      const onSignal = (): void =>
        this.#push({
          type: 'abort',
          error: 'Stepcraft.Aborted',
          cause: 'The run was aborted through its AbortSignal.',
        });
      this.#onSignal = onSignal;
      if (signal.aborted) onSignal();
      else signal.addEventListener('abort', onSignal, { once: true });
    }
    // Like StartExecution, start() returns before anything runs: a handler may already use the handle.
    this.#events.unshift({ type: 'start', input });
    this.#wake();
  }

  /** Time may move from now on: someone awaits the result. */
  awaited(): void {
    this.#awaited = true;
    this.#wake();
  }

  /**
   * Runs steps until the execution ends or must wait for the outside world, then arms the real timer it waits on
   * (a handler's grace, or the next timer of the real clock). Every outside event calls it again. It never waits on
   * a promise of its own: a handler that settles runs the next step from its promise's reaction.
   */
  #pump(): void {
    if (this.#busy) {
      this.#again = true;
      return;
    }
    this.#busy = true;
    const snap = this.#snap;
    for (;;) {
      this.#again = false;
      if (snap.outcome !== undefined) {
        this.#close();
        return;
      }
      const event = this.#nextEvent();
      if (event === YIELD) {
        // Let the event loop turn (I/O, abort signals, handlers' background work); time stands still meanwhile.
        this.#resume ??= () => this.#resumed();
        setImmediate(this.#resume);
        return;
      }
      if (event === undefined) {
        if (this.#again) continue;
        this.#busy = false;
        this.#arm();
        return;
      }
      if (!this.#options.virtual) snap.now = Date.now();
      const stepped = step(snap, event);
      if (stepped instanceof Promise) {
        this.#stepping = true;
        stepped.then(
          (result) => this.#stepped(result),
          (thrown: unknown) => this.#crashed(thrown),
        );
        return;
      }
      this.#perform(stepped.effects);
    }
  }

  /** An asynchronous step ended: perform its effects and go on. */
  #stepped(result: StepResult): void {
    this.#stepping = false;
    this.#perform(result.effects);
    this.#resumed();
  }

  /** `step` never rejects (it turns every error into the run's end); should it, the run still ends with a result. */
  #crashed(thrown: unknown): void {
    this.#stepping = false;
    this.#ended = { status: 'FAILED', error: 'Stepcraft.InternalError', cause: describeThrown(thrown) };
    this.#close();
  }

  #resumed(): void {
    this.#busy = false;
    this.#pump();
  }

  /** What to step next: a handed-back run, a queued event, or what the time policy says; undefined to wait. */
  #nextEvent(): StepEvent | typeof YIELD | undefined {
    const snap = this.#snap;
    if (snap.handBack) {
      if (!this.#yielded) {
        this.#yielded = true;
        return YIELD;
      }
      this.#yielded = false;
      this.#quiet = false;
      return this.#events.shift() ?? CONTINUE;
    }
    const event = this.#events.shift();
    if (event !== undefined) {
      this.#quiet = false;
      return event;
    }
    if (!this.#options.virtual) snap.now = Date.now();
    const move = nextMove(snap, this.#waiters());
    if (move.kind === 'wait') return undefined;
    if (move.kind === 'fire' && move.at <= snap.now)
      return { type: 'time', now: this.#options.virtual ? move.at : Date.now() };
    // Time is about to move (or the run to stall): only once what handlers still do in the background (promise
    // reactions, a heartbeat loop) has run, as the event loop turns.
    if (!this.#quiet) {
      this.#quiet = true;
      return YIELD;
    }
    this.#quiet = false;
    if (move.kind === 'fire') return { type: 'time', now: move.at };
    if (move.kind === 'arrive') {
      this.#arrived();
      return { type: 'time', now: move.at };
    }
    return { type: 'stall', graceMs: this.#options.handlerGraceMs };
  }

  /**
   * While idle, a real timer that wakes the driver: when a working handler's grace may have run out, or (real clock)
   * at the next timer. Graces are counted without reading a clock per call: a timer armed now for one grace marks,
   * when it fires, every call that was already working when it was armed (numbered before `#armedAt`).
   */
  #arm(): void {
    if (!this.#options.virtual) {
      const next = nextTimer(this.#snap.timers);
      if (next === undefined || (this.#timer !== undefined && this.#timerFor <= next.at)) return;
      this.#disarm();
      this.#timerFor = next.at;
      this.#timer = setTimeout(this.#alarmed(), Math.min(Math.max(0, next.at - Date.now()), MAX_TIMEOUT_MS));
    } else if (
      this.#timer === undefined &&
      (this.#awaited || this.#tokenWaiters.length > 0 || this.#advances.length > 0) &&
      this.#holding()
    ) {
      this.#armedAt = this.#callSequence;
      this.#timer = setTimeout(this.#alarmed(), this.#options.handlerGraceMs);
    }
  }

  /** What the armed timer calls: the calls working since before it was armed lose their grace; the pump looks again. */
  #alarmed(): () => void {
    this.#alarm ??= () => {
      this.#timer = undefined;
      for (const call of this.#calls) if (call.since < this.#armedAt) call.expired = true;
      this.#pump();
    };
    return this.#alarm;
  }

  #disarm(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** What the time policy needs to know of the outside world (one object, refreshed: it is asked after every step). */
  #waiters(): Waiters {
    const advance = this.#advances[0];
    if (advance !== undefined && this.#advanceTo === undefined) this.#advanceTo = this.#snap.now + advance.ms;
    const waiters = this.#waiting;
    waiters.awaited = this.#awaited || this.#tokenWaiters.length > 0;
    waiters.advanceTo = this.#advanceTo;
    waiters.holding = this.#holding();
    return waiters;
  }

  /** Some handler works within its grace. */
  #holding(): boolean {
    const calls = this.#calls;
    for (let i = 0; i < calls.length; i++) if ((calls[i] as LiveCall).holding) return true;
    return false;
  }

  /** Queues an event from the outside world; the pump takes it up in a microtask (never inside the caller). */
  #push(event: StepEvent): void {
    if (this.#snap.outcome !== undefined || this.#ended !== undefined) return;
    if (event.type === 'abort' && this.#stepping)
      interrupt(this.#snap, { status: 'ABORTED', error: event.error, cause: event.cause });
    this.#events.push(event);
    this.#wake();
  }

  /** Runs the pump soon: in a microtask, so an API call never runs handlers on its own stack. */
  #wake(): void {
    if (this.#woken) return;
    this.#woken = true;
    this.#woke ??= () => {
      this.#woken = false;
      this.#pump();
    };
    void SETTLED.then(this.#woke);
  }

  #perform(effects: readonly Effect[]): void {
    for (let i = 0; i < effects.length; i++) this.#effect(effects[i] as Effect);
  }

  #effect(effect: Effect): void {
    switch (effect.kind) {
      case 'call':
        this.#call(effect);
        return;
      case 'over': {
        const calls = this.#calls;
        for (let i = 0; i < calls.length; i++)
          if ((calls[i] as LiveCall).call === effect.call) {
            this.#over(i);
            return;
          }
        return;
      }
      case 'wake': {
        const sleep = this.#sleeps.get(effect.sleep);
        if (sleep === undefined) return;
        this.#sleeps.delete(effect.sleep);
        // Awake again: a fresh grace.
        if (--sleep.call.sleeping === 0) sleep.call.since = this.#callSequence++;
        sleep.resolve();
        return;
      }
      case 'token':
        this.#offers.push(effect.offer);
        this.#matchTokens();
        return;
      case 'finished':
        return;
    }
  }

  /** Calls a handler with its own copy of its input; whatever comes back is converted before a step sees it. */
  #call(call: Call): void {
    if (call.handler === undefined) return;
    this.#host ??= {
      push: (event) => this.#push(event),
      settled: (event) => {
        if (this.#snap.outcome !== undefined) return;
        this.#events.push(event);
        this.#pump();
      },
      sleep: (live, seconds) => this.#sleep(live, seconds),
    };
    this.#tokenControls ??= {
      sendTaskSuccess: (token, output) => this.sendTaskSuccess(token, output),
      sendTaskFailure: (token, error, cause) => this.sendTaskFailure(token, error, cause),
    };
    const live = new LiveCall(call, this.#host, this.#callSequence++);
    this.#calls.push(live);
    live.invoke(cloneJson(call.input), handlerContext(live, this.#tokenControls));
  }

  /** The task of the call at `index` is over: abort its signal, reject its sleeps, forget it. */
  #over(index: number): void {
    const call = this.#calls[index] as LiveCall;
    const last = this.#calls.pop() as LiveCall;
    if (last !== call) this.#calls[index] = last;
    call.over = true;
    call.controller?.abort(TASK_OVER);
    if (call.sleeping === 0) return;
    for (const [sleepId, sleep] of this.#sleeps) {
      if (sleep.call !== call) continue;
      this.#sleeps.delete(sleepId);
      sleep.reject(TASK_OVER);
    }
  }

  #sleep(call: LiveCall, seconds: number): Promise<void> {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0)
      return Promise.reject(
        new RunnerUsageError(
          `context.sleep(seconds) needs a finite number of seconds ≥ 0, got ${typeof seconds === 'number' ? String(seconds) : typeof seconds}.`,
        ),
      );
    if (call.over) return Promise.reject(TASK_OVER);
    return new Promise((resolve, reject) => {
      const sleep = this.#nextSleep++;
      this.#sleeps.set(sleep, { call, resolve, reject });
      call.sleeping++;
      this.#push({ type: 'sleep', call: call.call, sleep, ms: seconds * 1000 });
    });
  }

  /** Hands waiting tokens to `waitForTaskToken` callers, in the order both came. */
  #matchTokens(): void {
    for (let i = 0; i < this.#tokenWaiters.length; ) {
      const waiter = this.#tokenWaiters[i] as TokenWaiter;
      const offer = this.#offers.find(
        (o) =>
          o.state === waiter.state &&
          !this.#handedOut.has(o.token) &&
          this.#snap.tokens.get(o.token)?.call?.phase === 'waiting',
      );
      if (offer === undefined) {
        i++;
        continue;
      }
      this.#handedOut.add(offer.token);
      this.#tokenWaiters.splice(i, 1);
      waiter.resolve({
        token: offer.token as never,
        state: offer.state,
        input: offer.input as never,
        parameters: offer.parameters,
      });
    }
  }

  #arrived(): void {
    this.#advanceTo = undefined;
    this.#advances.shift()?.resolve();
  }

  /** The execution is over: settle the result and everything still waiting on it. */
  #close(): void {
    if (this.#onSignal !== undefined) this.#options.signal?.removeEventListener('abort', this.#onSignal);
    this.#disarm();
    while (this.#calls.length > 0) this.#over(this.#calls.length - 1);
    const outcome: Outcome = this.#snap.outcome ??
      this.#ended ?? { status: 'FAILED', error: 'Stepcraft.InternalError', cause: undefined };
    const status = outcome.status;
    for (const waiter of this.#tokenWaiters.splice(0))
      waiter.reject(
        new RunnerUsageError(
          `The execution ended (${status}) before state "${waiter.state}" waited for a task token.`,
        ),
      );
    for (const advance of this.#advances.splice(0)) advance.resolve();
    this.#finish(this.#resultOf(outcome, undefined));
  }

  #resultOf(outcome: Outcome, diagnostics: readonly Diagnostic[] | undefined): ExecutionResult<TOutput> {
    const snap = this.#snap;
    const stats = {
      transitions: snap.transitions,
      events: snap.history.count,
      durationMs: snap.now - snap.startMs,
      wallMs: performance.now() - this.#wallStart,
    };
    const extras = {
      ...(diagnostics === undefined ? {} : { diagnostics }),
      ...(snap.violations.length === 0 ? {} : { contractViolations: snap.violations }),
      ...(snap.inspections === undefined ? {} : { inspections: snap.inspections }),
    };
    // The history is serialised on first read (see HistoryRecorder).
    if (outcome.status === 'SUCCEEDED')
      return attachRecorder(
        {
          status: outcome.status,
          // The workflow's phantom output type vouches for the output (checked by its contracts, when it has them).
          output: outcome.output as TOutput,
          get history(): readonly HistoryEvent[] {
            return snap.history.read();
          },
          stats,
          ...extras,
        },
        snap.history,
      );
    return attachRecorder(
      {
        status: outcome.status,
        ...(outcome.error === undefined ? {} : { error: outcome.error }),
        ...(outcome.cause === undefined ? {} : { cause: outcome.cause }),
        get history(): readonly HistoryEvent[] {
          return snap.history.read();
        },
        stats,
        ...extras,
      },
      snap.history,
    );
  }

  waitForTaskToken<TState extends StateRef>(state: TState): Promise<TaskTokenRequest<never, never>> {
    const name = typeof state === 'string' ? state : nameOf(state);
    const outcome = this.#snap.outcome ?? this.#ended;
    if (outcome !== undefined)
      return Promise.reject(
        new RunnerUsageError(
          `The execution ended (${outcome.status}) before state "${name}" waited for a task token.`,
        ),
      );
    return new Promise((resolve, reject) => {
      this.#tokenWaiters.push({ state: name, resolve, reject });
      this.#matchTokens();
      this.#wake();
    });
  }

  sendTaskSuccess(token: string, output: unknown): void {
    const state = this.#waitingState(token, 'sendTaskSuccess');
    const copied = copyJson(output === undefined ? null : output);
    if (!copied.ok)
      throw new RunnerUsageError(
        `sendTaskSuccess: the output for the task token of state "${state}" is not JSON (AWS: InvalidOutput): ${copied.message}`,
      );
    this.#answered.add(token);
    this.#push({ type: 'answer', token, answer: { ok: true, value: copied.value } });
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.#waitingState(token, 'sendTaskFailure');
    if (
      (error !== undefined && typeof error !== 'string') ||
      (cause !== undefined && typeof cause !== 'string')
    )
      throw new RunnerUsageError('sendTaskFailure: error and cause must be strings when given.');
    this.#answered.add(token);
    this.#push({ type: 'answer', token, answer: { ok: false, error: error ?? '', cause } });
  }

  sendTaskHeartbeat(token: string): void {
    this.#waitingState(token, 'sendTaskHeartbeat');
    const call = this.#snap.tokens.get(token)?.call;
    if (call !== undefined) this.#push({ type: 'heartbeat', call });
  }

  /** The state whose task waits for `token`; otherwise a `TaskTokenError` saying why none does. */
  #waitingState(token: string, api: string): string {
    if (typeof token !== 'string') throw new RunnerUsageError(`${api}: the task token must be a string.`);
    const entry = this.#snap.tokens.get(token);
    if (entry === undefined)
      throw new TaskTokenError(
        'unknown',
        `${api}: no task ever had the task token '${token}' (AWS: InvalidToken).`,
      );
    const outcome = this.#snap.outcome ?? this.#ended;
    if (outcome !== undefined)
      throw new TaskTokenError(
        'ended',
        `${api}: the execution is over (${outcome.status}); the task of state "${entry.state}" no longer waits for its token.`,
      );
    if (entry.ended === 'timed-out')
      throw new TaskTokenError(
        'timed-out',
        `${api}: the task of state "${entry.state}" that had this token timed out (States.Timeout) (AWS: TaskTimedOut).`,
      );
    if (entry.ended !== undefined || (api !== 'sendTaskHeartbeat' && this.#answered.has(token)))
      throw new TaskTokenError(
        'finished',
        `${api}: the task of state "${entry.state}" that had this token already finished (${entry.ended ?? 'answered'}) (AWS: TaskDoesNotExist).`,
      );
    return entry.state;
  }

  advance(ms: number): Promise<void> {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      return Promise.reject(
        new RunnerUsageError(`advance(ms) needs a finite number of milliseconds ≥ 0, got ${String(ms)}.`),
      );
    if ((this.#snap.outcome ?? this.#ended) !== undefined) return Promise.resolve();
    return new Promise((resolve) => {
      this.#advances.push({ ms, resolve });
      this.#wake();
    });
  }

  now(): Date {
    return new Date(this.#snap.now);
  }

  abort(error?: string, cause?: string): void {
    if (
      (error !== undefined && typeof error !== 'string') ||
      (cause !== undefined && typeof cause !== 'string')
    )
      throw new RunnerUsageError('abort: error and cause must be strings when given.');
    this.#push({
      type: 'abort',
      error: error ?? 'Stepcraft.Aborted',
      cause: cause ?? 'The execution was aborted.',
    });
  }

  history(): readonly HistoryEvent[] {
    return this.#snap.history.read();
  }
}

/** The name of a state value, read defensively (it comes from user code). */
function nameOf(state: TypedState): string {
  const name: unknown = state.name;
  if (typeof name !== 'string')
    throw new RunnerUsageError('waitForTaskToken(state) takes a state from the builder or a state name.');
  return name;
}
