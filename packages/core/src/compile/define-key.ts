import type { JsonObject, JsonValue } from '@stepcraft/asl';

/** Sets a key as an own data property, so user keys like `__proto__` stay plain data. */
export function defineKey(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
