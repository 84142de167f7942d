import type { AslDocument, JsonValue } from '@stepcraft/asl';
import type { QueryLanguage } from '@stepcraft/core';
import {
  type ExecutionHandle,
  type ExecutionResult,
  type Handlers,
  lazyPromise,
  type RunOptions,
  start as runnerStart,
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

/** What the toolkit adds to the runner's result: the definition that ran and the history read as visits. */
export interface TestExecutionDetails<TStates extends string = string> {
  /** Phantom: the names of the workflow's states, when its type lists them (for the matchers' state arguments). */
  readonly '~states'?: TStates;
  /** The state machine's name. */
  readonly workflow: string;
  readonly definition: AslDocument;
  /** The history as state visits (parsed inputs, outputs, task calls, retries, errors, per-state inspection). */
  readonly view: ExecutionView;
}

/** A finished test execution: the runner's result (discriminated by `status`, `output` typed) and its details. */
export type TestExecution<TOutput = JsonValue, TStates extends string = string> = ExecutionResult<TOutput> &
  TestExecutionDetails<TStates>;

/** A running test execution: the runner's handle, whose `result` is a `TestExecution`. */
export interface TestHandle<TOutput = JsonValue, TStates extends string = string>
  extends Omit<ExecutionHandle<TOutput>, 'result'> {
  /** How the execution ends; awaiting it lets virtual time move (the runner's time policy). */
  readonly result: Promise<TestExecution<TOutput, TStates>>;
}

/**
 * Starts a workflow with mocks and returns a handle to drive it: wait for a callback task's token and answer it
 * (typed by the state), move the clock, abort. Checks the mocks and handlers as `run()` does (throwing at once).
 * @example
 * const execution = start(humanApproval, expense);
 * const { token, input } = await execution.waitForTaskToken(askApproval);
 * execution.sendTaskSuccess(token, { approved: true, approver: 'ada' });
 * expect(await execution.result).toSucceedWith(expect.objectContaining({ payment: { paid: true } }));
 */
export function start<const TWorkflow extends Testable>(
  workflow: TWorkflow,
  input: InputOf<TWorkflow>,
  options: TestRunOptions = {},
): TestHandle<OutputOf<TWorkflow>, StateNamesOf<TWorkflow>> {
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
  const handle = runnerStart(resolved.runnable, input as JsonValue, {
    inspect: true,
    ...runOptions,
    handlers: handlers as Handlers,
  });
  const result = lazyPromise(async () => {
    const ended = await handle.result;
    if (setupError !== undefined) throw setupError;
    return finishExecution<OutputOf<TWorkflow>, StateNamesOf<TWorkflow>>(ended, name, resolved.definition);
  });
  return {
    result,
    waitForTaskToken: (state) => handle.waitForTaskToken(state),
    sendTaskSuccess: (token, output) => handle.sendTaskSuccess(token, output),
    sendTaskFailure: (token, error, cause) => handle.sendTaskFailure(token, error, cause),
    sendTaskHeartbeat: (token) => handle.sendTaskHeartbeat(token),
    advance: (ms) => handle.advance(ms),
    now: () => handle.now(),
    abort: (error, cause) => handle.abort(error, cause),
    history: () => handle.history(),
  };
}

/**
 * Runs a workflow with mocks: checks every mock and handler key against the workflow (a typo is an error that
 * suggests the right name), checks that every Task has an answer, runs with per-state inspection on, and records
 * coverage when the `@stepcraft/testing` reporter is on. Throws only for mistakes in the test (unknown keys,
 * unmocked tasks, a mock called more often than scripted); a failing workflow is a result.
 * @example
 * const result = await run(orderProcessing, order, { mocks: [mock(processPayment).rejects('PaymentDeclined')] });
 * expect(result).toFailWith('OrderFailed');
 */
export function run<const TWorkflow extends Testable>(
  workflow: TWorkflow,
  input: InputOf<TWorkflow>,
  options: TestRunOptions = {},
): Promise<TestExecution<OutputOf<TWorkflow>, StateNamesOf<TWorkflow>>> {
  try {
    return start(workflow, input, options).result;
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Wraps a finished runner result: reads its history (telling apart, by evaluating them again, Choice rules that
 * lead to the same state) and records coverage.
 */
export async function finishExecution<TOutput, TStates extends string = string>(
  result: ExecutionResult<unknown>,
  workflow: string,
  definition: AslDocument,
): Promise<TestExecution<TOutput, TStates>> {
  const inspections = result.inspections;
  const first = historyView(result.history, definition, undefined, inspections);
  const rules = new Map<number, ChoiceRuleTaken>();
  for (const visit of first.visits) {
    if (visit.type !== 'Choice' || visit.rule !== undefined || visit.next === undefined) continue;
    const rule = await evaluateRule(definition, visit, first.visits);
    if (rule !== undefined) rules.set(visit.enteredEventId, rule);
  }
  const view = rules.size === 0 ? first : historyView(result.history, definition, rules, inspections);
  recordCoverage(workflow, definition, view);
  // The runner's result holds the output typed by the workflow; the toolkit only adds to it.
  return { ...(result as ExecutionResult<TOutput>), workflow, definition, view };
}

function define(table: Record<string, TaskHandler>, key: string, handler: TaskHandler): void {
  Object.defineProperty(table, key, { value: handler, enumerable: true, writable: true, configurable: true });
}
