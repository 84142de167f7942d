import type { JsonValue, PassState } from '@stepcraft/asl';
import { evaluateAssign, jsonataOutput, scopeOf } from '../evaluation.js';
import { nextOf } from '../execute.js';
import type { Fiber, StateRun } from '../execution.js';
import { applyInputPath, applyOutputPath, applyPayloadTemplate, applyResultPath } from '../io/jsonpath.js';
import type { StateOutcome } from '../state-outcome.js';

/**
 * Pass: JSONPath result = `Result`, else the Parameters payload, else the effective input; ResultPath merges it into
 * the raw input. JSONata: `Output` or the input.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html
 */
export async function runPass(fiber: Fiber, run: StateRun, raw: JsonValue): Promise<StateOutcome> {
  const state = run.state as PassState;
  if (run.jsonata) {
    const assigned = await evaluateAssign(fiber, run, state.Assign, raw);
    return { output: await jsonataOutput(fiber, run, state.Output, raw, raw), next: nextOf(state), assigned };
  }
  const effective = applyInputPath(state.InputPath, scopeOf(fiber, run, raw, 'InputPath'));
  const result =
    state.Result !== undefined
      ? state.Result
      : state.Parameters !== undefined
        ? applyPayloadTemplate(state.Parameters, scopeOf(fiber, run, effective, 'Parameters'))
        : effective;
  const assigned = await evaluateAssign(fiber, run, state.Assign, result);
  const merged = applyResultPath(raw, state.ResultPath, result, run.name);
  const output = applyOutputPath(state.OutputPath, scopeOf(fiber, run, merged, 'OutputPath'));
  return { output, next: nextOf(state), assigned };
}
