import type { Param } from '../types/fit.js';
import type { Message } from '../types/messages.js';
import type { IsSame, Same, Seen } from '../types/pass-through.js';
import type { ApplyResultPath, CheckPath, CheckResultPath, ValueAtPath } from '../types/paths.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type { PassState, WorkState } from './result-state.js';

declare const bareResult: unique symbol;
/**
 * The result of a ResultSelector that returns a bare value (e.g. `lambda.payload`): ASL can only output it whole
 * (it is emitted as an OutputPath), so ResultPath must stay `$`.
 */
export interface BareResult<T> {
  readonly [bareResult]: T;
}

/**
 * The result type, unwrapped from `BareResult` (by its key, not `infer`: this runs on every state's result). `any`
 * and `never` fit `BareResult` too, and read as `unknown`.
 */
export type Unbare<T> = [T] extends [BareResult<unknown>]
  ? 0 extends 1 & T
    ? unknown
    : [T] extends [never]
      ? unknown
      : T[typeof bareResult]
  : T;

declare const outputFiltered: unique symbol;
/** Marks a state whose OutputPath is set: ResultPath must come first (that is the order AWS applies them). */
export interface OutputFiltered {
  readonly [outputFiltered]: true;
}

/** The value OutputPath selects (`null` → `{}`). */
export type OutputPathValue<TOutput, TPath extends string | null> = TPath extends null
  ? Record<string, never>
  : ValueAtPath<TOutput, TPath & string>;

/** Type-level guards shared by the states with ResultPath/OutputPath; `TInput` is the raw input ResultPath writes into. */
export type ResultPathCheck<TName extends string, TInput, TResult, TPath extends string | null> = [
  TResult,
] extends [OutputFiltered]
  ? StepcraftTypeError<Message<'resultPathOrder', [TName]>>
  : [TResult] extends [BareResult<unknown>]
    ? TPath extends '$' | null
      ? unknown
      : StepcraftTypeError<Message<'bareResult', [TName]>>
    : CheckResultPath<TInput, TPath, `'${TName}'`>;

/** A type error unless `outputPath()`'s path exists in the output. */
export type OutputPathCheck<TName extends string, TOutput, TPath extends string | null> = TPath extends null
  ? unknown
  : CheckPath<Seen<TOutput>, TPath & string, `the output of '${TName}'`>;

/**
 * The output after ResultPath. A pass-through Pass (its result is its input) stays pass-through with `'$'` or
 * `null`; anywhere else its result is a value whose type nothing declares.
 */
export type ResultPathOutput<TInput, TPath extends string | null, TResult> =
  IsSame<TResult> extends true
    ? TPath extends '$' | null
      ? Same
      : ApplyResultPath<TInput, TPath, unknown>
    : ApplyResultPath<TInput, TPath, Unbare<TResult>>;

/** The output side of Task/Parallel/Map/Pass: ResultPath then OutputPath, exactly as AWS applies them. */
export interface ResultFields<
  TName extends string,
  TInput,
  TResult,
  TOutput,
  TSelf extends ResultState,
  TResources extends string = never,
  TTask = never,
  TErrors extends string = string,
> {
  /**
   * Where the (effective) result goes: `'$'` replaces the input (default), `'$.a'` merges it into the raw input
   * at `a`, `null` discards it and keeps the input.
   * @example .resultPath('$.payment') // output type: Input & { payment: Result }
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
   */
  resultPath<const TPath extends string | null>(
    path: Param<TPath, ResultPathCheck<TName, TInput, TResult, TPath>>,
  ): Rebuild<
    TSelf,
    TName,
    TInput,
    TResult,
    ResultPathOutput<TInput, TPath, TResult>,
    TResources,
    TTask,
    TErrors
  >;
  /**
   * Selects part of the state's output (`null` → `{}`).
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html
   */
  outputPath<const TPath extends string | null>(
    path: Param<TPath, OutputPathCheck<TName, TOutput, TPath>>,
  ): Rebuild<
    TSelf,
    TName,
    TInput,
    OutputFiltered,
    OutputPathValue<TOutput, TPath>,
    TResources,
    TTask,
    TErrors
  >;
}

/** The kinds of builders with a result, so `Rebuild` can keep the concrete interface. */
export type ResultState = 'work' | 'pass';

/** The same builder interface with new type parameters. */
export type Rebuild<
  TSelf extends ResultState,
  TName extends string,
  TInput,
  TResult,
  TOutput,
  TResources extends string = never,
  TTask = never,
  TErrors extends string = string,
> = TSelf extends 'work'
  ? WorkState<TName, TInput, TResult, TOutput, TResources, TTask, TErrors>
  : PassState<TName, TInput, TResult, TOutput>;
