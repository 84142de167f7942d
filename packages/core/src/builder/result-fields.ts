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

/** The result type, unwrapped from `BareResult`. */
export type Unbare<T> = [T] extends [BareResult<infer $Value>] ? $Value : T;

declare const outputFiltered: unique symbol;
/** Marks a state whose OutputPath is set: ResultPath must come first (that is the order AWS applies them). */
export interface OutputFiltered {
  readonly [outputFiltered]: true;
}

/** The value OutputPath selects (`null` → `{}`). */
export type OutputPathValue<TOutput, TPath extends string | null> = TPath extends null
  ? Record<string, never>
  : ValueAtPath<TOutput, TPath & string>;

/** Type-level guards shared by the states with ResultPath/OutputPath. */
export type ResultPathCheck<TName extends string, TResult, TPath extends string | null> = [TResult] extends [
  OutputFiltered,
]
  ? StepcraftTypeError<`Call resultPath() before outputPath() on "${TName}" (AWS applies ResultPath first)`>
  : [TResult] extends [BareResult<unknown>]
    ? TPath extends '$' | null
      ? unknown
      : StepcraftTypeError<`The ResultSelector of "${TName}" returns a bare value, which ASL can only output whole: select fields, ({ result }) => ({ id: result.Payload.id }), to use resultPath()`>
    : CheckResultPath<TPath, `"${TName}"`>;

/** A type error unless `outputPath()`'s path exists in the output. */
export type OutputPathCheck<TName extends string, TOutput, TPath extends string | null> = TPath extends null
  ? unknown
  : CheckPath<TOutput, TPath & string, `the output of "${TName}"`>;

/** The output side of Task/Parallel/Map/Pass: ResultPath then OutputPath, exactly as AWS applies them. */
export interface ResultFields<
  TName extends string,
  TInput,
  TResult,
  TOutput,
  TSelf extends ResultState,
  TResources extends string = never,
  TTask = never,
> {
  /**
   * Where the (effective) result goes: `'$'` replaces the input (default), `'$.a'` merges it into the raw input
   * at `a`, `null` discards it and keeps the input.
   * @example .resultPath('$.payment') // output type: Input & { payment: Result }
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
   */
  resultPath<const TPath extends string | null>(
    path: TPath & ResultPathCheck<TName, TResult, TPath>,
  ): Rebuild<
    TSelf,
    TName,
    TInput,
    TResult,
    ApplyResultPath<TInput, TPath, Unbare<TResult>>,
    TResources,
    TTask
  >;
  /**
   * Selects part of the state's output (`null` → `{}`).
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html
   */
  outputPath<const TPath extends string | null>(
    path: TPath & OutputPathCheck<TName, TOutput, TPath>,
  ): Rebuild<TSelf, TName, TInput, OutputFiltered, OutputPathValue<TOutput, TPath>, TResources, TTask>;
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
> = TSelf extends 'work'
  ? WorkState<TName, TInput, TResult, TOutput, TResources, TTask>
  : PassState<TName, TInput, TResult, TOutput>;
