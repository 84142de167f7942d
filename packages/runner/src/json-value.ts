import type { JsonObject, JsonValue } from '@stepcraft/asl';

/** Sets `key` on `target` as plain data, even for `__proto__`. */
export function setKey(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Result of `copyJson`: a fresh JSON copy, or where and why the value is not JSON. */
export type JsonCheck =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly message: string };

/**
 * Copies an untrusted value (a handler's result, a callback's output) into fresh JSON data, so later mutation by the
 * handler cannot reach the execution. Rejects what JSON cannot hold: functions, symbols, bigints, `undefined` inside
 * containers, non-finite numbers, cycles and class instances (Date, Map…), naming the path.
 */
export function copyJson(value: unknown): JsonCheck {
  // Keys from the root to the value being copied: the path is only spelled out when something is wrong.
  const keys: (string | number)[] = [];
  const ancestors = new Set<object>();
  let problem: string | undefined;
  const fail = (what: string): undefined => {
    let path = '$';
    for (const key of keys) path += typeof key === 'number' ? `[${key}]` : `.${key}`;
    problem = `${path} ${what}`;
    return undefined;
  };
  const copy = (v: unknown): JsonValue | undefined => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(v) ? v : fail(`is ${String(v)}, which JSON cannot represent`);
      case 'object': {
        if (v === null) return null;
        if (ancestors.has(v)) return fail('is a circular reference');
        if (Array.isArray(v)) {
          ancestors.add(v);
          const out: JsonValue[] = new Array(v.length);
          for (let i = 0; i < v.length; i++) {
            keys.push(i);
            const item = copy(v[i]);
            if (item === undefined) return undefined;
            keys.pop();
            out[i] = item;
          }
          ancestors.delete(v);
          return out;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) {
          const kind = (v as { constructor?: { name?: unknown } }).constructor?.name;
          return fail(
            `is a ${typeof kind === 'string' ? kind : 'class instance'}, not a plain object (convert it, e.g. a Date with toISOString())`,
          );
        }
        ancestors.add(v);
        const out: JsonObject = {};
        for (const key of Object.keys(v)) {
          keys.push(key);
          const item = copy((v as Record<string, unknown>)[key]);
          if (item === undefined) return undefined;
          keys.pop();
          setKey(out, key, item);
        }
        ancestors.delete(v);
        return out;
      }
      default:
        return fail(`is ${v === undefined ? 'undefined' : `a ${typeof v}`}, which JSON cannot represent`);
    }
  };
  const result = copy(value);
  return result === undefined
    ? { ok: false, message: problem ?? '$ is not JSON' }
    : { ok: true, value: result };
}

/** `JSON.stringify` for values known to be JSON. */
export const toJsonText = (value: JsonValue): string => JSON.stringify(value);

/** A fresh copy of JSON data (handlers get their own, so they cannot alter the execution's values). */
export function cloneJson(value: JsonValue): JsonValue {
  const copied = copyJson(value);
  return copied.ok ? copied.value : value;
}
