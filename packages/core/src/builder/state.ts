import { type JsonObject, parseReferencePath, type ReferencePath } from '@stepcraft/asl';
import { raise } from '../errors.js';
import { type CatchNode, createCatchNode, createRetryNode, type RetryNode } from '../ir/common-node.js';
import type { TemplateNode } from '../ir/template-node.js';
import type { ApplyResultPath, CheckPath, CheckResultPath, ValueAtPath } from '../types/paths.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type { Accepts, Check, Primitive } from '../types/type-utils.js';
import type { AnyChain, Chain, ChainTypes, FirstOf, Fragment, InputOf, StateNames } from './chain.js';
import type { ContextObject } from './context.js';
import { contextRef, inputRef, type Ref, toTemplate } from './refs.js';
import { type Assignable, type Assignment, assignmentNodes, type Variable } from './variable.js';

/** Parses a `$`-rooted reference path given as a string; `where` names the field for messages. */
export function parsePath(path: string, where: string, state: string): ReferencePath {
  const parsed = parseReferencePath(path);
  if (!parsed.ok) return raise('INVALID_PATH', `${where} "${path}" of "${state}": ${parsed.message}`, state);
  if (parsed.value.root.kind !== 'input') {
    return raise(
      'INVALID_PATH',
      `${where} "${path}" of "${state}" must start with "$." (a path into the data)`,
      state,
    );
  }
  return parsed.value;
}

/** Parses an optional path field where `null` has a meaning (InputPath/OutputPath/ResultPath). */
export function parseNullablePath(
  path: string | null | undefined,
  where: string,
  state: string,
): ReferencePath | null | undefined {
  return path === null || path === undefined ? path : parsePath(path, where, state);
}

/** A function that builds a payload from recording refs (Parameters, ResultSelector, ...). */
export type Selector = (refs: { input: never; result: never; context: never }) => unknown;

/** Runs a selector once on recording proxies and returns its template (`undefined` when there is no selector). */
export function runSelector(selector: Selector, where: string): TemplateNode;
export function runSelector(selector: Selector | undefined, where: string): TemplateNode | undefined;
export function runSelector(selector: Selector | undefined, where: string): TemplateNode | undefined {
  if (selector === undefined) return undefined;
  const refs = { input: inputRef(), result: inputRef(), context: contextRef() } as never;
  return toTemplate(selector(refs), where);
}

/** The Error Output a Catch handler receives at the catcher's ResultPath. */
export interface ErrorOutput {
  readonly Error: string;
  readonly Cause: string;
}

/** Error names, with the predefined ones offered by completion. */
export type ErrorName =
  | 'States.ALL'
  | 'States.TaskFailed'
  | 'States.Timeout'
  | 'States.HeartbeatTimeout'
  | 'States.Permissions'
  | 'States.ResultPathMatchFailure'
  | 'States.ParameterPathFailure'
  | 'States.BranchFailed'
  | 'States.NoChoiceMatched'
  | 'States.IntrinsicFailure'
  | 'States.ExceedToleratedFailureThreshold'
  | 'States.ItemReaderFailed'
  | 'States.ResultWriterFailed'
  | 'States.DataLimitExceeded'
  | 'States.QueryEvaluationError'
  | (string & {});

/**
 * One retrier.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-retrying-after-an-error
 */
export interface RetryOptions {
  readonly errors: readonly ErrorName[];
  /** Seconds before the first retry (default 1). */
  readonly intervalSeconds?: number;
  /** Retries allowed (default 3; 0 = never). */
  readonly maxAttempts?: number;
  /** Multiplier per attempt (default 2.0). */
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitterStrategy?: 'FULL' | 'NONE';
  readonly comment?: string;
}

/** Options of one catcher. */
export interface CatchOptions<TPath extends string | null> {
  /** Where the Error Output goes in the raw input (default `$`: replace it; `null`: keep the input). */
  readonly resultPath?: TPath;
  readonly comment?: string;
  /**
   * Variables set when this catcher fires, from the Error Output (they live in the scope of the state that has the
   * catcher, even on a Map or Parallel).
   * @example { assign: ({ error }) => [lastError.set(error.Error)] } // "Assign": { "lastError.$": "$.Error" }
   */
  readonly assign?: (refs: {
    readonly error: Ref<ErrorOutput>;
    readonly context: Ref<ContextObject>;
  }) => readonly Assignment[];
}

/** The `assign` method of states that set variables; `TRefs` are what the value may read. */
export interface Assigns<TRefs, TSelf> {
  /**
   * Sets a variable when this state completes; the value is typed by the variable. All of a state's reads (its
   * own assignments included) see the values from before the state.
   * @example .assign(total, ({ result }) => result.sum) // "Assign": { "total.$": "$.sum" }
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
   */
  assign<TValue>(variable: Variable<TValue>, value: (refs: TRefs) => NoInfer<Assignable<TValue>>): TSelf;
}

/** What the value of a Task/Parallel/Map/Pass assignment reads: the state's result and the Context Object. */
export interface ResultRefs<TResult> {
  readonly result: Ref<Unbare<TResult>>;
  readonly context: Ref<ContextObject>;
}

/** Rejects a Catch handler that cannot accept the Error Output merged at `TPath` into `TInput`. */
export type CatchCheck<
  TName extends string,
  TInput,
  TPath extends string | null,
  THandler extends AnyChain,
> = Check<
  Accepts<InputOf<THandler>, ApplyResultPath<TInput, TPath, ErrorOutput>>,
  `Error output of "${TName}" merged at "${TPath extends null ? 'null' : TPath}" is not assignable to input of "${FirstOf<THandler>}"`
>;

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

/** Methods every state has. */
export interface Describable<TSelf> {
  /** Sets the state's `Comment`. */
  comment(text: string): TSelf;
  /** Merges raw ASL fields into the emitted state (escape hatch for anything not modelled). */
  rawFields(fields: JsonObject): TSelf;
}

/** The output side of Task/Parallel/Map/Pass: ResultPath then OutputPath, exactly as AWS applies them. */
export interface ResultFields<TName extends string, TInput, TResult, TOutput, TSelf extends ResultState> {
  /**
   * Where the (effective) result goes: `'$'` replaces the input (default), `'$.a'` merges it into the raw input
   * at `a`, `null` discards it and keeps the input.
   * @example .resultPath('$.payment') // output type: Input & { payment: Result }
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
   */
  resultPath<const TPath extends string | null>(
    path: TPath & ResultPathCheck<TName, TResult, TPath>,
  ): Rebuild<TSelf, TName, TInput, TResult, ApplyResultPath<TInput, TPath, Unbare<TResult>>>;
  /**
   * Selects part of the state's output (`null` → `{}`).
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html
   */
  outputPath<const TPath extends string | null>(
    path: TPath & OutputPathCheck<TName, TOutput, TPath>,
  ): Rebuild<TSelf, TName, TInput, OutputFiltered, OutputPathValue<TOutput, TPath>>;
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
> = TSelf extends 'work'
  ? WorkState<TName, TInput, TResult, TOutput>
  : PassState<TName, TInput, TResult, TOutput>;

/** Retry and Catch (Task, Parallel, Map). */
export interface ErrorHandling<TName extends string, TInput, TSelf> {
  /**
   * Adds a retrier (tried in order; the first whose `errors` match is used).
   * @example .retry({ errors: ['Lambda.TooManyRequestsException'], maxAttempts: 3 })
   */
  retry(retrier: RetryOptions): TSelf;
  /**
   * Adds a catcher: on a matching error (after retries) go to `handler`, with the Error Output
   * `{ Error, Cause }` at `resultPath` of the raw input.
   * @example .catch(['States.ALL'], handleError, { resultPath: '$.error' })
   */
  catch<$Handler extends AnyChain, const TPath extends string | null = '$'>(
    errors: readonly ErrorName[],
    handler: $Handler & CatchCheck<TName, TInput, TPath, $Handler>,
    options?: CatchOptions<TPath> & {
      readonly resultPath?: TPath & CheckResultPath<TPath, `the catcher of "${TName}"`>;
    },
  ): TSelf;
}

/**
 * A Task, Parallel or Map state: input `TInput`, effective result `TResult`, output `TOutput`.
 * Every method returns a new state.
 */
export interface WorkState<TName extends string, TInput, TResult, TOutput>
  extends Chain<TInput, TOutput, StateNames<TName>>,
    ResultFields<TName, TInput, TResult, TOutput, 'work'>,
    ErrorHandling<TName, TInput, WorkState<TName, TInput, TResult, TOutput>>,
    Assigns<ResultRefs<TResult>, WorkState<TName, TInput, TResult, TOutput>>,
    Describable<WorkState<TName, TInput, TResult, TOutput>> {
  readonly name: TName;
  /** Phantom types, with the result too: what a callback task's `SendTaskSuccess` sends (the runner's typed handle). */
  readonly '~types': ChainTypes<TInput, TOutput, StateNames<TName>> & { readonly result: TResult };
}

/** A Pass state. */
export interface PassState<TName extends string, TInput, TResult, TOutput>
  extends Chain<TInput, TOutput, StateNames<TName>>,
    ResultFields<TName, TInput, TResult, TOutput, 'pass'>,
    Assigns<ResultRefs<TResult>, PassState<TName, TInput, TResult, TOutput>>,
    Describable<PassState<TName, TInput, TResult, TOutput>> {
  readonly name: TName;
}

/** Builds a retrier node from options. */
export function retryNode(options: RetryOptions): RetryNode {
  return createRetryNode({
    errors: options.errors,
    ...defined('intervalSeconds', options.intervalSeconds),
    ...defined('maxAttempts', options.maxAttempts),
    ...defined('backoffRate', options.backoffRate),
    ...defined('maxDelaySeconds', options.maxDelaySeconds),
    ...defined('jitterStrategy', options.jitterStrategy),
    ...defined('comment', options.comment),
  });
}

/** Builds a catcher node and returns the handler's fragment beside it. */
export function catchNode(
  state: string,
  errors: readonly string[],
  handler: Fragment,
  options: CatchOptions<string | null> | undefined,
): CatchNode {
  return createCatchNode({
    errors,
    next: handler.startAt,
    ...defined('resultPath', parseNullablePath(options?.resultPath, 'Catch ResultPath', state)),
    ...defined(
      'assign',
      options?.assign === undefined
        ? undefined
        : assignmentNodes(
            options.assign({ error: inputRef() as never, context: contextRef() as never }),
            `The assign of a catcher of "${state}"`,
          ),
    ),
    ...defined('comment', options?.comment),
  });
}

/** `{ [key]: value }` when value is defined, else `{}` (keeps `exactOptionalPropertyTypes` happy). */
export function defined<TKey extends string, TValue>(
  key: TKey,
  value: TValue | undefined,
): { [K in TKey]?: TValue } {
  return value === undefined ? {} : ({ [key]: value } as { [K in TKey]?: TValue });
}

/** A literal JSON value allowed in Result etc. */
export type JsonLiteral = Primitive | readonly JsonLiteral[] | { readonly [key: string]: JsonLiteral };
