import type { AslDocument, AslState, JsonObject, JsonValue } from '@stepcraft/asl';
import type { ExecutionStatus, StateInspection } from '@stepcraft/runner';
import { statesOf } from './definition/states.js';
import { run, type TestExecution, type TestRunOptions } from './run.js';
import { didYouMean } from './text/suggest.js';
import { resolveWorkflow, type Testable } from './workflow.js';

/** Options of `inspect()`: mocks and handlers as for `run()`, and the variables the state can read. */
export interface InspectOptions
  extends Pick<TestRunOptions, 'mocks' | 'handlers' | 'unmocked' | 'queryLanguage'> {
  /** Variables as they are when the state is entered (TestState's `variables`). */
  readonly variables?: Readonly<Record<string, JsonValue>>;
}

/** What one state did on one input: TestState's inspection data, its status and the state it would go to next. */
export interface Inspection extends StateInspection {
  /** `SUCCEEDED` when the state completed (or was caught), else how it ended. */
  readonly status: ExecutionStatus;
  /** The state it goes to next (a Choice's target, a catcher's `Next`); absent at an end. */
  readonly nextState?: string;
  /** The run of the state alone, for matchers and the history view. */
  readonly execution: TestExecution;
}

/**
 * TestState reports every step of a JSONPath state's pipeline, a step its state does not use included (with the
 * value it passes on): recorded on AWS, a Task without Parameters or ResultSelector still has `afterParameters` and
 * `afterResultSelector`. The runner records only the steps a state uses; this fills in the others.
 */
function withEveryStep(
  inspection: StateInspection,
  state: AslState,
  definition: AslDocument,
): StateInspection {
  const jsonata = (state.QueryLanguage ?? definition.QueryLanguage) === 'JSONata';
  if (jsonata || !['Task', 'Pass', 'Parallel'].includes(state.Type)) return inspection;
  const filled: { -readonly [K in keyof StateInspection]: StateInspection[K] } = { ...inspection };
  if (filled.afterParameters === undefined && filled.afterInputPath !== undefined)
    filled.afterParameters = filled.afterInputPath;
  if (state.Type !== 'Pass' && filled.afterResultSelector === undefined && filled.result !== undefined)
    filled.afterResultSelector = filled.result;
  return filled;
}

const PREPARE = '#variables';
const INPUT = '#input';
const NEXT = '#next';

/** The state, with every transition leading to a numbered end state (so the one taken tells the next state). */
function rewired(state: AslState, targets: string[]): AslState {
  const to = (name: string): string => {
    let index = targets.indexOf(name);
    if (index < 0) index = targets.push(name) - 1;
    return `${NEXT}${index}`;
  };
  const transitions: Record<string, unknown> = {};
  if ('Next' in state && typeof state.Next === 'string') transitions.Next = to(state.Next);
  if ('Catch' in state && Array.isArray(state.Catch))
    transitions.Catch = state.Catch.map((c) => ({ ...c, Next: to(c.Next) }));
  if (state.Type === 'Choice') {
    transitions.Choices = state.Choices.map((rule) => ({ ...rule, Next: to(rule.Next) }));
    if (typeof state.Default === 'string') transitions.Default = to(state.Default);
  }
  return { ...state, ...transitions } as AslState;
}

/**
 * Runs one state of a workflow on an input, alone, like AWS's TestState API: the state's value after InputPath,
 * after Parameters (or Arguments), its result, after ResultSelector and ResultPath, its output, the variables it
 * assigned, its retries and error, and the state it goes to next. Tasks answer with their mocks or handlers; a
 * Map or Parallel runs its iterations or branches whole.
 * @example
 * const step = await inspect(orderProcessing, pay, order, { mocks: [mock(pay).resolves({ paymentId: 'p', status: 'PAID' })] });
 * step.afterResultSelector // { paymentId: 'p', status: 'PAID' }
 * step.afterResultPath     // { ...order, payment: { paymentId: 'p', status: 'PAID' } }
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 */
export async function inspect(
  workflow: Testable,
  state: string | { readonly name: string },
  input: JsonValue,
  options: InspectOptions = {},
): Promise<Inspection> {
  const { variables, queryLanguage, ...runOptions } = options;
  const resolved = resolveWorkflow(workflow, queryLanguage);
  const name = typeof state === 'string' ? state : state.name;
  const states = statesOf(resolved.definition);
  const entry = states.get(name);
  if (entry === undefined) {
    throw new TypeError(
      `No state ${JSON.stringify(name)} in workflow ${JSON.stringify(resolved.name)}.${didYouMean(name, states.keys())}`,
    );
  }
  const targets: string[] = [];
  const probeStates: Record<string, AslState> = {};
  const names = Object.keys(variables ?? {});
  if (names.length > 0) {
    // Variables come in with the execution input and are assigned first; the state then gets its own input.
    const assign: JsonObject = {};
    for (const variable of names) assign[`${variable}.$`] = `$.variables[${JSON.stringify(variable)}]`;
    probeStates[PREPARE] = { Type: 'Pass', QueryLanguage: 'JSONPath', Assign: assign, Next: INPUT };
    probeStates[INPUT] = { Type: 'Pass', QueryLanguage: 'JSONPath', InputPath: '$.input', Next: name };
  }
  probeStates[name] = rewired(entry.state, targets);
  targets.forEach((_, i) => {
    probeStates[`${NEXT}${i}`] = { Type: 'Succeed' };
  });
  const probe: AslDocument = {
    ...(resolved.definition.QueryLanguage === undefined
      ? {}
      : { QueryLanguage: resolved.definition.QueryLanguage }),
    StartAt: names.length > 0 ? PREPARE : name,
    States: probeStates,
  };
  const execution = await run(
    { definition: probe, handlers: resolved.handlers, name: resolved.name },
    names.length > 0 ? { variables: variables ?? {}, input } : input,
    { ...runOptions, validate: false },
  );
  const visit = execution.view.visitsOf(name)[0];
  const inspection = visit?.inspection;
  if (inspection === undefined) {
    throw new TypeError(
      `State ${JSON.stringify(name)} was not run: ${execution.error ?? ''} ${execution.cause ?? ''}`.trim(),
    );
  }
  const taken = visit?.next === undefined ? undefined : targets[Number(visit.next.slice(NEXT.length))];
  return {
    ...withEveryStep(inspection, entry.state, resolved.definition),
    status: execution.status,
    ...(taken === undefined ? {} : { nextState: taken }),
    execution,
  };
}
