import type { OrError } from '../types/type-utils.js';

/**
 * A state typed as the `OrError` its factory returns. When the check fails that type is the error message, which
 * no value has, so at run time the value is always the state: the one place the type-level error channel meets a
 * value, hence the one cast.
 */
export function orError<TCheck, TState>(state: TState): OrError<TCheck, TState> {
  return state as OrError<TCheck, TState>;
}
