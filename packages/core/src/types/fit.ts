import type { CountOf, Describe, Join, LastOf } from './describe.js';
import type { Message, MessageKey } from './messages.js';
import type { IsSame } from './pass-through.js';
import type { StepcraftTypeError } from './type-error.js';

/**
 * Where a wire starts, for messages: `[key, name]` of an entry of the message table (`['outputOf', 'Pay']` →
 * "Output of 'Pay'"). Passed unevaluated, so that the text is built only when a check fails.
 */
export type Source = readonly [MessageKey, ...string[]];

/**
 * `unknown` when a value of `TFrom` (from `TSource`, e.g. "Output of 'Pay'") may flow into the input `TTo` of the
 * state `TTarget`; else the message naming the fields that are missing or mistyped. A target whose input is itself
 * a message (a Choice switch that does not handle every value) passes that message on; a pass-through output
 * (`Same`) fits anything, as its need goes back to the chain's input (`Needs`). The common case (it fits) costs one
 * conditional: this runs on every wire.
 */
export type Fit<TFrom, TTo, TSource extends Source, TTarget extends string> = [TFrom] extends [TTo]
  ? unknown
  : [TTo] extends [never]
    ? StepcraftTypeError<Message<'impossible', [TTarget]>>
    : [TTo] extends [StepcraftTypeError<string>]
      ? TTo
      : IsSame<TFrom> extends true
        ? unknown
        : StepcraftTypeError<SealedMisfit<TFrom, TTo, TSource, TTarget>>;

/**
 * `Misfit`, sealed: its arguments pass through `infer`, so two uses with different arguments (TypeScript relates
 * them when it measures the variance of a builder type, in every checker) compare as one deferred type, instead of
 * measuring the variance of the whole message machinery (`Misfit`, `Mistyped`, `Join`, …: thousands of
 * instantiations per checker). On a concrete wire it resolves at once, and only when the wire does not fit.
 */
type SealedMisfit<TFrom, TTo, TSource extends Source, TTarget extends string> = [
  TFrom,
  TTo,
  TSource,
  TTarget,
] extends [infer $From, infer $To, infer $Source extends Source, infer $Target extends string]
  ? Misfit<$From, $To, SourceText<$Source>, $Target>
  : never;

type SourceText<TSource extends Source> = TSource extends readonly [
  infer $Key extends MessageKey,
  ...infer $Args extends string[],
]
  ? Message<$Key, $Args>
  : never;

/**
 * The parameter type that carries a check: the argument's own type when `TCheck` passes (`unknown`), else the
 * message alone. TypeScript infers `TValue` from the argument (`NoInfer` keeps inference out of the check), and
 * reports a failed check in one line on the argument (tRPC's `TypeError` in the parameter position), not as a
 * structural diff. Every check is `unknown` or a `StepcraftTypeError`, so asking `unknown extends TCheck` is enough:
 * one conditional, with nothing narrowed in its branches (this runs for every argument of every state).
 */
export type Param<TValue, TCheck> = unknown extends TCheck ? TValue : NoInfer<TCheck>;

/**
 * `Param` for a check on a type parameter declared covariant (`out`, as `Chain` declares its names). `Param` is
 * invariant in `TCheck` (its check is the conditional's extends type), which TypeScript would report against the
 * declaration; here the check is the conditional's check type, through `IsError`, and stays covariant.
 */
export type CovariantParam<TValue, TCheck> = IsError<TCheck> extends true ? NoInfer<TCheck> : TValue;

// Asked through an alias, not as `[TCheck] extends […]` in `CovariantParam` itself: there TypeScript would narrow
// `TCheck` in the true branch to `TCheck & StepcraftTypeError<string>`, an intersection with the still-deferred check
// built for every wire while inferring (~60 instantiations per state on a chain of Pass states).
type IsError<T> = [T] extends [StepcraftTypeError<string>] ? true : false;

/**
 * `TState`, or the branded error when `TCheck` failed. For checks that depend on a type inferred from a selector's
 * return value where no parameter can carry them.
 */
export type OrError<TCheck, TState> = TCheck extends StepcraftTypeError<string> ? TCheck : TState;

// What is wrong, field by field: ['lacks', field, type] or ['has', field, has, wants].
type Problem = readonly ['lacks', string, string] | readonly ['has', string, string, string];

type Misfit<TFrom, TTo, TSource extends string, TTarget extends string> = (
  [IsRecord<TFrom>, IsRecord<TTo>] extends [true, true]
    ? FieldProblems<TFrom, TTo, ''>
    : never
) extends infer $Problems extends Problem
  ? [Extract<$Problems, readonly ['lacks', ...string[]]>] extends [never]
    ? [$Problems] extends [never]
      ? Message<'unfit', [TSource, TTarget, Describe<TFrom>, Describe<TTo>]>
      : Mistyped<$Problems, TSource, TTarget>
    : Message<'lacks', [TSource, TTarget, Join<Lacking<$Problems>, ', ', 3>]>
  : never;

type Lacking<TProblem> = TProblem extends readonly [
  'lacks',
  infer $Field extends string,
  infer $Type extends string,
]
  ? `\`${$Field}\` (${$Type})`
  : never;

type Mistyped<TProblems, TSource extends string, TTarget extends string> =
  LastOf<TProblems> extends readonly [
    'has',
    infer $Field extends string,
    infer $Has extends string,
    infer $Wants extends string,
  ]
    ? Message<
        'mistyped',
        [TSource, TTarget, `\`${$Field}\``, $Has, $Wants, More<Exclude<TProblems, LastOf<TProblems>>>]
      >
    : never;

type More<TRest> = [TRest] extends [never] ? '' : ` (and ${CountOf<TRest>} more)`;

/** A single object type that is not an array (field-by-field comparison applies). */
type IsRecord<T> = [T] extends [readonly unknown[]]
  ? false
  : [T] extends [object]
    ? [T] extends [UnionToIntersection<T>]
      ? true
      : false
    : false;

type UnionToIntersection<TUnion> = (TUnion extends unknown ? (x: TUnion) => void : never) extends (
  x: infer $Intersection,
) => void
  ? $Intersection
  : never;

type FieldProblems<TFrom, TTo, TPrefix extends string, TDepth extends unknown[] = []> = {
  [K in keyof TTo & string]-?: K extends keyof TFrom
    ? [TFrom[K]] extends [TTo[K]]
      ? never
      : TDepth['length'] extends 3
        ? readonly ['has', `${TPrefix}${K}`, Describe<TFrom[K]>, Describe<TTo[K]>]
        : Nested<TFrom[K], TTo[K], `${TPrefix}${K}`, TDepth>
    : // biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how an optional key is told apart.
      {} extends Pick<TTo, K>
      ? never
      : readonly ['lacks', `${TPrefix}${K}`, Describe<TTo[K]>];
}[keyof TTo & string];

// Into nested objects (and arrays of objects), so the message names the innermost field.
type Nested<TFrom, TTo, TField extends string, TDepth extends unknown[]> = (
  [IsRecord<TFrom>, IsRecord<TTo>] extends [true, true]
    ? FieldProblems<TFrom, TTo, `${TField}.`, [...TDepth, unknown]>
    : [TFrom, TTo] extends [readonly (infer $From)[], readonly (infer $To)[]]
      ? [IsRecord<$From>, IsRecord<$To>] extends [true, true]
        ? FieldProblems<$From, $To, `${TField}[].`, [...TDepth, unknown]>
        : never
      : never
) extends infer $Inner
  ? [$Inner] extends [never]
    ? readonly ['has', TField, Describe<TFrom>, Describe<TTo>]
    : $Inner
  : never;
