import type { OrError, Param } from '../types/fit.js';

/**
 * A state typed as the `OrError` its factory returns. When the check fails that type is the error message, which
 * no value has, so at run time the value is always the state.
 */
export function orError<TCheck, TState>(state: TState): OrError<TCheck, TState> {
  return state as OrError<TCheck, TState>;
}

/**
 * The value of a checked parameter (`Param<T, TCheck>`). A failed check's type is a message no value has, so the
 * value is always a `T`. With `orError`, the one place the type-level error channel meets a value, hence the casts.
 */
export function checked<T, TCheck>(value: Param<T, TCheck>): T {
  return value as T;
}
