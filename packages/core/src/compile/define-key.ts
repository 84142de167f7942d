// Keys a fresh `{}` inherits: `__proto__` is a setter there, and a frozen `Object.prototype` would reject the others.
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));
// The lowest first character of those names (`_`, before the lower-case letters): keys starting lower are not among them.
const LOWEST = Math.min(...[...INHERITED].map((name) => name.charCodeAt(0) || 0));

/**
 * Sets a key as an own data property, so user keys like `__proto__` stay plain data. Plain assignment is the fast
 * path; `Object.defineProperty` (which leaves a slow dictionary-mode object) only for inherited names.
 */
export function defineKey<TValue>(target: Record<string, TValue>, key: string, value: TValue): void {
  // Inherited names start with `_` or a lower-case letter: ASL's fields and most state names are told apart by their
  // first character, without a lookup (an empty key reads as 0).
  if ((key.charCodeAt(0) || 0) >= LOWEST && INHERITED.has(key)) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}
