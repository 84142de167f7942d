import type { FailState, JsonValue } from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { jsonataField, scopeOf } from '../evaluation.js';
import { type Fiber, type StateRun, verbatim } from '../execution.js';
import { evaluateIntrinsic, queryPath } from '../io/jsonpath.js';
import type { StateOutcome } from '../state-outcome.js';

/**
 * Fail: fails this machine with `Error`/`Cause` (literal, `*Path` reference or intrinsic, or JSONata).
 * A missing Error is reported as absent (AWS omits it from ExecutionFailed).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
export async function runFail(fiber: Fiber, run: StateRun, raw: JsonValue): Promise<StateOutcome> {
  const state = run.state as FailState;
  const error = await text(fiber, run, raw, 'Error', state.Error, state.ErrorPath);
  const cause = await text(fiber, run, raw, 'Cause', state.Cause, state.CausePath);
  throw verbatim(error ?? '', cause);
}

async function text(
  fiber: Fiber,
  run: StateRun,
  raw: JsonValue,
  field: 'Error' | 'Cause',
  literal: string | undefined,
  path: string | undefined,
): Promise<string | undefined> {
  let value: JsonValue | undefined;
  let where = field as string;
  if (literal !== undefined) {
    value = run.jsonata ? await jsonataField(fiber, run, literal, raw, field) : literal;
  } else if (path !== undefined) {
    where = `${field}Path`;
    const scope = scopeOf(fiber, run, raw, where);
    if (path.startsWith('$')) {
      try {
        value = queryPath(path, scope);
      } catch (e) {
        if (!(e instanceof StatesError)) throw e;
        throw new StatesError(
          'States.Runtime',
          `The JSONPath '${path}' specified for the field '${where}' could not be found in the input '${JSON.stringify(raw)}'`,
        );
      }
    } else {
      value = evaluateIntrinsic(path, scope);
    }
  } else {
    return undefined;
  }
  if (typeof value === 'string') return value;
  throw new StatesError(
    run.jsonata ? 'States.QueryEvaluationError' : 'States.Runtime',
    `The value of the field '${where}' must be a string, but was: ${JSON.stringify(value)}`,
  );
}
