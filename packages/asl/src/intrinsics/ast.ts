/** One argument of an intrinsic call. String escapes (`\'`, `\{`, `\}`, `\\`) are already resolved. */
export type IntrinsicArg =
  | {
      readonly kind: 'string';
      readonly value: string;
      /**
       * The text split at its `{}` placeholders, present only when an escaped brace (`\{`, `\}`) makes a plain
       * split of `value` wrong: `'\{\} is {}'` → `['{} is ', '']` (used as a `States.Format` template).
       */
      readonly templatePieces?: readonly string[];
    }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  /** `$.x`, `$$.x` or `$var.x`, as written. */
  | { readonly kind: 'path'; readonly path: string }
  | IntrinsicCall;

/**
 * An intrinsic function call such as `States.Format('Hi {}', $.name)`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export interface IntrinsicCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly IntrinsicArg[];
}
