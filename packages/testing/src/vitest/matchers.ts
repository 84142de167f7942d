import type { AslDocument, JsonValue } from '@stepcraft/asl';
import type { MatcherResult as ExpectationResult, MatcherState } from 'vitest';
import { statesOf } from '../definition/states.js';
import type { ChoiceRuleTaken } from '../history/choice-rule.js';
import { describeRun } from '../history/describe.js';
import { type ExecutionView, historyView } from '../history/view.js';
import type { StateVisit } from '../history/visits.js';
import { didYouMean } from '../text/suggest.js';

/** A state named by its value (a `task()`, `choice()`… from the builder) or by its name. */
export type StateRef<TName extends string = string> = TName | { readonly name: TName };

const nameOf = (state: StateRef): string => (typeof state === 'string' ? state : state.name);

interface Received {
  readonly view: ExecutionView;
  readonly output: JsonValue | undefined;
  /** Throws when the definition that ran has no such state (a typo must not pass a negated matcher). */
  readonly state: (state: StateRef) => string;
}

/**
 * Reads what `expect()` received: a `run()` result of this package, a runner `ExecutionResult` (`history`), or a
 * run record (`events` with its `definition`).
 */
function received(value: unknown): Received {
  if (typeof value === 'object' && value !== null) {
    const v = value as {
      view?: ExecutionView;
      history?: unknown;
      events?: unknown;
      definition?: AslDocument;
      output?: JsonValue;
    };
    const definition = typeof v.definition === 'object' && v.definition !== null ? v.definition : undefined;
    const state = (ref: StateRef): string => {
      const name = nameOf(ref);
      if (definition === undefined || statesOf(definition).has(name)) return name;
      throw new Error(
        `No state ${quote(name)} in the workflow that ran.${didYouMean(name, statesOf(definition).keys())}`,
      );
    };
    if (v.view !== undefined) return { view: v.view, output: v.output, state };
    const history = Array.isArray(v.history) ? v.history : Array.isArray(v.events) ? v.events : undefined;
    if (history !== undefined) return { view: historyView(history, definition), output: v.output, state };
  }
  throw new TypeError(
    'Stepcraft matchers expect an execution: the result of run() from @stepcraft/testing or @stepcraft/runner, or a run record.',
  );
}

const quote = (name: string): string => JSON.stringify(name);

function result(
  state: MatcherState,
  pass: boolean,
  view: ExecutionView,
  positive: string,
  negative: string,
  detail = '',
): ExpectationResult {
  return {
    pass,
    message: () =>
      `${state.isNot ? negative : positive}${detail === '' ? '' : `\n${detail}`}\n\n${describeRun(view)}`,
  };
}

function visitsOf(view: ExecutionView, state: string): readonly StateVisit[] {
  return view.visitsOf(state);
}

/** The matchers, as `expect.extend` takes them. */
export const stepcraftMatchers = {
  toSucceedWith(this: MatcherState, execution: unknown, expected: unknown): ExpectationResult {
    const { view, output } = received(execution);
    const succeeded = view.status === 'SUCCEEDED';
    const pass = succeeded && this.equals(output, expected);
    const detail = succeeded
      ? (this.utils.diff(expected, output) ?? '')
      : `It ${view.status} with ${view.error ?? 'no error'}${view.cause === undefined ? '' : `: ${view.cause}`}`;
    return {
      ...result(
        this,
        pass,
        view,
        `expected the execution to succeed with ${this.utils.printExpected(expected)}`,
        `expected the execution not to succeed with ${this.utils.printExpected(expected)}`,
        detail,
      ),
      actual: output,
      expected,
    };
  },

  toFailWith(this: MatcherState, execution: unknown, error: string, cause?: unknown): ExpectationResult {
    const { view } = received(execution);
    const failed = view.status !== 'SUCCEEDED' && view.status !== 'RUNNING';
    const causeMatches =
      cause === undefined ||
      (cause instanceof RegExp
        ? view.cause !== undefined && cause.test(view.cause)
        : this.equals(view.cause, cause));
    const pass = failed && view.error === error && causeMatches;
    const wanted = `${quote(error)}${cause === undefined ? '' : ` and cause ${this.utils.printExpected(cause)}`}`;
    return result(
      this,
      pass,
      view,
      `expected the execution to fail with ${wanted}`,
      `expected the execution not to fail with ${wanted}`,
      failed
        ? `It ${view.status} with ${quote(view.error ?? '')}${view.cause === undefined ? '' : ` and cause ${this.utils.printReceived(view.cause)}`}`
        : 'It SUCCEEDED',
    );
  },

  toHaveVisited(this: MatcherState, execution: unknown, states: readonly StateRef[]): ExpectationResult {
    const { view, state } = received(execution);
    const wanted = states.map(state);
    let at = 0;
    for (const name of view.path) if (at < wanted.length && name === wanted[at]) at++;
    const pass = at === wanted.length;
    const sequence = wanted.map(quote).join(' → ');
    return result(
      this,
      pass,
      view,
      `expected the execution to visit ${sequence} in this order`,
      `expected the execution not to visit ${sequence} in this order`,
      pass
        ? ''
        : `${quote(wanted[at] ?? '')} was not entered${at === 0 ? '' : ` after ${quote(wanted[at - 1] ?? '')}`}`,
    );
  },

  toHaveTakenBranch(
    this: MatcherState,
    execution: unknown,
    choice: StateRef,
    rule: ChoiceRuleTaken,
  ): ExpectationResult {
    const { view, state } = received(execution);
    const name = state(choice);
    const visits = visitsOf(view, name);
    const pass = visits.some((v) => v.rule === rule);
    const label = rule === 'Default' ? 'its Default' : `rule #${rule}`;
    const taken = visits.map((v) =>
      v.rule === undefined
        ? v.next === undefined
          ? 'no rule (nothing matched)'
          : `to ${quote(v.next)} (rule not known: give run() the definition)`
        : v.rule === 'Default'
          ? `Default to ${quote(v.next ?? '')}`
          : `rule #${v.rule} to ${quote(v.next ?? '')}`,
    );
    return result(
      this,
      pass,
      view,
      `expected Choice ${quote(name)} to take ${label}`,
      `expected Choice ${quote(name)} not to take ${label}`,
      visits.length === 0 ? `${quote(name)} was never entered` : `It took: ${taken.join('; ')}`,
    );
  },

  toHaveRetried(this: MatcherState, execution: unknown, state: StateRef, times: number): ExpectationResult {
    const { view, state: stateName } = received(execution);
    const name = stateName(state);
    const retries = visitsOf(view, name).flatMap((v) => v.retries);
    const pass = retries.length === times;
    return result(
      this,
      pass,
      view,
      `expected ${quote(name)} to be retried ${times} time${times === 1 ? '' : 's'}`,
      `expected ${quote(name)} not to be retried ${times} time${times === 1 ? '' : 's'}`,
      `It was retried ${retries.length} time${retries.length === 1 ? '' : 's'}${
        retries.length === 0
          ? ''
          : `: ${retries.map((r) => `${r.error} then ${r.delaySeconds} s`).join(', ')}`
      }`,
    );
  },

  toHaveCaught(this: MatcherState, execution: unknown, state: StateRef, error: string): ExpectationResult {
    const { view, state: stateName } = received(execution);
    const name = stateName(state);
    const caught = visitsOf(view, name).filter((v) => v.status === 'caught');
    const pass = caught.some((v) => v.error === error);
    return result(
      this,
      pass,
      view,
      `expected ${quote(name)} to catch ${quote(error)}`,
      `expected ${quote(name)} not to catch ${quote(error)}`,
      caught.length === 0
        ? `${quote(name)} caught nothing`
        : `It caught ${caught.map((v) => `${quote(v.error ?? '')} → ${quote(v.next ?? '')}`).join(', ')}`,
    );
  },

  toHaveAssigned(
    this: MatcherState,
    execution: unknown,
    variable: string,
    value: unknown,
  ): ExpectationResult {
    const { view } = received(execution);
    const assignments = view.visits.flatMap((v) =>
      v.assigned !== undefined && Object.hasOwn(v.assigned, variable)
        ? [{ state: v.state, value: v.assigned[variable] }]
        : [],
    );
    const pass = assignments.some((a) => this.equals(a.value, value));
    return result(
      this,
      pass,
      view,
      `expected the variable $${variable} to be assigned ${this.utils.printExpected(value)}`,
      `expected the variable $${variable} not to be assigned ${this.utils.printExpected(value)}`,
      assignments.length === 0
        ? `No state assigned $${variable}`
        : `It was assigned ${assignments.map((a) => `${this.utils.printReceived(a.value)} by ${quote(a.state)}`).join(', ')}`,
    );
  },

  toHaveWaited(this: MatcherState, execution: unknown, state: StateRef, seconds: number): ExpectationResult {
    const { view, state: stateName } = received(execution);
    const name = stateName(state);
    const waits = visitsOf(view, name)
      .filter((v) => v.exitedAt !== undefined)
      .map((v) => ((v.exitedAt as number) - v.enteredAt) / 1000);
    const pass = waits.some((w) => w === seconds);
    return result(
      this,
      pass,
      view,
      `expected ${quote(name)} to wait ${seconds} s`,
      `expected ${quote(name)} not to wait ${seconds} s`,
      waits.length === 0
        ? `${quote(name)} was never entered and left`
        : `It waited ${waits.map((w) => `${w} s`).join(', ')}`,
    );
  },
};
