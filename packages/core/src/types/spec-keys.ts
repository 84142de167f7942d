import type { Message } from './messages.js';
import type { StepcraftTypeError } from './type-error.js';

/**
 * The keys a spec object is given, as a type parameter (`spec: TheSpec & SpecKeys<TKeys, …>`). TypeScript infers
 * them in its first inference pass, which skips selectors: a check that depends on a selector's return type would
 * fail there (its type is not known yet) and the call with it. Knowing that the selector is given, the check waits
 * (`Pending`). A key the spec does not have is an error naming it, as excess-property checks would be.
 */
export type SpecKeys<TKeys extends PropertyKey, TKnown extends PropertyKey, TFactory extends string> = {
  readonly [K in TKeys]: K extends TKnown
    ? unknown
    : StepcraftTypeError<Message<'unknownField', [K & string, TFactory]>>;
};

/** `true` while `TInferred` waits on the selector at `TKey`: given (a key of `TKeys`), but still `TNotYet`. */
export type Pending<TKeys, TKey extends string, TInferred, TNotYet> = TKey extends TKeys
  ? [TInferred] extends [TNotYet]
    ? true
    : false
  : false;
