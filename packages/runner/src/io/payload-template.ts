import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { evaluateIntrinsic } from '../intrinsics/evaluate.js';
import { compactJson, setField } from './json.js';
import { evaluatePath } from './path.js';
import type { EvaluationScope } from './scope.js';

/** One entry of a compiled object template. */
type Entry =
  | {
      readonly key: string;
      readonly kind: 'dynamic';
      readonly source: string;
      readonly expression: JsonValue;
    }
  | { readonly key: string; readonly kind: 'nested'; readonly template: JsonValue };

/** Object templates split once into their entries (definitions are immutable once run). */
const compiled = new WeakMap<object, readonly Entry[]>();

function entriesOf(template: JsonObject): readonly Entry[] {
  let entries = compiled.get(template);
  if (entries === undefined) {
    entries = Object.entries(template).map(
      ([key, value]): Entry =>
        key.endsWith('.$')
          ? { key: key.slice(0, -2), kind: 'dynamic', source: key, expression: value }
          : { key, kind: 'nested', template: value },
    );
    compiled.set(template, entries);
  }
  return entries;
}

/**
 * Applies a JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign, Credentials,
 * ItemBatcher.BatchInput): every `key.$` at any depth, also inside arrays, becomes `key` with the value of its
 * path or intrinsic call; everything else is copied. The result shares nothing with the template.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html#input-output-parameters
 */
export function applyPayloadTemplate(template: JsonValue, scope: EvaluationScope): JsonValue {
  if (typeof template !== 'object' || template === null) return template;
  if (Array.isArray(template)) return template.map((item) => applyPayloadTemplate(item, scope));
  const output: JsonObject = {};
  for (const entry of entriesOf(template)) {
    const value =
      entry.kind === 'dynamic'
        ? evaluateDynamicValue(entry.source, entry.expression, scope)
        : applyPayloadTemplate(entry.template, scope);
    setField(output, entry.key, value);
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
