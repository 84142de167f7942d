import type { Describe } from './describe.js';
import type { Message } from './messages.js';
import type { StepcraftTypeError } from './type-error.js';
import type { Simplify } from './type-utils.js';

/** One step of a parsed path: a field name or an array index. */
export type PathKey = string | number;

declare const invalidPathBrand: unique symbol;
/** Result of reading a path that does not exist in a type. */
export interface InvalidPath {
  readonly [invalidPathBrand]: true;
}

// Paths longer than this are not checked (kept shallow on purpose: every typed path is parsed once, here).
type MaxDepth = 24;

/**
 * Parses a reference path literal into its keys: `'$.order.items[0].sku'` → `['order', 'items', 0, 'sku']`.
 * Only `$`-rooted data paths are typed this way (Context Object values are read through selector refs).
 * Unparseable → `never`.
 */
export type ParsePath<TPath extends string> = TPath extends `$$${string}`
  ? never
  : TPath extends `$${infer Rest}`
    ? ParseTail<Rest, []>
    : never;

type ParseTail<S extends string, Acc extends PathKey[]> = Acc['length'] extends MaxDepth
  ? never
  : S extends ''
    ? Acc
    : S extends `['${infer Name}']${infer Rest}`
      ? ParseTail<Rest, [...Acc, Name]>
      : S extends `[${infer Index extends number}]${infer Rest}`
        ? ParseTail<Rest, [...Acc, Index]>
        : S extends `.${infer Rest}`
          ? ParseName<Rest, Acc>
          : never;

type ParseName<S extends string, Acc extends PathKey[]> = S extends `${infer Chunk}.${infer Rest}`
  ? Chunk extends `${infer Name}[${infer Tail}`
    ? NonEmpty<Name, ParseTail<`[${Tail}.${Rest}`, [...Acc, Name]>>
    : NonEmpty<Chunk, ParseTail<`.${Rest}`, [...Acc, Chunk]>>
  : S extends `${infer Name}[${infer Tail}`
    ? NonEmpty<Name, ParseTail<`[${Tail}`, [...Acc, Name]>>
    : NonEmpty<S, [...Acc, S]>;

type NonEmpty<TName extends string, TThen> = TName extends '' ? never : TThen;

// One step into every member of a union that has it (a field of the objects, an element of the arrays); a step that
// no member takes selects nothing.
type StepEach<T, TKey> = T extends readonly unknown[]
  ? TKey extends number
    ? number extends T['length']
      ? T[number]
      : TKey extends keyof T
        ? T[TKey]
        : never
    : never
  : T extends object
    ? TKey extends keyof T
      ? T[TKey]
      : never
    : never;

type Step<T, TKey> =
  StepEach<NonNullable<T>, TKey> extends infer $Value
    ? [$Value] extends [never]
      ? InvalidPath
      : $Value
    : never;

/** The type found at `TKeys` inside `T`, or `InvalidPath`. */
export type PathValue<T, TKeys extends readonly PathKey[]> = TKeys extends readonly [
  infer $Head,
  ...infer $Rest extends PathKey[],
]
  ? Step<T, $Head> extends infer $Next
    ? [$Next] extends [InvalidPath]
      ? InvalidPath
      : PathValue<$Next, $Rest>
    : never
  : T;

/** The type a reference path literal selects from `T` (`'$'` → `T`), or `InvalidPath`. */
export type ValueAtPath<T, TPath extends string> = [ParsePath<TPath>] extends [never]
  ? InvalidPath
  : SealedPathValue<T, ParsePath<TPath>>;

// Sealed (see `SealedMisfit` in fit.ts): measuring the variance of a type that reads a path stops here.
type SealedPathValue<T, TKeys extends readonly PathKey[]> = [T, TKeys] extends [
  infer $T,
  infer $Keys extends readonly PathKey[],
]
  ? PathValue<$T, $Keys>
  : never;

/**
 * Writes `V` at `TKeys` inside `T`, as ResultPath does: a new key joins by plain intersection (cheap), an existing
 * key is replaced; missing intermediate objects are created. The end of the path is tested first: it is where every
 * one-key ResultPath (`'$.result'`, the common case) lands.
 */
export type SetAt<T, TKeys extends readonly PathKey[], V> = TKeys extends readonly []
  ? V
  : TKeys extends readonly [infer $Head extends string, ...infer $Rest extends PathKey[]]
    ? [$Head] extends [keyof T]
      ? Omit<T, $Head> & Field<$Head, SetAt<T[$Head], $Rest, V>>
      : T & Field<$Head, SetAt<unknown, $Rest, V>>
    : T;

// One field whose value is computed before the mapped type exists: TypeScript walks the output type again at every
// later comparison (each wire checks it), and a mapped type whose template is `SetAt<…>` re-entered SetAt each time.
type Field<TKey extends string, V> = { [K in TKey]: V };

/**
 * The output of ResultPath: `null` keeps the raw input, `'$'` is the result, `'$.a.b'` merges the result into the
 * raw input at `a.b`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
 */
export type ApplyResultPath<TInput, TPath extends string | null, TResult> = TPath extends null
  ? TInput
  : TPath extends '$'
    ? TResult
    : Simplify<SetAt<TInput, ParsePath<TPath & string>, TResult>>;

/** Rejects a path literal that does not select anything in `T`; `TWhere` finishes the message. */
export type CheckPath<T, TPath extends string, TWhere extends string> =
  ParsePath<TPath> extends []
    ? unknown
    : unknown extends T
      ? StepcraftTypeError<Message<'pathUntyped', [TPath, TWhere]>>
      : [ValueAtPath<T, TPath>] extends [InvalidPath]
        ? StepcraftTypeError<Message<'pathMissing', [TPath, TWhere]>>
        : unknown;

/**
 * Rejects a ResultPath that is not a plain `$`-rooted reference path, or that writes into a value that cannot hold
 * fields (AWS fails it with `States.ResultPathMatchFailure`): `TInput` is the raw input it writes into.
 */
export type CheckResultPath<TInput, TPath extends string | null, TWhere extends string> = ResultPathMessage<
  ResultPathProblem<TInput, TPath>,
  TWhere
>;

/**
 * What is wrong with a ResultPath, as a message key and its arguments, else `never`. It leaves out where the path
 * stands, so it is computed once per input type and path, not once per state: the common case (a valid path) then
 * costs each state one conditional.
 */
type ResultPathProblem<TInput, TPath extends string | null> = TPath extends null
  ? never
  : TPath extends `$$${string}`
    ? readonly ['resultPathContext', TPath]
    : [ParsePath<TPath & string>] extends [never]
      ? readonly ['resultPathSyntax', TPath & string]
      : SealedWriteProblem<TInput, ParsePath<TPath & string>> extends infer $Problem
        ? [$Problem] extends [readonly [infer $Prefix extends string, infer $Type extends string]]
          ? [$Problem] extends [never]
            ? never
            : readonly ['resultPathInto', TPath & string, $Prefix, $Type]
          : never
        : never;

// The message of a ResultPath problem, with where the path stands (built only when there is a problem).
type ResultPathMessage<TProblem, TWhere extends string> = [TProblem] extends [never]
  ? unknown
  : TProblem extends readonly ['resultPathContext', infer $Path extends string]
    ? StepcraftTypeError<Message<'resultPathContext', [TWhere, $Path]>>
    : TProblem extends readonly ['resultPathSyntax', infer $Path extends string]
      ? StepcraftTypeError<Message<'resultPathSyntax', [$Path, TWhere]>>
      : TProblem extends readonly [
            'resultPathInto',
            infer $Path extends string,
            infer $Prefix extends string,
            infer $Type extends string,
          ]
        ? StepcraftTypeError<Message<'resultPathInto', [$Path, TWhere, $Prefix, $Type]>>
        : unknown;

// Sealed (see `SealedMisfit` in fit.ts): measuring the variance of `ResultPathProblem` stops here.
type SealedWriteProblem<T, TKeys extends readonly PathKey[]> = [T, TKeys] extends [
  infer $T,
  infer $Keys extends readonly PathKey[],
]
  ? WriteProblem<$T, $Keys>
  : never;

/**
 * Where writing at `TKeys` into `T` fails: `[prefix, its type]` for the first value on the way that cannot hold the
 * next step (a field into a non-object, an index into a non-array), else `never`. A missing value is created, so
 * `undefined` (an optional field) is fine; `unknown` is not checked.
 */
type WriteProblem<T, TKeys extends readonly PathKey[], TDone extends string = '$'> = unknown extends T
  ? never
  : TKeys extends readonly [infer $Head, ...infer $Rest extends PathKey[]]
    ? Exclude<T, undefined> extends infer $Present
      ? [$Present] extends [never]
        ? never
        : $Head extends string
          ? [$Present] extends [object]
            ? [Extract<$Present, readonly unknown[]>] extends [never]
              ? WriteProblem<FieldIn<$Present, $Head>, $Rest, `${TDone}.${$Head}`>
              : readonly [TDone, Describe<$Present>]
            : readonly [TDone, Describe<$Present>]
          : [$Present] extends [readonly (infer $Element)[]]
            ? WriteProblem<$Element, $Rest, `${TDone}[${$Head & number}]`>
            : readonly [TDone, Describe<$Present>]
      : never
    : never;

// The field's type in the members that have it; `undefined` (it will be created) when none does.
type FieldIn<T, TKey extends string> = (
  T extends unknown
    ? TKey extends keyof T
      ? T[TKey]
      : never
    : never
) extends infer $Field
  ? [$Field] extends [never]
    ? undefined
    : $Field
  : never;
