import type { AslState, JsonValue, SubMachine } from '@stepcraft/asl';
import { yieldToEventLoop } from './clock.js';
import { contextObject } from './context-object.js';
import { checkContract, contractFor } from './contracts.js';
import { checkSignal, type Fiber, fatal, isInterrupt, type StateRun, verbatim } from './execution.js';
import { NOT_TRUNCATED, serialiseAssigned } from './history.js';
import { dataLimitCause, exceedsPayloadLimit, textExceedsPayloadLimit } from './limits.js';
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
 */
export async function runMachine(fiber: Fiber, machine: SubMachine, input: JsonValue): Promise<JsonValue> {
  let name = machine.StartAt;
  let data = input;
  for (;;) {
    const state = Object.hasOwn(machine.States, name) ? machine.States[name] : undefined;
    if (state === undefined)
      throw verbatim('States.Runtime', `The state '${name}' does not exist in this state machine.`);
    const outcome = await executeState(fiber, name, state, data);
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

const runners: {
  readonly [T in AslState['Type']]: (fiber: Fiber, run: StateRun, input: JsonValue) => Promise<StateOutcome>;
} = {
  Pass: runPass,
  Task: runTask,
  Choice: runChoice,
  Wait: runWait,
  Succeed: runSucceed,
  Fail: runFail,
  Parallel: runParallel,
  Map: runMap,
};

/** Enters one state, runs it, applies its assignments and exits it (history, limits and contracts included). */
async function executeState(
  fiber: Fiber,
  name: string,
  state: AslState,
  input: JsonValue,
): Promise<StateOutcome> {
  const exec = fiber.exec;
  checkSignal(fiber.signal);
  const pause = countTransition(fiber);
  if (pause !== undefined) {
    await pause;
    checkSignal(fiber.signal);
  }
  const record = exec.settings.recordHistory;
  const enteredEventId = exec.history.emit(
    fiber,
    `${state.Type}StateEntered`,
    record ? { name, input: JSON.stringify(input), inputDetails: NOT_TRUNCATED } : undefined,
  );
  const enteredTime = new Date(exec.clock.now()).toISOString();
  const run: StateRun = {
    name,
    state,
    enteredEventId,
    enteredTime,
    jsonata: (state.QueryLanguage ?? exec.queryLanguage) === 'JSONata',
    context: contextObject(exec, name, enteredTime),
  };
  const inputSchema = contractFor(exec, name, 'stateInput');
  if (inputSchema !== undefined) await checkContract(fiber, name, 'stateInput', inputSchema, input);

  let outcome: StateOutcome;
  try {
    outcome = await runners[state.Type](fiber, run, input);
  } catch (thrown) {
    if (isInterrupt(thrown) && ABORTABLE.has(state.Type))
      exec.history.emit(fiber, `${state.Type}StateAborted`);
    throw locate(fiber, run, thrown);
  }
  checkSignal(fiber.signal);
  if (outcome.assigned !== undefined) assignAll(fiber.vars, outcome.assigned);

  const outputText = record ? JSON.stringify(outcome.output) : undefined;
  if (outputText === undefined ? exceedsPayloadLimit(outcome.output) : textExceedsPayloadLimit(outputText)) {
    throw verbatim('States.DataLimitExceeded', dataLimitCause(name));
  }
  const outputSchema = contractFor(exec, name, 'stateOutput');
  if (outputSchema !== undefined)
    await checkContract(fiber, name, 'stateOutput', outputSchema, outcome.output);
  exec.history.emit(
    fiber,
    `${state.Type}StateExited`,
    outputText === undefined
      ? undefined
      : {
          name,
          output: outputText,
          outputDetails: NOT_TRUNCATED,
          ...(outcome.assigned === undefined || outcome.assigned.size === 0
            ? {}
            : {
                assignedVariables: serialiseAssigned(outcome.assigned),
                assignedVariablesDetails: NOT_TRUNCATED,
              }),
        },
  );
  return outcome;
}

/** `Next`, or undefined for `End: true`. */
export function nextOf(state: { readonly Next?: string; readonly End?: boolean }): string | undefined {
  return state.End === true ? undefined : state.Next;
}
