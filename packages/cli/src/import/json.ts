import type { JsonValue } from '@stepcraft/asl';
import { propertyKey } from './shape.js';

/** A JSON value as TypeScript source (`__proto__` keys stay own data keys). */
export function printJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(printJson).join(', ')}]`;
  const entries = Object.keys(value).map(
    (key) => `${propertyKey(key)}: ${printJson(value[key] as JsonValue)}`,
  );
  return `{ ${entries.join(', ')} }`;
}

/** Whether a value is a JSON object (not an array). */
export function isObject(value: unknown): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a template value holds a `….$` key anywhere (then it is not plain data). */
export function hasDynamicKey(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(hasDynamicKey);
  if (!isObject(value)) return false;
  return Object.keys(value).some((key) => key.endsWith('.$') || hasDynamicKey(value[key] as JsonValue));
}
