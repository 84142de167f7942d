import type { JsonValue, PassState } from '@stepcraft/asl';
import {
  evaluateAssign,
  inputPathOf,
  jsonataOutput,
  jsonPathAssign,
  outputPathOf,
  scopeOf,
} from '../evaluation.js';
import { nextOf } from '../execute.js';
import type { Fiber, StateRun } from '../execution.js';
import { applyPayloadTemplate, applyResultPath } from '../io/jsonpath.js';
import type { StateOutcome } from '../state-outcome.js';

/**
 * Pass: JSONPath result = `Result`, else the Parameters payload, else the effective input; ResultPath merges it into
 * the raw input. JSONata: `Output` or the input.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html
 */
export function runPass(fiber: Fiber, run: StateRun, raw: JsonValue): StateOutcome | Promise<StateOutcome> {
  const state = run.state as PassState;
  if (run.jsonata) return runJsonataPass(fiber, run, state, raw);
  const effective = inputPathOf(fiber, run, state.InputPath, raw);
  const result =
    state.Result !== undefined
      ? state.Result
      : state.Parameters !== undefined
        ? applyPayloadTemplate(state.Parameters, scopeOf(fiber, run, effective, 'Parameters'))
        : effective;
  const assigned = jsonPathAssign(fiber, run, state.Assign, result);
  const merged = applyResultPath(raw, state.ResultPath, result, run.name);
  const output = outputPathOf(fiber, run, state.OutputPath, merged);
  return { output, next: nextOf(state), assigned };
}

async function runJsonataPass(
  fiber: Fiber,
  run: StateRun,
  state: PassState,
  raw: JsonValue,
): Promise<StateOutcome> {
  const assigned = await evaluateAssign(fiber, run, state.Assign, raw);
  return { output: await jsonataOutput(fiber, run, state.Output, raw, raw), next: nextOf(state), assigned };
}
