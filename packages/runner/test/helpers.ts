import type { JsonValue } from '@stepcraft/asl';
import { StatesError } from '../src/errors.js';
import type { EvaluationScope } from '../src/io/scope.js';

/**
 * An `EvaluationScope` over `input` for testing one expression function outside the interpreter: the given
 * variables and context object, a fixed random source, and placeholder state and field names.
 */
export function scopeOf(
  input: JsonValue,
  variables: Readonly<Record<string, JsonValue>> = {},
  context: JsonValue = {},
  random: () => number = () => 0.5,
): EvaluationScope {
  return {
    input,
    context: () => context,
    variables: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
    stateName: 'S',
    field: 'Parameters',
    random,
  };
}

/** The `StatesError` that `run` throws; fails the test when it throws nothing or something else. */
export function errorOf(run: () => unknown): StatesError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}
