import { createSucceedNode } from '../ir/succeed-node.js';
import type { Built, Unset } from '../types/type-utils.js';
import { type Chain, ChainImpl, type StateNames } from './chain.js';
import { stateFragment } from './fragment.js';
import {
  type CommonSpec,
  commonFields,
  type DeclaredInput,
  type MaybeSchema,
  type PassThrough,
} from './spec.js';

/** How `succeed()` is configured. */
export interface SucceedSpec<TInputSchema extends MaybeSchema> extends CommonSpec {
  readonly input?: TInputSchema;
}

/**
 * A Succeed state: ends the execution (or the branch/iteration) with its input as output.
 * @example succeed('Done') // "Done": { "Type": "Succeed" }
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html
 */
export function succeed<const TName extends string, TInputSchema extends MaybeSchema = Unset>(
  name: TName,
  spec: SucceedSpec<TInputSchema> = {},
): Built<Chain<DeclaredInput<TInputSchema>, PassThrough<TInputSchema, undefined>, StateNames<TName, false>>> {
  const node = createSucceedNode({ name, ...commonFields(spec, spec.input) });
  return new ChainImpl<
    DeclaredInput<TInputSchema>,
    PassThrough<TInputSchema, undefined>,
    StateNames<TName, false>
  >(stateFragment(node, [], false));
}
