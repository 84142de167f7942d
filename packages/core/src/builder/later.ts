import type { Built, Unset } from '../types/type-utils.js';
import { type Chain, ChainImpl, type StateNames } from './chain.js';
import { freezeFragment } from './fragment.js';
import { type DeclaredInput, isSchema, type MaybeSchema } from './spec.js';

/** A reference to a state defined elsewhere: a closed chain (the state's own `Next` is wired where it is defined). */
export type Later<TName extends string, TInput> = Chain<TInput, unknown, StateNames<TName, false>>;

/** How `later()` is configured. */
export interface LaterSpec<TInputSchema extends MaybeSchema> {
  /**
   * The referenced state's input: what flows into the reference is checked against it, like any target. When
   * both this and the state's own `input` are real schemas, `compile()` requires them to be the same schema.
   */
  readonly input?: TInputSchema;
}

/**
 * A late-bound reference to the state named `name`, for cycles whose edges are all Catch or Choice edges (states
 * are immutable values, so a state cannot point at one built after it). `state` returns the real state when the
 * graph is built; without it the state must be reachable some other way. `compile()` reports
 * `UNRESOLVED_REFERENCE` when no state has the name.
 * @example
 * const attempt = task('Attempt', { resource: lambda.invoke('Call'), input: Job, resultSelector: lambda.payload })
 *   .catch(['States.ALL'], later('RetryCheck', () => retryCheck, { input: Job }), { resultPath: null });
 * const retryCheck = choice('RetryCheck', { input: Job })
 *   .when(({ input }) => input.tries.numericLessThan(3), attempt)
 *   .otherwise(fail('GaveUp'));
 * workflow('Retrying', { input: Job }).start(attempt)
 * // "Attempt": { …, "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": null, "Next": "RetryCheck" }] }
 */
export function later<const TName extends string, TInputSchema extends MaybeSchema = Unset>(
  name: TName,
  // `() => void`: TypeScript then never infers the thunk's return type, so a cycle of `const`s type-checks.
  state: () => void,
  spec?: LaterSpec<TInputSchema>,
): Built<Later<TName, DeclaredInput<TInputSchema>>>;
export function later<const TName extends string, TInputSchema extends MaybeSchema = Unset>(
  name: TName,
  spec?: LaterSpec<TInputSchema>,
): Built<Later<TName, DeclaredInput<TInputSchema>>>;
export function later(
  name: string,
  stateOrSpec?: (() => void) | LaterSpec<MaybeSchema>,
  maybeSpec?: LaterSpec<MaybeSchema>,
): Later<string, unknown> {
  const resolve: (() => unknown) | undefined = typeof stateOrSpec === 'function' ? stateOrSpec : undefined;
  const spec = typeof stateOrSpec === 'function' ? maybeSpec : stateOrSpec;
  const input = isSchema(spec?.input) ? spec.input : undefined;
  return new ChainImpl<unknown, unknown, StateNames<string, false>>(
    freezeFragment({
      startAt: name,
      states: [],
      transitions: [],
      ends: [],
      later: [
        Object.freeze({
          name,
          ...(input === undefined ? {} : { input }),
          ...(resolve === undefined ? {} : { resolve }),
        }),
      ],
    }),
  );
}
