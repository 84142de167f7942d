import type { JsonValue } from '@stepcraft/asl';
import { unescapeKey } from './plain-keys.js';

/*
 * jsonata reads fields with `input[key]`, so on plain data `$states.input.constructor` would find
 * Object.prototype.constructor and `$states.input.__proto__` Object.prototype. Data handed to jsonata is therefore
 * wrapped in read-only views that expose own properties only; results are unwrapped again, so nothing is copied.
 */

const viewOf = new WeakMap<object, object>();
const targetOf = new WeakMap<object, object>();

// Path steps named `__proto__` or `hasOwnProperty` arrive escaped (see plain-keys.ts).
const objectHandler: ProxyHandler<Record<string, JsonValue>> = {
  get: (target, key) => {
    if (typeof key !== 'string') return undefined;
    const name = unescapeKey(key);
    return Object.hasOwn(target, name) ? ownView(target[name]) : undefined;
  },
  has: (target, key) => typeof key === 'string' && Object.hasOwn(target, unescapeKey(key)),
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
};

// Arrays keep their prototype (jsonata calls array methods) but hand out wrapped elements.
const arrayHandler: ProxyHandler<JsonValue[]> = {
  get: (target, key, receiver) => {
    const value: unknown = Reflect.get(target, key, receiver);
    return typeof key === 'string' && Object.hasOwn(target, key) ? ownView(value as JsonValue) : value;
  },
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
};

/** A read-only view of `value` (memoised per object) whose objects answer own properties only. */
export function ownView<T extends JsonValue | undefined>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  let view = viewOf.get(value);
  if (view === undefined) {
    view = Array.isArray(value) ? new Proxy(value, arrayHandler) : new Proxy(value, objectHandler);
    viewOf.set(value, view);
    targetOf.set(view, value);
  }
  return view as T;
}

/** The data behind a view, or `undefined` when `value` is not a view. */
export function viewTarget(value: unknown): JsonValue | undefined {
  return typeof value === 'object' && value !== null
    ? (targetOf.get(value) as JsonValue | undefined)
    : undefined;
}
