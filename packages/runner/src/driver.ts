import type { Diagnostic, JsonValue, TypedState } from '@stepcraft/asl';
import { RunnerUsageError, TaskTokenError } from './errors.js';
import { handlerContext } from './handler-context.js';
import { returnedAnswer, thrownAnswer } from './handler-values.js';
import { attachRecorder, type HistoryEvent } from './history.js';
import { cloneJson, copyJson } from './json-value.js';
import type { CheckedOptions } from './options.js';
import type {
  Answer,
  CallRequest,
  Effect,
  Outcome,
  Snapshot,
  StepEvent,
  StepResult,
  TokenOffer,
} from './snapshot.js';
import { step } from './step.js';
import { nextMove, type Waiters } from './time-policy.js';
import type { ExecutionHandle, ExecutionResult, StateRef, TaskTokenRequest } from './types.js';

/** `setTimeout` fires at once for delays over 2^31 - 1 ms (about 24.8 days): longer waits re-arm in steps. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The abort reason a handler's signal and sleeps see once its task is over. */
const TASK_OVER = new Error('The task is over.');

/** A handler call as the driver sees it. */
interface LiveCall {
  readonly request: CallRequest;
  /** The handler's promise settled (or it threw). */
  settled: boolean;
  /** Its task is over: its signal is aborted, its sleeps rejected, its late answers ignored. */
  over: boolean;
  controller: AbortController | undefined;
  /** Pending `context.sleep()` calls: while any runs, the handler waits on the execution's clock. */
  sleeping: number;
  /** When the handler last started working in real time (`performance.now()`): its grace runs from there. */
  since: number;
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
 * A promise that tells its driver when someone awaits it (calls `then`, which `await` does): only then may virtual
 * time move, as in Temporal's time-skipping test environment.
 */
class ResultPromise<T> extends Promise<T> {
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }
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
  readonly #calls = new Map<number, LiveCall>();
  readonly #sleeps = new Map<number, PendingSleep>();
  #nextSleep = 1;
  /** Resolves the driver's idle wait. */
  #wake: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #awaited = false;
  readonly #offers: TokenOffer[] = [];
  readonly #handedOut = new Set<string>();
  readonly #answered = new Set<string>();
  readonly #tokenWaiters: TokenWaiter[] = [];
  readonly #advances: Advance[] = [];
  #advanceTo: number | undefined;
  #finish: (result: ExecutionResult<TOutput>) => void = () => {};
  /** How an execution that never started ended (a bad definition or input). */
  #ended: Outcome | undefined;
  readonly #onSignal = (): void =>
    this.#push({
      type: 'abort',
      error: 'Stepcraft.Aborted',
      cause: 'The run was aborted through its AbortSignal.',
    });

  constructor(snap: Snapshot, options: CheckedOptions, wallStart: number) {
    this.#snap = snap;
    this.#options = options;
    this.#wallStart = wallStart;
    const result = new ResultPromise<ExecutionResult<TOutput>>((resolve) => {
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
      if (signal.aborted) this.#onSignal();
      else signal.addEventListener('abort', this.#onSignal, { once: true });
    }
    void this.#drive(input);
  }

  /** Time may move from now on: someone awaits the result. */
  awaited(): void {
    this.#awaited = true;
    this.#poke();
  }

  async #drive(input: JsonValue): Promise<void> {
    const snap = this.#snap;
    await this.#step({ type: 'start', input });
    while (snap.outcome === undefined) {
      if (snap.handBack) {
        // A long run lets the event loop turn (I/O, abort signals); time stands still meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
        await this.#step(this.#events.shift() ?? { type: 'continue' });
        continue;
      }
      const event = this.#events.shift();
      if (event !== undefined) {
        await this.#step(event);
        continue;
      }
      if (!this.#options.virtual) snap.now = Date.now();
      const move = nextMove(snap, this.#waiters());
      if (move.kind === 'fire')
        await this.#step({ type: 'time', now: this.#options.virtual ? move.at : Date.now() });
      else if (move.kind === 'arrive') {
        await this.#step({ type: 'time', now: move.at });
        this.#arrived();
      } else if (move.kind === 'stall')
        await this.#step({ type: 'stall', graceMs: this.#options.handlerGraceMs });
      else await this.#idle();
    }
    this.#close();
  }

  async #step(event: StepEvent): Promise<void> {
    if (!this.#options.virtual) this.#snap.now = Date.now();
    const stepped = step(this.#snap, event);
    const result: StepResult = stepped instanceof Promise ? await stepped : stepped;
    for (const effect of result.effects) this.#perform(effect);
  }

  #waiters(): Waiters {
    const advance = this.#advances[0];
    if (advance !== undefined && this.#advanceTo === undefined) this.#advanceTo = this.#snap.now + advance.ms;
    return {
      virtual: this.#options.virtual,
      awaited: this.#awaited || this.#tokenWaiters.length > 0,
      advanceTo: this.#advanceTo,
      holding: this.#holdingUntil() !== undefined,
    };
  }

  /** The earliest real time (`performance.now()`) at which a working handler stops holding virtual time. */
  #holdingUntil(): number | undefined {
    const now = performance.now();
    let until: number | undefined;
    for (const call of this.#calls.values()) {
      if (call.settled || call.over || call.sleeping > 0) continue;
      const end = call.since + this.#options.handlerGraceMs;
      if (end > now && (until === undefined || end < until)) until = end;
    }
    return until;
  }

  /** Waits for the outside world: an event, an await, an `advance()`, a grace running out, a real timer. */
  #idle(): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
      let delay: number | undefined;
      if (!this.#options.virtual) {
        const next = this.#snap.timers.heap[0];
        if (next !== undefined) delay = next.at - Date.now();
      } else if (this.#awaited || this.#tokenWaiters.length > 0 || this.#advances.length > 0) {
        const until = this.#holdingUntil();
        if (until !== undefined) delay = until - performance.now();
      }
      if (delay !== undefined)
        this.#timer = setTimeout(() => this.#poke(), Math.min(Math.max(0, delay), MAX_TIMEOUT_MS));
    });
  }

  #poke(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #push(event: StepEvent): void {
    if (this.#snap.outcome !== undefined || this.#ended !== undefined) return;
    this.#events.push(event);
    this.#poke();
  }

  #perform(effect: Effect): void {
    switch (effect.kind) {
      case 'call':
        this.#call(effect.request);
        return;
      case 'over': {
        const call = this.#calls.get(effect.call);
        if (call !== undefined) this.#over(effect.call, call);
        return;
      }
      case 'wake': {
        const sleep = this.#sleeps.get(effect.sleep);
        if (sleep === undefined) return;
        this.#sleeps.delete(effect.sleep);
        if (--sleep.call.sleeping === 0) sleep.call.since = performance.now();
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
  #call(request: CallRequest): void {
    const call: LiveCall = {
      request,
      settled: false,
      over: false,
      controller: undefined,
      sleeping: 0,
      since: performance.now(),
    };
    this.#calls.set(request.id, call);
    const settle = (answer: Answer): void => {
      if (call.settled || call.over) return;
      call.settled = true;
      this.#push({ type: 'settled', call: request.id, answer });
    };
    const context = handlerContext(request, {
      signal: () => {
        if (call.controller === undefined) {
          call.controller = new AbortController();
          if (call.over) call.controller.abort(TASK_OVER);
        }
        return call.controller.signal;
      },
      heartbeat: () => {
        if (!call.over) this.#push({ type: 'heartbeat', call: request.id });
      },
      sleep: (seconds) => this.#sleep(request.id, call, seconds),
      sendTaskSuccess: (token, output) => this.sendTaskSuccess(token, output),
      sendTaskFailure: (token, error, cause) => this.sendTaskFailure(token, error, cause),
    });
    let settled: Promise<unknown>;
    try {
      settled = Promise.resolve(request.handler(cloneJson(request.input), context));
    } catch (thrown) {
      settle(thrownAnswer(thrown, request.lambda));
      return;
    }
    settled.then(
      (value) => settle(returnedAnswer(value, request.stateName)),
      (thrown: unknown) => settle(thrownAnswer(thrown, request.lambda)),
    );
  }

  #over(id: number, call: LiveCall): void {
    call.over = true;
    this.#calls.delete(id);
    call.controller?.abort(TASK_OVER);
    for (const [sleepId, sleep] of this.#sleeps) {
      if (sleep.call !== call) continue;
      this.#sleeps.delete(sleepId);
      sleep.reject(TASK_OVER);
    }
  }

  #sleep(id: number, call: LiveCall, seconds: number): Promise<void> {
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
      this.#push({ type: 'sleep', call: id, sleep, ms: seconds * 1000 });
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
    this.#options.signal?.removeEventListener('abort', this.#onSignal);
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    for (const [id, call] of this.#calls) this.#over(id, call);
    const status = this.#snap.outcome?.status ?? 'FAILED';
    for (const waiter of this.#tokenWaiters.splice(0))
      waiter.reject(
        new RunnerUsageError(
          `The execution ended (${status}) before state "${waiter.state}" waited for a task token.`,
        ),
      );
    for (const advance of this.#advances.splice(0)) advance.resolve();
    const outcome = this.#snap.outcome ?? {
      status: 'FAILED',
      error: 'Stepcraft.InternalError',
      cause: undefined,
    };
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
      this.#poke();
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
    if (call !== undefined) this.#push({ type: 'heartbeat', call: call.id });
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
      this.#poke();
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
