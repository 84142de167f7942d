import type { AslState, JsonValue, StandardSchema, StateType } from '@stepcraft/asl';
import { childEnded } from './children.js';
import { checkContract, contractFor } from './contracts.js';
import { StatesError, verbatim } from './errors.js';
import type { InspectionRecord } from './inspection.js';
import { dataLimitCause, exceedsPayloadLimit } from './limits.js';
import { type Progress, WAITING } from './progress.js';
import { schedule, scheduleFirst } from './queue.js';
import { caught, locate, recover } from './retry.js';
import type { Fiber, Snapshot, StateRun, Wake } from './snapshot.js';
import type { StateOutcome } from './state-outcome.js';
import { abortKind, gaveUpKind, runKind, STATE_KINDS, wakeKind } from './states/kinds.js';
import { fatal, TERMINATED } from './termination.js';
import { addTimer } from './timers.js';
import { assignAll } from './variables.js';

/** How often (in transitions) a step hands control back to the driver, so `abort()` and signals get through. */
const YIELD_EVERY = 1024;

/** States that write `<Type>StateAborted` when an execution or a sibling failure interrupts them. */
const ABORTABLE: ReadonlySet<StateType> = new Set(['Task', 'Wait', 'Parallel', 'Map']);

/** Event type names built once, not per transition. */
const eventTypes = (suffix: string) =>
  Object.fromEntries(Object.keys(STATE_KINDS).map((type) => [type, `${type}${suffix}`])) as Readonly<
    Record<StateType, string>
  >;
const ENTERED = eventTypes('StateEntered');
const EXITED = eventTypes('StateExited');
const ABORTED = eventTypes('StateAborted');

/**
 * Where a fiber goes after a state: on to the outcome's `next` state with its output as input, or nowhere for now
 * (undefined: it waits, yielded, or ended).
 */
type Flow = (StateOutcome & { readonly next: string }) | undefined;

/**
 * Runs one turn of a ready fiber: from where it stands until it waits, ends, hands control back (every 1,024
 * transitions), or, when it runs beside siblings, has done one state's work. Synchronous unless an expression or a
 * schema is evaluated on the way.
 */
export function turn(fiber: Fiber): void | Promise<void> {
  const next = fiber.next;
  switch (next.kind) {
    case 'enter':
      return runFrom(fiber, next.name, next.input, next.counted);
    case 'start':
      return start(fiber);
    case 'exit':
      return go(fiber, exit(fiber, fiber.run as StateRun, next.outcome));
    case 'retry': {
      const run = fiber.run as StateRun;
      run.retryCount++;
      fiber.snap.transitions++;
      return go(fiber, work(fiber, run, undefined));
    }
    default:
      // What woke the state up.
      return go(fiber, work(fiber, fiber.run as StateRun, next));
  }
}

/** A branch's or an iteration's first turn: its first state (an iteration's start event is written at its launch). */
function start(fiber: Fiber): void | Promise<void> {
  return runFrom(fiber, fiber.machine.StartAt, fiber.group?.input(fiber.index) ?? null, false);
}

/** Writes a `MapIteration*` event for an inline Map iteration. */
export function iterationEvent(fiber: Fiber, type: string): void {
  const group = fiber.group;
  if (group === undefined) return;
  const snap = fiber.snap;
  snap.history.emit(
    fiber,
    type,
    snap.settings.recordHistory ? { name: group.run.name, index: fiber.index } : undefined,
  );
}

function go(fiber: Fiber, flow: Flow | Promise<Flow>): void | Promise<void> {
  if (flow instanceof Promise)
    return flow.then((f) => (f === undefined ? undefined : runFrom(fiber, f.next, f.output, false)));
  if (flow !== undefined) return runFrom(fiber, flow.next, flow.output, false);
}

/** Runs states from `name` on, in a loop (a long chain costs no stack), until the fiber stops for now. */
function runFrom(fiber: Fiber, first: string, firstInput: JsonValue, counted: boolean): void | Promise<void> {
  const snap = fiber.snap;
  let name = first;
  let input = firstInput;
  let alreadyCounted = counted;
  for (;;) {
    if (snap.termination !== undefined) throw TERMINATED;
    const state = Object.hasOwn(fiber.machine.States, name) ? fiber.machine.States[name] : undefined;
    if (state === undefined || !Object.hasOwn(STATE_KINDS, state.Type)) {
      ended(
        fiber,
        verbatim(
          'States.Runtime',
          state === undefined
            ? `The state '${name}' does not exist in this state machine.`
            : `The state '${name}' has an unknown Type ${JSON.stringify(state.Type)}.`,
        ),
      );
      return;
    }
    if (!alreadyCounted && countTransition(snap)) {
      scheduleFirst(fiber, { kind: 'enter', name, input, counted: true });
      snap.handBack = true;
      return;
    }
    alreadyCounted = false;
    const run = enter(fiber, name, state, input);
    const schema = contractFor(snap, name, 'stateInput');
    const flow = schema === undefined ? work(fiber, run, undefined) : checkedWork(fiber, run, schema, input);
    if (flow instanceof Promise) return go(fiber, flow);
    if (flow === undefined) return;
    name = flow.next;
    input = flow.output;
  }
}

/**
 * The state's work once its input passed its contract. Apart from `runFrom`: a closure there would make every
 * iteration of its loop allocate a scope for it, contract or not.
 */
function checkedWork(fiber: Fiber, run: StateRun, schema: StandardSchema, input: JsonValue): Promise<Flow> {
  return checkContract(fiber, run.name, 'stateInput', schema, input).then(() => work(fiber, run, undefined));
}

/** Counts a transition: enforces `maxTransitions`; true when it is time to hand control back to the driver. */
function countTransition(snap: Snapshot): boolean {
  snap.transitions++;
  if (snap.transitions > snap.settings.maxTransitions) {
    fatal(
      snap,
      'Stepcraft.TransitionLimitExceeded',
      `The execution made more than ${snap.settings.maxTransitions} state transitions (maxTransitions); it may loop forever. Raise the limit with run(..., { maxTransitions }) if this is intended.`,
    );
  }
  return snap.transitions % YIELD_EVERY === 0;
}

/** Enters a state: its `…StateEntered` event and its run record. */
function enter(fiber: Fiber, name: string, state: AslState, input: JsonValue): StateRun {
  const snap = fiber.snap;
  const enteredEventId = snap.history.emitState(fiber, ENTERED[state.Type], name, input);
  let inspection: InspectionRecord | undefined;
  if (snap.inspections !== undefined) {
    inspection = { enteredEventId, state: name, path: pathOf(fiber), input };
    snap.inspections.push(inspection);
  }
  const run: StateRun = {
    name,
    state,
    input,
    enteredEventId,
    enteredTime: snap.stamp(),
    jsonata: (state.QueryLanguage ?? snap.queryLanguage) === 'JSONata',
    context: undefined,
    attempting: false,
    tokenAt: undefined,
    token: undefined,
    retryCount: 0,
    retriers: undefined,
    work: undefined,
    inspection,
  };
  fiber.run = run;
  return run;
}

/** The enclosing Map/Parallel states of a fiber, outermost first, with its iteration or branch index. */
function pathOf(fiber: Fiber): { readonly state: string; readonly index: number }[] {
  const path: { state: string; index: number }[] = [];
  for (let f: Fiber | undefined = fiber; f?.group !== undefined; f = f.group.owner)
    path.unshift({ state: f.group.run.name, index: f.index });
  return path;
}

/**
 * The state's work: its first run, a retry, or what woke it (`wake`); then its exit, its recovery from a failure,
 * or nothing while it waits.
 */
function work(fiber: Fiber, run: StateRun, wake: Wake | undefined): Flow | Promise<Flow> {
  let progress: Progress | Promise<Progress>;
  try {
    progress =
      wake === undefined
        ? runKind(run.state.Type, fiber, run, run.state)
        : wakeKind(run.state.Type, fiber, run, run.state, wake);
  } catch (thrown) {
    return failed(fiber, run, thrown);
  }
  if (progress instanceof Promise)
    return progress.then(
      (p) => settled(fiber, run, p),
      (thrown: unknown) => failed(fiber, run, thrown),
    );
  return settled(fiber, run, progress);
}

/** After the state's work: nothing while it waits; its exit now, or after a yield when siblings run beside it. */
function settled(fiber: Fiber, run: StateRun, progress: Progress): Flow | Promise<Flow> {
  if (progress === WAITING) return undefined;
  if (fiber.concurrent) {
    schedule(fiber, { kind: 'exit', outcome: progress });
    return undefined;
  }
  return exit(fiber, run, progress);
}

/**
 * A failed attempt: located, then retried after its backoff, caught, or failing the fiber. States without Retry
 * and Catch fail at once. A failure while exiting or while running a Catcher fails the fiber directly.
 */
function failed(fiber: Fiber, run: StateRun, thrown: unknown): Flow | Promise<Flow> {
  if (thrown === TERMINATED) throw thrown;
  const snap = fiber.snap;
  const failure = locate(fiber, run, thrown);
  const state = run.state;
  const handling =
    state.Type === 'Task' || state.Type === 'Parallel' || state.Type === 'Map' ? state : undefined;
  const recovery =
    handling === undefined ? ({ kind: 'fail' } as const) : recover(fiber, run, handling, failure);
  if (recovery.kind === 'retry') {
    noteRetry(run, failure, recovery.seconds);
    const timer = addTimer(snap.timers, snap.now + recovery.seconds * 1000, { kind: 'fiber', fiber });
    fiber.status = 'waiting';
    fiber.wait = { kind: 'timer', timer, retry: true };
    return undefined;
  }
  gaveUpKind(state.Type, fiber, run, state, failure);
  noteFailure(run, failure);
  if (recovery.kind === 'fail') {
    ended(fiber, failure);
    return undefined;
  }
  let outcome: StateOutcome | Promise<StateOutcome>;
  try {
    outcome = caught(fiber, run, recovery.catcher, failure);
  } catch (e) {
    return catcherFailed(fiber, run, e);
  }
  if (outcome instanceof Promise)
    return outcome.then(
      (o) => settled(fiber, run, o),
      (e: unknown) => catcherFailed(fiber, run, e),
    );
  return settled(fiber, run, outcome);
}

/** A Catcher that failed (its ResultPath, Assign or Output) fails the fiber with the located error. */
function catcherFailed(fiber: Fiber, run: StateRun, thrown: unknown): undefined {
  if (thrown === TERMINATED) throw thrown;
  ended(fiber, locate(fiber, run, thrown));
  return undefined;
}

function noteRetry(run: StateRun, failure: StatesError, delaySeconds: number): void {
  const inspection = run.inspection;
  if (inspection === undefined) return;
  const note =
    failure.cause === undefined
      ? { error: failure.error, delaySeconds }
      : { error: failure.error, cause: failure.cause, delaySeconds };
  inspection.retries = [...(inspection.retries ?? []), note];
}

function noteFailure(run: StateRun, failure: StatesError): void {
  const inspection = run.inspection;
  if (inspection === undefined) return;
  inspection.error = failure.error;
  if (failure.cause !== undefined) inspection.cause = failure.cause;
}

/**
 * Leaves a state: its assignments (within AWS's variable quotas), the payload limit, its output contract and its
 * `…StateExited` event. Past a quota or the payload limit the fiber fails; no Retry or Catch of the state applies.
 */
function exit(fiber: Fiber, run: StateRun, outcome: StateOutcome): Flow | Promise<Flow> {
  const snap = fiber.snap;
  let failure: StatesError | undefined;
  if (outcome.assigned !== undefined) {
    try {
      assignAll(fiber.vars, outcome.assigned, run.name);
    } catch (thrown) {
      // A quota names its state itself (`assignAll` throws only `StatesError`s).
      failure = thrown instanceof StatesError ? thrown : locate(fiber, run, thrown);
    }
  }
  if (failure === undefined && exceedsPayloadLimit(outcome.output))
    failure = verbatim('States.DataLimitExceeded', dataLimitCause(run.name, outcome.output));
  if (failure !== undefined) {
    noteFailure(run, failure);
    ended(fiber, failure);
    return undefined;
  }
  const schema = contractFor(snap, run.name, 'stateOutput');
  if (schema === undefined) return exited(fiber, run, outcome);
  return checkContract(fiber, run.name, 'stateOutput', schema, outcome.output).then(() =>
    exited(fiber, run, outcome),
  );
}

function exited(fiber: Fiber, run: StateRun, outcome: StateOutcome): Flow {
  fiber.snap.history.emitState(fiber, EXITED[run.state.Type], run.name, outcome.output, outcome.assigned);
  const inspection = run.inspection;
  if (inspection !== undefined) {
    inspection.output = outcome.output;
    if (outcome.assigned !== undefined && outcome.assigned.size > 0)
      inspection.variables = Object.fromEntries(outcome.assigned);
  }
  fiber.run = undefined;
  if (hasNext(outcome)) return outcome;
  ended(fiber, outcome.output);
  return undefined;
}

const hasNext = (outcome: StateOutcome): outcome is StateOutcome & { readonly next: string } =>
  outcome.next !== undefined;

/** A fiber reached its end (a `JsonValue` output) or failed (a `StatesError`): its group or the execution hears of it. */
function ended(fiber: Fiber, result: JsonValue | StatesError): void {
  fiber.status = 'done';
  fiber.run = undefined;
  fiber.wait = undefined;
  childEnded(fiber, result);
}

/**
 * Interrupts a fiber and everything under it, innermost first: its state stops what it waits on and writes
 * `<Type>StateAborted` (Task, Wait, Parallel, Map), then an inline Map iteration writes `MapIterationAborted`.
 */
export function abortFiber(fiber: Fiber): void {
  if (fiber.status === 'done') return;
  const run = fiber.run;
  if (run !== undefined) {
    abortKind(run.state.Type, fiber, run, run.state);
    if (ABORTABLE.has(run.state.Type)) fiber.snap.history.emit(fiber, ABORTED[run.state.Type]);
  }
  if (fiber.wait?.kind === 'timer') fiber.wait.timer.cancelled = true;
  fiber.status = 'done';
  fiber.run = undefined;
  fiber.wait = undefined;
  if (fiber.group?.iterationEvents === true) iterationEvent(fiber, 'MapIterationAborted');
  fiber.group?.live.delete(fiber);
}

/** A failure is a `StatesError`; anything else a fiber ends with is its output. */
export const isFailure = (result: JsonValue | StatesError): result is StatesError =>
  result instanceof StatesError;
