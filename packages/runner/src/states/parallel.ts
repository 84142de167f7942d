import type { JsonValue, ParallelState } from '@stepcraft/asl';
import { contextObject } from '../context-object.js';
import { jsonataField, jsonPathEffectiveInput, outputWithResult } from '../evaluation.js';
import { runMachine } from '../execute.js';
import type { Fiber, StateRun } from '../execution.js';
import { fanOut } from '../fan-out.js';
import { withRetryAndCatch } from '../retry.js';
import type { StateOutcome } from '../state-outcome.js';

/**
 * Parallel: every branch runs on the same input in its own variable scope; the result is the array of branch
 * outputs in branch order (AWS writes no ParallelStateSucceeded event). The first failing branch aborts the others and its error leaves the state unchanged.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html
 */
export function runParallel(fiber: Fiber, run: StateRun, raw: JsonValue): Promise<StateOutcome> {
  const state = run.state as ParallelState;
  const exec = fiber.exec;
  return withRetryAndCatch(
    fiber,
    run,
    raw,
    state,
    async (retryCount) => {
      run.context = contextObject(exec, run.name, run.enteredTime, { retryCount });
      const input = run.jsonata
        ? state.Arguments === undefined
          ? raw
          : await jsonataField(fiber, run, state.Arguments, raw, 'Arguments')
        : jsonPathEffectiveInput(fiber, run, raw, state.InputPath, state.Parameters);
      exec.history.emit(fiber, 'ParallelStateStarted');
      const result = await fanOut(
        fiber,
        state.Branches.length,
        state.Branches.length,
        false,
        (index, child) => runMachine(child, state.Branches[index] as (typeof state.Branches)[number], input),
        {},
      );
      return outputWithResult(fiber, run, state, raw, result);
    },
    (failure) => {
      if (failure.error !== 'States.Runtime') exec.history.emit(fiber, 'ParallelStateFailed');
    },
  );
}
