import type { JsonValue, PassState } from '@stepcraft/asl';
import {
  evaluateAssign,
  inputPathOf,
  jsonataOutput,
  jsonPathAssign,
  outputPathOf,
  scopeOf,
} from '../evaluation.js';
import { inspect } from '../inspection.js';
import { applyPayloadTemplate, applyResultPath } from '../io/jsonpath.js';
import type { StateKind } from '../progress.js';
import type { Fiber, StateRun } from '../snapshot.js';
import { nextOf, type StateOutcome } from '../state-outcome.js';

/**
 * Pass: JSONPath result = `Result`, else the Parameters payload, else the effective input; ResultPath merges it into
 * the raw input. JSONata: `Output` or the input. Synchronous in JSONPath.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html
 */
export const passKind: StateKind<PassState> = {
  run(fiber, run, state) {
    const raw = run.input;
    if (run.jsonata) return runJsonataPass(fiber, run, state, raw);
    const effective = inputPathOf(fiber, run, state.InputPath, raw);
    let result: JsonValue;
    if (state.Result !== undefined) result = state.Result;
    else if (state.Parameters !== undefined) {
      result = applyPayloadTemplate(state.Parameters, scopeOf(fiber, run, effective, 'Parameters'));
      inspect(run, 'afterParameters', result);
    } else result = effective;
    inspect(run, 'result', result);
    const assigned = jsonPathAssign(fiber, run, state.Assign, result);
    const merged = applyResultPath(raw, state.ResultPath, result, run.name);
    inspect(run, 'afterResultPath', merged);
    const output = outputPathOf(fiber, run, state.OutputPath, merged);
    return { output, next: nextOf(state), assigned };
  },
};

async function runJsonataPass(
  fiber: Fiber,
  run: StateRun,
  state: PassState,
  raw: JsonValue,
): Promise<StateOutcome> {
  const assigned = await evaluateAssign(fiber, run, state.Assign, raw);
  return { output: await jsonataOutput(fiber, run, state.Output, raw, raw), next: nextOf(state), assigned };
}
