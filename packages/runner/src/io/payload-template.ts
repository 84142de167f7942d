import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { evaluateIntrinsic } from '../intrinsics/evaluate.js';
import { compactJson, setField } from './json.js';
import { evaluatePath } from './path.js';
import type { EvaluationScope } from './scope.js';

/**
 * Applies a JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign, Credentials,
 * ItemBatcher.BatchInput): every `key.$` at any depth, also inside arrays, becomes `key` with the value of its
 * path or intrinsic call; everything else is copied. The result shares nothing with the template.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html#input-output-parameters
 */
export function applyPayloadTemplate(template: JsonValue, scope: EvaluationScope): JsonValue {
  if (Array.isArray(template)) return template.map((item) => applyPayloadTemplate(item, scope));
  if (typeof template !== 'object' || template === null) return template;
  const output: JsonObject = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$')) {
      setField(output, key.slice(0, -2), evaluateDynamicValue(key, value, scope));
    } else {
      setField(output, key, applyPayloadTemplate(value, scope));
    }
  }
  return output;
}

/** The value of a `key.$` entry: a path (`$…`, `$$…`, `$var…`) or an intrinsic function call. */
function evaluateDynamicValue(key: string, expression: JsonValue, scope: EvaluationScope): JsonValue {
  if (typeof expression !== 'string') {
    throw new StatesError(
      'States.Runtime',
      `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`,
    );
  }
  if (!expression.startsWith('$')) return evaluateIntrinsic(expression, scope);
  const value = evaluatePath(expression, scope);
  if (value === undefined) {
    throw new StatesError(
      'States.Runtime',
      `The JSONPath '${expression}' specified for the field '${key}' could not be found in the input '${compactJson(scope.input)}'`,
    );
  }
  return value;
}
