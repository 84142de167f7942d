/** A JSON object as read from untrusted input. */
export type Obj = Readonly<Record<string, unknown>>;

/** Whether `value` is a non-null, non-array object. */
export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `obj` has `key` as an own property (so `constructor` or `__proto__` never resolve to inherited members). */
export function has(obj: Obj, key: string): boolean {
  return Object.hasOwn(obj, key);
}

/** The own property `key` of `obj`, or `undefined`. */
export function own(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Defines `key` on `obj` as a plain data property, safe for keys such as `__proto__`. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A short name of the JSON type of `value`, for messages. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
