import type { SchemaLike } from '../types/type-utils.js';

/**
 * A type-only "schema" for states whose input you want typed without a runtime schema:
 * `choice('Route', { input: typed<OutputOf<typeof pay>>() })`. It carries no validation (no contract is recorded).
 */
export function typed<T>(): SchemaLike<T> {
  return Object.freeze({ '~standard': Object.freeze({}) }) as SchemaLike<T>;
}
