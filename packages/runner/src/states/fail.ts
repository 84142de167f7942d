import type { FailState, JsonValue } from '@stepcraft/asl';
import { StatesError, verbatim } from '../errors.js';
import { jsonataField, scopeOf } from '../evaluation.js';
import { evaluateIntrinsic, queryPath } from '../io/jsonpath.js';
import type { StateKind } from '../progress.js';
import type { Fiber, StateRun } from '../snapshot.js';

/**
 * Fail: fails this machine with `Error`/`Cause` (literal, `*Path` reference or intrinsic, or JSONata).
 * A missing Error is reported as absent (AWS omits it from ExecutionFailed).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
export const failKind: StateKind<FailState> = {
  async run(fiber, run, state) {
    const raw = run.input;
    const error = await text(fiber, run, raw, 'Error', state.Error, state.ErrorPath);
    const cause = await text(fiber, run, raw, 'Cause', state.Cause, state.CausePath);
    throw verbatim(error ?? '', cause);
  },
};

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
