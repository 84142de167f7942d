import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { isObject } from './source-text.js';

/**
 * The document with the deprecated Map fields renamed, as AWS reads them: `Iterator` → `ItemProcessor` and `Parameters` →
 * `ItemSelector`, in every machine; the input is not changed. `import --modernize`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html
 */
export function modernize(document: JsonObject): JsonObject {
  return machine(document);
}

function machine(value: JsonObject): JsonObject {
  if (!isObject(value.States)) return value;
  const states: JsonObject = {};
  for (const name of Object.keys(value.States)) define(states, name, state(value.States[name] as JsonValue));
  return rename(value, { States: states });
}

function state(value: JsonValue): JsonValue {
  if (!isObject(value)) return value;
  const replaced: Record<string, JsonValue> = {};
  if (Array.isArray(value.Branches))
    replaced.Branches = value.Branches.map((b) => (isObject(b) ? machine(b) : b));
  if (value.Type !== 'Map') return rename(value, replaced);
  const processor = value.ItemProcessor ?? value.Iterator;
  if (isObject(processor))
    replaced[Object.hasOwn(value, 'ItemProcessor') ? 'ItemProcessor' : 'Iterator'] = machine(processor);
  const names: Record<string, string> = {};
  if (!Object.hasOwn(value, 'ItemProcessor') && Object.hasOwn(value, 'Iterator'))
    names.Iterator = 'ItemProcessor';
  if (!Object.hasOwn(value, 'ItemSelector') && Object.hasOwn(value, 'Parameters'))
    names.Parameters = 'ItemSelector';
  return rename(value, replaced, names);
}

// A copy of `value` with some values replaced and some keys renamed, in place (keys keep their order).
function rename(
  value: JsonObject,
  replaced: Readonly<Record<string, JsonValue>>,
  names: Readonly<Record<string, string>> = {},
): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    define(
      out,
      Object.hasOwn(names, key) ? (names[key] as string) : key,
      Object.hasOwn(replaced, key) ? (replaced[key] as JsonValue) : (value[key] as JsonValue),
    );
  }
  return out;
}

function define(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
