import type { AslState, JsonValue, StateType, SubMachine } from '@stepcraft/asl';
import { yieldToEventLoop } from './clock.js';
import { checkContract, contractFor } from './contracts.js';
import { checkSignal, type Fiber, fatal, isInterrupt, type StateRun, verbatim } from './execution.js';
import { dataLimitCause, exceedsPayloadLimit } from './limits.js';
import { locate } from './retry.js';
import type { StateOutcome } from './state-outcome.js';
import { runChoice } from './states/choice.js';
import { runFail } from './states/fail.js';
import { runMap } from './states/map.js';
import { runParallel } from './states/parallel.js';
import { runPass } from './states/pass.js';
import { runSucceed } from './states/succeed.js';
import { runTask } from './states/task.js';
import { runWait } from './states/wait.js';
import { assignAll } from './variables.js';

/** How often (in transitions) a busy execution lets the event loop run, so `abort()` and signals get through. */
const YIELD_EVERY = 1024;

/** States that write `<Type>StateAborted` when an execution or a sibling failure stops them mid-way. */
const ABORTABLE = new Set(['Task', 'Wait', 'Parallel', 'Map']);

/**
 * Runs a state machine (the top level, a branch or an iteration) from `StartAt` until a terminal state and returns
 * its output. A failure leaves as a `StatesError`; an interrupt (abort, timeout, sibling failure) as `INTERRUPT`.
 * States that finish synchronously (Pass, Choice, Succeed in JSONPath) cost no microtask.
 */
export async function runMachine(fiber: Fiber, machine: SubMachine, input: JsonValue): Promise<JsonValue> {
  let name = machine.StartAt;
  let data = input;
  for (;;) {
    const state = Object.hasOwn(machine.States, name) ? machine.States[name] : undefined;
    if (state === undefined)
      throw verbatim('States.Runtime', `The state '${name}' does not exist in this state machine.`);
    if (!Object.hasOwn(runners, state.Type))
      throw verbatim(
        'States.Runtime',
        `The state '${name}' has an unknown Type ${JSON.stringify(state.Type)}.`,
      );
    const pending = executeState(fiber, name, state, data);
    const outcome = pending instanceof Promise ? await pending : pending;
    if (outcome.next === undefined) return outcome.output;
    name = outcome.next;
    data = outcome.output;
  }
}

/** Counts a transition: enforces `maxTransitions` and yields to the event loop now and then. */
function countTransition(fiber: Fiber): Promise<void> | undefined {
  const exec = fiber.exec;
  exec.transitions++;
  if (exec.transitions > exec.settings.maxTransitions) {
    fatal(
      exec,
      'Stepcraft.TransitionLimitExceeded',
      `The execution made more than ${exec.settings.maxTransitions} state transitions (maxTransitions); it may loop forever. Raise the limit with run(..., { maxTransitions }) if this is intended.`,
    );
  }
  return exec.transitions % YIELD_EVERY === 0 ? yieldToEventLoop(exec.clock) : undefined;
}

/** A state's work: synchronous when it can be, a promise when it waits (handlers, timers, JSONata, children). */
type Runner = (fiber: Fiber, run: StateRun, input: JsonValue) => StateOutcome | Promise<StateOutcome>;

const runners: { readonly [T in StateType]: Runner } = {
  Pass: runPass,
  Task: runTask,
  Choice: runChoice,
  Wait: runWait,
  Succeed: runSucceed,
  Fail: runFail,
  Parallel: runParallel,
  Map: runMap,
};

const eventTypes = (suffix: string) =>
  Object.fromEntries(Object.keys(runners).map((type) => [type, `${type}${suffix}`])) as Readonly<
    Record<StateType, string>
  >;
/** Event type names built once, not per transition. */
const ENTERED = eventTypes('StateEntered');
const EXITED = eventTypes('StateExited');

/**
 * Enters one state, runs it, applies its assignments and exits it (history, limits and contracts included).
 * Returns a promise only when something on the way is asynchronous.
 */
function executeState(
  fiber: Fiber,
  name: string,
  state: AslState,
  input: JsonValue,
): StateOutcome | Promise<StateOutcome> {
  checkSignal(fiber.signal);
  const pause = countTransition(fiber);
  if (pause === undefined) return enterState(fiber, name, state, input);
  return pause.then(() => {
    checkSignal(fiber.signal);
    return enterState(fiber, name, state, input);
  });
}

function enterState(
  fiber: Fiber,
  name: string,
  state: AslState,
  input: JsonValue,
): StateOutcome | Promise<StateOutcome> {
  const exec = fiber.exec;
  const enteredEventId = exec.history.emitState(fiber, ENTERED[state.Type], name, input);
  const enteredTime = exec.stamp();
  const run: StateRun = {
    name,
    state,
    enteredEventId,
    enteredTime,
    jsonata: (state.QueryLanguage ?? exec.queryLanguage) === 'JSONata',
    context: undefined,
  };
  const inputSchema = contractFor(exec, name, 'stateInput');
  if (inputSchema === undefined) return performState(fiber, run, input);
  return checkContract(fiber, name, 'stateInput', inputSchema, input).then(() =>
    performState(fiber, run, input),
  );
}

function performState(fiber: Fiber, run: StateRun, input: JsonValue): StateOutcome | Promise<StateOutcome> {
  let pending: StateOutcome | Promise<StateOutcome>;
  try {
    pending = runners[run.state.Type](fiber, run, input);
  } catch (thrown) {
    throw stateFailure(fiber, run, thrown);
  }
  if (!(pending instanceof Promise)) {
    if (fiber.concurrent !== true) return exitState(fiber, run, pending);
    pending = Promise.resolve(pending);
  }
  return pending.then(
    (outcome) => exitState(fiber, run, outcome),
    (thrown: unknown) => {
      throw stateFailure(fiber, run, thrown);
    },
  );
}

/** What leaves a state that threw: `<Type>StateAborted` for interrupted long-running states, then the located error. */
function stateFailure(fiber: Fiber, run: StateRun, thrown: unknown): unknown {
  if (isInterrupt(thrown) && ABORTABLE.has(run.state.Type))
    fiber.exec.history.emit(fiber, `${run.state.Type}StateAborted`);
  return locate(fiber, run, thrown);
}

function exitState(fiber: Fiber, run: StateRun, outcome: StateOutcome): StateOutcome | Promise<StateOutcome> {
  const exec = fiber.exec;
  checkSignal(fiber.signal);
  if (outcome.assigned !== undefined) assignAll(fiber.vars, outcome.assigned, run.name);
  if (exceedsPayloadLimit(outcome.output)) {
    throw verbatim('States.DataLimitExceeded', dataLimitCause(run.name, outcome.output));
  }
  const outputSchema = contractFor(exec, run.name, 'stateOutput');
  if (outputSchema === undefined) return recordExit(fiber, run, outcome);
  return checkContract(fiber, run.name, 'stateOutput', outputSchema, outcome.output).then(() =>
    recordExit(fiber, run, outcome),
  );
}

function recordExit(fiber: Fiber, run: StateRun, outcome: StateOutcome): StateOutcome {
  fiber.exec.history.emitState(fiber, EXITED[run.state.Type], run.name, outcome.output, outcome.assigned);
  return outcome;
}

/** `Next`, or undefined for `End: true`. */
export function nextOf(state: { readonly Next?: string; readonly End?: boolean }): string | undefined {
  return state.End === true ? undefined : state.Next;
}
