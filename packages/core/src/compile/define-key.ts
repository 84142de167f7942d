// Keys a fresh `{}` inherits: `__proto__` is a setter there, and a frozen `Object.prototype` would reject the others.
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Sets a key as an own data property, so user keys like `__proto__` stay plain data. Plain assignment is the fast
 * path; `Object.defineProperty` (which leaves a slow dictionary-mode object) only for inherited names.
 */
export function defineKey<TValue>(target: Record<string, TValue>, key: string, value: TValue): void {
  if (INHERITED.has(key)) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}
