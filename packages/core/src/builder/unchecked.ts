import { type AnyChain, type Chain, ChainImpl, type OutputOf } from './chain.js';
import { fragmentOf } from './fragment.js';

/**
 * `state` (or a chain) with its input left unchecked: whatever precedes it is accepted. The escape hatch for an edge
 * whose data the types cannot follow, such as an imported definition that reads a Lambda Invoke envelope as if it
 * were the function's payload (`stepcraft import` prints it with a comment saying the edge is not type-checked).
 * Prefer fixing the data: `resultSelector: lambda.payload`, or an input schema that says what really arrives.
 * @example fetch.next(unchecked(useMetadata)) // "Fetch": { …, "Next": "UseMetadata" }: same ASL, no check
 */
export function unchecked<TChain extends AnyChain>(
  state: TChain,
): Chain<unknown, OutputOf<TChain>, TChain['~types']['names']> {
  return new ChainImpl<unknown, OutputOf<TChain>, TChain['~types']['names']>(fragmentOf(state));
}
