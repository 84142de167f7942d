import type { JsonValue, SucceedState } from '@stepcraft/asl';
import { jsonataOutput, scopeOf } from '../evaluation.js';
import type { Fiber, StateRun } from '../execution.js';
import { applyInputPath, applyOutputPath } from '../io/jsonpath.js';
import type { StateOutcome } from '../state-outcome.js';

/**
 * Succeed: ends this machine (the execution, a branch or an iteration) with its filtered input.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html
 */
export async function runSucceed(fiber: Fiber, run: StateRun, raw: JsonValue): Promise<StateOutcome> {
  const state = run.state as SucceedState;
  if (run.jsonata)
    return {
      output: await jsonataOutput(fiber, run, state.Output, raw, raw),
      next: undefined,
      assigned: undefined,
    };
  const effective = applyInputPath(state.InputPath, scopeOf(fiber, run, raw, 'InputPath'));
  const output = applyOutputPath(state.OutputPath, scopeOf(fiber, run, effective, 'OutputPath'));
  return { output, next: undefined, assigned: undefined };
}
