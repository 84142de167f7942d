import { type CatchNode, createCatchNode, createRetryNode, type RetryNode } from '../ir/common-node.js';
import type { ApplyResultPath, CheckResultPath } from '../types/paths.js';
import type { Accepts, Check } from '../types/type-utils.js';
import type { AnyChain, FirstOf, InputOf, ResourcesOf } from './chain.js';
import type { ContextObject } from './context.js';
import { defined } from './defined.js';
import type { Fragment } from './fragment.js';
import { parseNullablePath } from './paths.js';
import type { Ref } from './refs.js';
import type { WorkState } from './result-state.js';
import { selectorRefs } from './selector.js';
import { type Assignment, assignmentNodes } from './variable.js';

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

/** Retry and Catch (Task, Parallel, Map); a Catch handler's placeholders join the state's. */
export interface ErrorHandling<
  TName extends string,
  TInput,
  TResult,
  TOutput,
  TResources extends string,
  TTask = never,
> {
  /**
   * Adds a retrier (tried in order; the first whose `errors` match is used).
   * @example .retry({ errors: ['Lambda.TooManyRequestsException'], maxAttempts: 3 })
   */
  retry(retrier: RetryOptions): WorkState<TName, TInput, TResult, TOutput, TResources, TTask>;
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
  ): WorkState<TName, TInput, TResult, TOutput, TResources | ResourcesOf<$Handler>, TTask>;
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
            options.assign({ error: selectorRefs().input, context: selectorRefs().context }),
            `The assign of a catcher of "${state}"`,
          ),
    ),
    ...defined('comment', options?.comment),
  });
}
