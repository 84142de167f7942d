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
  const seen = new Set<object>();
  const problem: { message?: string } = {};
  const copy = (v: unknown, path: string): JsonValue | undefined => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (Number.isFinite(v)) return v;
        problem.message = `${path} is ${String(v)}, which JSON cannot represent`;
        return undefined;
      case 'object': {
        if (v === null) return null;
        if (seen.has(v)) {
          problem.message = `${path} is a circular reference`;
          return undefined;
        }
        if (Array.isArray(v)) {
          seen.add(v);
          const out: JsonValue[] = new Array(v.length);
          for (let i = 0; i < v.length; i++) {
            const item = copy(v[i], `${path}[${i}]`);
            if (item === undefined) return undefined;
            out[i] = item;
          }
          seen.delete(v);
          return out;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) {
          const kind = (v as { constructor?: { name?: unknown } }).constructor?.name;
          problem.message = `${path} is a ${typeof kind === 'string' ? kind : 'class instance'}, not a plain object (convert it, e.g. a Date with toISOString())`;
          return undefined;
        }
        seen.add(v);
        const out: JsonObject = {};
        for (const key of Object.keys(v)) {
          const item = copy((v as Record<string, unknown>)[key], `${path}.${key}`);
          if (item === undefined) return undefined;
          setKey(out, key, item);
        }
        seen.delete(v);
        return out;
      }
      default:
        problem.message = `${path} is ${v === undefined ? 'undefined' : `a ${typeof v}`}, which JSON cannot represent`;
        return undefined;
    }
  };
  const result = copy(value, '$');
  return result === undefined
    ? { ok: false, message: problem.message ?? '$ is not JSON' }
    : { ok: true, value: result };
}

/** `JSON.stringify` for values known to be JSON. */
export const toJsonText = (value: JsonValue): string => JSON.stringify(value);

/** A fresh copy of JSON data (handlers get their own, so they cannot alter the execution's values). */
export function cloneJson(value: JsonValue): JsonValue {
  const copied = copyJson(value);
  return copied.ok ? copied.value : value;
}
