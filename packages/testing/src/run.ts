import type { AslDocument, JsonValue } from '@stepcraft/asl';
import type { QueryLanguage } from '@stepcraft/core';
import {
  type ExecutionResult,
  type Handlers,
  type RunOptions,
  start,
  type TaskHandler,
} from '@stepcraft/runner';
import { recordCoverage } from './coverage/record.js';
import { type ChoiceRuleTaken, evaluateRule } from './history/choice-rule.js';
import { type ExecutionView, historyView } from './history/view.js';
import { type AnswerKey, assertAllMocked, checkKeys, keyOfTarget } from './mocks/check.js';
import { mockHandler } from './mocks/handler.js';
import { type AnyMock, scriptOf } from './mocks/mock.js';
import {
  type InputOf,
  type OutputOf,
  resolveWorkflow,
  type StateNamesOf,
  type Testable,
} from './workflow.js';

/** Options of the toolkit's `run()`: the runner's options plus mocks and the unmocked-task policy. */
export interface TestRunOptions extends RunOptions {
  /** Scripted answers for Task states or resources; they win over `handlers` and the workflow's own handlers. */
  readonly mocks?: readonly AnyMock[];
  /**
   * Task states with neither a mock nor a handler: `'error'` (default) throws `UnmockedStatesError` listing them
   * before the run; `'allow'` runs anyway, and the run fails with `Stepcraft.MissingHandler` if it reaches one.
   */
  readonly unmocked?: 'error' | 'allow';
  /** The query language to compile a builder workflow to (default: the workflow's own). */
  readonly queryLanguage?: QueryLanguage;
}

/** A finished test execution: the runner's result, the definition that ran, and the history read as visits. */
export interface TestExecution<TOutput = JsonValue, TStates extends string = string>
  extends Omit<ExecutionResult, 'output'> {
  readonly output?: TOutput;
  /** Phantom: the names of the workflow's states, when its type lists them (for the matchers' state arguments). */
  readonly '~states'?: TStates;
  /** The state machine's name. */
  readonly workflow: string;
  readonly definition: AslDocument;
  /** The history as state visits (parsed inputs, outputs, task calls, retries, errors). */
  readonly view: ExecutionView;
}

/**
 * Runs a workflow with mocks: checks every mock and handler key against the workflow (a typo is an error that
 * suggests the right name), checks that every Task has an answer, runs, and records coverage when the
 * `@stepcraft/testing` reporter is on. Throws only for mistakes in the test (unknown keys, unmocked tasks, a mock
 * called more often than scripted); a failing workflow is a result.
 * @example
 * const result = await run(orderProcessing, order, { mocks: [mock(processPayment).rejects('PaymentDeclined')] });
 * expect(result).toFailWith('OrderFailed');
 */
export async function run<const TWorkflow extends Testable>(
  workflow: TWorkflow,
  input: InputOf<TWorkflow>,
  options: TestRunOptions = {},
): Promise<TestExecution<OutputOf<TWorkflow>, StateNamesOf<TWorkflow>>> {
  const { mocks = [], unmocked = 'error', queryLanguage, ...runOptions } = options;
  const resolved = resolveWorkflow(workflow, queryLanguage);
  const name = runOptions.stateMachineName ?? resolved.name;
  const scripts = mocks.map(scriptOf);
  const keys: AnswerKey[] = [
    ...scripts.map((s) => keyOfTarget(s.target)),
    ...Object.keys(runOptions.handlers ?? {}).map((key) => ({ key, source: 'handlers', isState: false })),
  ];
  const mocked = new Set<string>();
  for (const { target } of scripts) {
    if (mocked.has(target.key)) {
      throw new TypeError(
        `Two mocks answer ${JSON.stringify(target.key)}: keep one and sequence its answers.`,
      );
    }
    mocked.add(target.key);
  }
  checkKeys(resolved.definition, name, keys);
  if (unmocked === 'error') assertAllMocked(resolved.definition, name, keys, resolved.handlers);

  let setupError: Error | undefined;
  const stop = (error: Error): void => {
    setupError ??= error;
    handle.abort('Stepcraft.TestSetupError', error.message);
  };
  // Null prototype: a state named `constructor` must not find Object.prototype.constructor.
  const handlers: Record<string, TaskHandler> = Object.create(null);
  for (const [key, handler] of Object.entries(runOptions.handlers ?? {})) define(handlers, key, handler);
  for (const script of scripts) define(handlers, script.target.key, mockHandler(script, stop));
  const handle = start(resolved.runnable, input as JsonValue, {
    ...runOptions,
    handlers: handlers as Handlers,
  });
  const result = await handle.result;
  if (setupError !== undefined) throw setupError;
  return finishExecution<OutputOf<TWorkflow>, StateNamesOf<TWorkflow>>(result, name, resolved.definition);
}

/**
 * Wraps a finished runner result: reads its history (telling apart, by evaluating them again, Choice rules that
 * lead to the same state) and records coverage.
 */
export async function finishExecution<TOutput, TStates extends string = string>(
  result: ExecutionResult,
  workflow: string,
  definition: AslDocument,
): Promise<TestExecution<TOutput, TStates>> {
  const first = historyView(result.history, definition);
  const rules = new Map<number, ChoiceRuleTaken>();
  for (const visit of first.visits) {
    if (visit.type !== 'Choice' || visit.rule !== undefined || visit.next === undefined) continue;
    const rule = await evaluateRule(definition, visit, first.visits);
    if (rule !== undefined) rules.set(visit.enteredEventId, rule);
  }
  const view = rules.size === 0 ? first : historyView(result.history, definition, rules);
  recordCoverage(workflow, definition, view);
  const { history, output, ...rest } = result;
  return {
    ...rest,
    ...(output === undefined ? {} : { output: output as TOutput }),
    history,
    workflow,
    definition,
    view,
  };
}

function define(table: Record<string, TaskHandler>, key: string, handler: TaskHandler): void {
  Object.defineProperty(table, key, { value: handler, enumerable: true, writable: true, configurable: true });
}
