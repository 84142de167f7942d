import type { JsonObject, JsonValue } from '@stepcraft/asl';

/*
 * Aliasing rule for the whole expression layer: JSON values are never mutated once built. Path results, template
 * outputs and ResultPath merges therefore share unchanged sub-trees with their inputs instead of copying them;
 * only the objects and arrays on the changed spine are new. Data that comes from user code (execution input,
 * handler results) must be snapshotted once at that boundary by the interpreter.
 */

/** Whether `value` is a JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a JSON object; never an inherited one such as `constructor` or `__proto__`. */
export function ownField(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets `key` as a plain own data property, even when it is `__proto__`. */
export function setField(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/** Structural equality of two JSON values (key order ignored; `1` equals `1.0`). */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEquals(item, b[i] as JsonValue))
    );
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && jsonEquals(a[key] as JsonValue, b[key] as JsonValue));
}

/** Compact JSON text, as AWS quotes values in error causes. */
export function compactJson(value: JsonValue): string {
  return JSON.stringify(value);
}

/** A name for the JSON type of `value`, for error messages. */
export function jsonTypeName(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}
