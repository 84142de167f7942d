import type { JsonValue } from '@stepcraft/asl';
import {
  createIntrinsicNode,
  createRawNode,
  type IntrinsicName,
  type TemplateNode,
} from '../ir/template-node.js';
import type { Primitive } from '../types/type-utils.js';
import type { TaskToken } from './context.js';
import { boxNode, type Expr, toTemplate } from './refs.js';

declare const tokenInside: unique symbol;

/** An intrinsic result built from `$$.Task.Token` (`States.Format('…{}', $$.Task.Token)`): it still sends the token. */
export interface CarriesTaskToken {
  readonly [tokenInside]: true;
}

/** Whether a value is the task token or an intrinsic result built from it. */
export type IsTaskToken<T> =
  T extends Expr<infer $Value>
    ? [$Value] extends [TaskToken]
      ? true
      : T extends CarriesTaskToken
        ? true
        : false
    : false;

// The result of an intrinsic over `TArgs`, branded when one of them is the task token.
type Carrying<TResult, TArgs extends readonly unknown[]> =
  true extends IsTaskToken<TArgs[number]> ? Expr<TResult> & CarriesTaskToken : Expr<TResult>;

/** An intrinsic argument: a literal of the type, or any ref/intrinsic result of it. */
export type Arg<T> = Expr<T> | (T extends Primitive ? T : never);

// Typed by the helper's declared result (an `Expr`, maybe token-branded).
function call<TExpr extends Expr<unknown>>(name: IntrinsicName, args: readonly unknown[]): TExpr {
  const nodes: TemplateNode[] = args.map((arg, i) => toTemplate(arg, `${name} argument ${i + 1}`));
  return boxNode<TExpr>(createIntrinsicNode(name, nodes));
}

type Merged<A, B> = { [K in keyof A | keyof B]: K extends keyof B ? B[K] : K extends keyof A ? A[K] : never };

/**
 * The 18 intrinsic functions as typed helpers over refs. Each returns an `Expr` of its result type, which may be
 * used in Parameters/ResultSelector/ItemSelector and as an argument of another intrinsic.
 * @example States.format('Order {} of {}', input.orderId, input.customer) // "x.$": "States.Format('Order {} of {}', $.orderId, $.customer)"
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export const States = Object.freeze({
  /** `States.Format`: replaces each `{}` in `template` by the next argument. */
  format: <const TValues extends readonly Arg<Primitive>[]>(
    template: Arg<string>,
    ...values: TValues
  ): Carrying<string, TValues> => call('States.Format', [template, ...values]),
  /** `States.StringToJson`: parses a JSON string. */
  stringToJson: <T = JsonValue>(text: Arg<string>): Expr<T> => call('States.StringToJson', [text]),
  /** `States.JsonToString`: serialises a value as compact JSON. */
  jsonToString: <TValue extends Expr<unknown>>(value: TValue): Carrying<string, [TValue]> =>
    call('States.JsonToString', [value]),
  /** `States.Array`: an array of the arguments. */
  array: <const TItems extends readonly Arg<unknown>[]>(
    ...items: TItems
  ): Carrying<{ -readonly [K in keyof TItems]: TItems[K] extends Expr<infer $V> ? $V : TItems[K] }, TItems> =>
    call('States.Array', items),
  /** `States.ArrayPartition`: chunks of `size`. */
  arrayPartition: <T>(array: Expr<readonly T[]>, size: Arg<number>): Expr<T[][]> =>
    call('States.ArrayPartition', [array, size]),
  /** `States.ArrayContains`: whether `value` is an element (deep equality). */
  arrayContains: <T>(array: Expr<readonly T[]>, value: Arg<T>): Expr<boolean> =>
    call('States.ArrayContains', [array, value]),
  /** `States.ArrayRange`: integers from `first` towards `last` by `step`. */
  arrayRange: (first: Arg<number>, last: Arg<number>, step: Arg<number>): Expr<number[]> =>
    call('States.ArrayRange', [first, last, step]),
  /** `States.ArrayGetItem`: the element at `index`. */
  arrayGetItem: <T>(array: Expr<readonly T[]>, index: Arg<number>): Expr<T> =>
    call('States.ArrayGetItem', [array, index]),
  /** `States.ArrayLength`: the number of elements. */
  arrayLength: (array: Expr<readonly unknown[]>): Expr<number> => call('States.ArrayLength', [array]),
  /** `States.ArrayUnique`: the array without duplicates. */
  arrayUnique: <T>(array: Expr<readonly T[]>): Expr<T[]> => call('States.ArrayUnique', [array]),
  /** `States.Base64Encode`. */
  base64Encode: <TText extends Arg<string>>(text: TText): Carrying<string, [TText]> =>
    call('States.Base64Encode', [text]),
  /** `States.Base64Decode`. */
  base64Decode: (text: Arg<string>): Expr<string> => call('States.Base64Decode', [text]),
  /** `States.Hash`: lowercase hex digest. */
  hash: (
    data: Arg<string>,
    algorithm: Arg<'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'>,
  ): Expr<string> => call('States.Hash', [data, algorithm]),
  /** `States.JsonMerge` (shallow; AWS supports only `false` as the third argument, which is emitted for you). */
  jsonMerge: <A extends object, B extends object>(a: Expr<A>, b: Expr<B>): Expr<Merged<A, B>> =>
    call('States.JsonMerge', [a, b, false]),
  /** `States.MathRandom`: an integer in [start, end). */
  mathRandom: (start: Arg<number>, end: Arg<number>, seed?: Arg<number>): Expr<number> =>
    call('States.MathRandom', seed === undefined ? [start, end] : [start, end, seed]),
  /** `States.MathAdd`: the sum of two integers. */
  mathAdd: (a: Arg<number>, b: Arg<number>): Expr<number> => call('States.MathAdd', [a, b]),
  /** `States.StringSplit`: splits on every character of `delimiters`, dropping empty parts. */
  stringSplit: (text: Arg<string>, delimiters: Arg<string>): Expr<string[]> =>
    call('States.StringSplit', [text, delimiters]),
  /** `States.UUID`: a random v4 UUID. */
  uuid: (): Expr<string> => call('States.UUID', []),
});

/**
 * Raw ASL, emitted verbatim inside a template (the escape hatch): `raw({ 'id.$': '$.x' })`. Its type is what you
 * declare.
 */
export function raw<T = JsonValue>(value: JsonValue): Expr<T> {
  return boxNode<Expr<T>>(createRawNode(value));
}
