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
  const walk: Walk = { ancestors: [], path: [], problem: '' };
  const result = copy(value, walk);
  if (result !== undefined) return { ok: true, value: result };
  let path = '$';
  // The path was collected leaf first, while the walk unwound.
  for (let i = walk.path.length - 1; i >= 0; i--) {
    const key = walk.path[i];
    path += typeof key === 'number' ? `[${key}]` : `.${key}`;
  }
  return { ok: false, message: `${path} ${walk.problem}` };
}

/** The state of one `copyJson`: the containers being copied (for cycles) and, after a failure, where and why. */
interface Walk {
  readonly ancestors: object[];
  readonly path: (string | number)[];
  problem: string;
}

function fail(walk: Walk, problem: string): undefined {
  walk.problem = problem;
  return undefined;
}

/** The copy of `v`, or undefined when it is not JSON (then `walk` says why; each level adds its key on the way out). */
function copy(v: unknown, walk: Walk): JsonValue | undefined {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : fail(walk, `is ${String(v)}, which JSON cannot represent`);
    case 'object': {
      if (v === null) return null;
      const ancestors = walk.ancestors;
      if (ancestors.includes(v)) return fail(walk, 'is a circular reference');
      if (Array.isArray(v)) {
        ancestors.push(v);
        const out: JsonValue[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const item = copy(v[i], walk);
          if (item === undefined) {
            walk.path.push(i);
            return undefined;
          }
          out[i] = item;
        }
        ancestors.pop();
        return out;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        const kind = (v as { constructor?: { name?: unknown } }).constructor?.name;
        return fail(
          walk,
          `is a ${typeof kind === 'string' ? kind : 'class instance'}, not a plain object (convert it, e.g. a Date with toISOString())`,
        );
      }
      ancestors.push(v);
      const out: JsonObject = {};
      for (const key of Object.keys(v)) {
        const item = copy((v as Record<string, unknown>)[key], walk);
        if (item === undefined) {
          walk.path.push(key);
          return undefined;
        }
        setKey(out, key, item);
      }
      ancestors.pop();
      return out;
    }
    default:
      return fail(walk, `is ${v === undefined ? 'undefined' : `a ${typeof v}`}, which JSON cannot represent`);
  }
}

/** `JSON.stringify` for values known to be JSON. */
export const toJsonText = (value: JsonValue): string => JSON.stringify(value);

/** A fresh copy of JSON data (handlers get their own, so they cannot alter the execution's values). */
export function cloneJson(value: JsonValue): JsonValue {
  const copied = copyJson(value);
  return copied.ok ? copied.value : value;
}
