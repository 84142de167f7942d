declare const typeErrorBrand: unique symbol;

/**
 * A compile-time error message. Builder methods put it in the *parameter* position when wiring is wrong, so the
 * editor shows the message at the call site instead of a structural diff (kysely's `KyselyTypeError`, tRPC's
 * `TypeError`). No value ever has this type.
 */
export interface StepcraftTypeError<TMessage extends string> {
  readonly [typeErrorBrand]: TMessage;
}
