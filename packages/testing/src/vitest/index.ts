import type { DeeplyAllowMatchers } from 'vitest';
import { expect } from 'vitest';
import { setTestFileSource } from '../coverage/record.js';
import type { ChoiceRuleTaken } from '../history/choice-rule.js';
import { type StateRef, stepcraftMatchers } from './matchers.js';

export type { StateRef } from './matchers.js';
export { stepcraftMatchers } from './matchers.js';

/** The state names an execution's type knows (a plain ASL document typed `as const`), else `string`. */
export type StateNameOf<TReceived> = TReceived extends { readonly '~states'?: infer $States }
  ? [$States] extends [string]
    ? $States
    : string
  : string;

/** The output type of an execution (`unknown` when it is not known). */
export type OutputOfExecution<TReceived> = TReceived extends { readonly output?: infer $Output }
  ? $Output
  : unknown;

/**
 * Matchers on executions (`run()` results of `@stepcraft/testing` or `@stepcraft/runner`, run records). Their
 * failure messages show the path the execution took.
 */
export interface StepcraftMatchers<TReceived = unknown> {
  /** Succeeded with exactly this output (asymmetric matchers such as `expect.objectContaining` allowed). */
  toSucceedWith(output: DeeplyAllowMatchers<OutputOfExecution<TReceived>>): void;
  /** Failed (or timed out, or was aborted) with this error, and this cause when given (text, RegExp or matcher). */
  toFailWith(error: string, cause?: unknown): void;
  /** Entered these states in this order (other states may come between). */
  toHaveVisited(states: readonly StateRef<StateNameOf<TReceived>>[]): void;
  /** A visit of this Choice matched this rule (index into `Choices`) or its `Default`. */
  toHaveTakenBranch(choice: StateRef<StateNameOf<TReceived>>, rule: ChoiceRuleTaken): void;
  /** This state was retried exactly this many times in all (a Task, Map or Parallel). */
  toHaveRetried(state: StateRef<StateNameOf<TReceived>>, times: number): void;
  /** This state failed with this error and a Catch took it on. */
  toHaveCaught(state: StateRef<StateNameOf<TReceived>>, error: string): void;
  /** Some state assigned this value to this variable. */
  toHaveAssigned(variable: string, value: unknown): void;
  /** A visit of this state lasted exactly this many seconds (a Wait state's wait, on the run's clock). */
  toHaveWaited(state: StateRef<StateNameOf<TReceived>>, seconds: number): void;
}

declare module 'vitest' {
  interface Assertion<T> extends StepcraftMatchers<T> {}
}

expect.extend(stepcraftMatchers);
// Coverage attributes each run to its test file, so the reporter can keep only some files' runs.
setTestFileSource(() => expect.getState().testPath);
