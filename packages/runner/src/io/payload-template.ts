import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { evaluateIntrinsic } from '../intrinsics/evaluate.js';
import { compactJson, setField } from './json.js';
import { type CompiledPath, compilePath, evaluateCompiledPath } from './path.js';
import type { EvaluationScope } from './scope.js';

/**
 * One entry of an object template, compiled once: what each `key.$` holds (a path compiled, an intrinsic call, or a
 * value that is neither) is decided here, not per evaluation.
 */
type Entry =
  | { readonly kind: 'path'; readonly key: string; readonly path: string; readonly compiled: CompiledPath }
  | { readonly kind: 'intrinsic'; readonly key: string; readonly call: string }
  | { readonly kind: 'invalid'; readonly key: string; readonly source: string }
  | { readonly kind: 'nested'; readonly key: string; readonly template: JsonValue };

/** Object templates split once into their entries (definitions are immutable once run). */
const compiled = new WeakMap<object, readonly Entry[]>();

function entriesOf(template: JsonObject): readonly Entry[] {
  let entries = compiled.get(template);
  if (entries === undefined) {
    entries = Object.entries(template).map(([key, value]) => entryOf(key, value));
    compiled.set(template, entries);
  }
  return entries;
}

function entryOf(source: string, value: JsonValue): Entry {
  if (!source.endsWith('.$')) return { kind: 'nested', key: source, template: value };
  const key = source.slice(0, -2);
  if (typeof value !== 'string') return { kind: 'invalid', key, source };
  if (!value.startsWith('$')) return { kind: 'intrinsic', key, call: value };
  return { kind: 'path', key, path: value, compiled: compilePath(value) };
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
  const entries = entriesOf(template);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as Entry;
    setField(output, entry.key, entryValue(entry, scope));
  }
  return output;
}

/** The value of one entry: a `key.$` entry's path or intrinsic call, or a nested template applied. */
function entryValue(entry: Entry, scope: EvaluationScope): JsonValue {
  switch (entry.kind) {
    case 'nested':
      return applyPayloadTemplate(entry.template, scope);
    case 'intrinsic':
      return evaluateIntrinsic(entry.call, scope);
    case 'invalid':
      throw new StatesError(
        'States.Runtime',
        `The value for the field '${entry.source}' must be a valid JSONPath or a valid intrinsic function call`,
      );
    case 'path': {
      const value = evaluateCompiledPath(entry.compiled, entry.path, scope);
      if (value === undefined) {
        throw new StatesError(
          'States.Runtime',
          `The JSONPath '${entry.path}' specified for the field '${entry.key}.$' could not be found in the input '${compactJson(scope.input)}'`,
        );
      }
      return value;
    }
  }
}
