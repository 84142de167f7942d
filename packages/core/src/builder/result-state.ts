import type { JsonObject } from '@stepcraft/asl';
import { createMapNode, type MapNode } from '../ir/map-node.js';
import { createParallelNode, type ParallelNode } from '../ir/parallel-node.js';
import { createPassNode, type PassNode } from '../ir/pass-node.js';
import { createTaskNode, type TaskNode } from '../ir/task-node.js';
import type { Param } from '../types/fit.js';
import type { CheckResultPath } from '../types/paths.js';
import { type Assigns, type ResultRefs, withAssignment } from './assign.js';
import { type AnyChain, type Chain, ChainImpl, type ResourcesOf, type StateNames } from './chain.js';
import { checked } from './checked.js';
import {
  type AllowedErrorName,
  type CatchCheck,
  type CatchOptions,
  catchNode,
  type ErrorHandling,
  type RetryOptions,
  retryNode,
} from './error-handling.js';
import { type Fragment, fragmentOf, stateFragment } from './fragment.js';
import { parsePath } from './paths.js';
import type {
  OutputFiltered,
  OutputPathCheck,
  OutputPathValue,
  ResultFields,
  ResultPathCheck,
  ResultPathOutput,
} from './result-fields.js';
import type { Recording } from './selector.js';
import type { Variable, VariableValue } from './variable.js';

/**
 * What a Task's handler receives and answers (phantom, for typed mocks and callbacks): `input` is the handler's
 * input, `result` what it returns (for `.waitForTaskToken`, what `SendTaskSuccess` sends).
 */
export interface TaskTypes<TTaskInput, TTaskResult> {
  readonly input: TTaskInput;
  readonly result: TTaskResult;
}

/**
 * A Task, Parallel or Map state: input `TInput`, effective result `TResult`, output `TOutput`; a Task also carries
 * its handler's types in `TTask` (`never` for Map and Parallel) and the error names it may raise in `TErrors`
 * (`string`: not known, any name goes in Retry/Catch). Every method returns a new state.
 *
 * Variances are declared where TypeScript measures them without a structural fallback (see {@link Chain}); `TName`
 * and `TErrors` stay measured, as their fallback is what lets a state with typed error names be annotated with the
 * default `string`.
 */
export interface WorkState<
  TName extends string,
  out TInput,
  in out TResult,
  out TOutput,
  out TResources extends string = never,
  out TTask = never,
  TErrors extends string = string,
> extends Chain<TInput, TOutput, StateNames<TName, true, TResources>>,
    ResultFields<TName, TInput, TResult, TOutput, 'work', TResources, TTask, TErrors>,
    ErrorHandling<TName, TInput, TResult, TOutput, TResources, TTask, TErrors>,
    Assigns<ResultRefs<TResult>, WorkState<TName, TInput, TResult, TOutput, TResources, TTask, TErrors>> {
  readonly name: TName;
  /** Phantom (no run-time value): the Task handler's input and result types. */
  readonly '~task': TTask;
}

/** A Pass state (variances declared as for {@link WorkState}). */
export interface PassState<TName extends string, out TInput, in out TResult, out TOutput>
  extends Chain<TInput, TOutput, StateNames<TName>>,
    ResultFields<TName, TInput, TResult, TOutput, 'pass'>,
    Assigns<ResultRefs<TResult>, PassState<TName, TInput, TResult, TOutput>> {
  readonly name: TName;
}

/** The IR of a Task, Parallel or Map. */
type WorkNode = TaskNode | ParallelNode | MapNode;

/** What the output-side methods change on a node. */
type Patch = Partial<Pick<PassNode, 'resultPath' | 'outputPath' | 'comment' | 'raw' | 'assign' | 'contract'>>;

/** What the methods of a Task, Parallel or Map change. */
type WorkPatch = Patch & Partial<Pick<TaskNode, 'retry' | 'catch'>>;

function patchWork(node: WorkNode, patch: WorkPatch): WorkNode {
  switch (node.kind) {
    case 'task':
      return createTaskNode({ ...node, ...patch });
    case 'parallel':
      return createParallelNode({ ...node, ...patch });
    case 'map':
      return createMapNode({ ...node, ...patch });
  }
}

function patchPass(node: PassNode, patch: Patch): PassNode {
  return createPassNode({ ...node, ...patch });
}

// Once ResultPath/OutputPath reshape the output, the declared result schema no longer describes it.
function outputChanges(node: WorkNode | PassNode, isIdentity: boolean): Patch {
  if (isIdentity || node.contract?.stateOutput === undefined) return {};
  const { stateOutput: _dropped, ...contract } = node.contract;
  return { contract };
}

// The patches of the methods both kinds share: each returns the fields a new node takes.
const resultPathPatch = (node: WorkNode | PassNode, path: string | null): Patch => ({
  resultPath: path === null ? null : parsePath(path, 'ResultPath', node.name),
  ...outputChanges(node, path === '$'),
});
const outputPathPatch = (node: WorkNode | PassNode, path: string | null): Patch => ({
  outputPath: path === null ? null : parsePath(path, 'OutputPath', node.name),
  ...outputChanges(node, path === '$'),
});
const rawPatch = (node: WorkNode | PassNode, fields: JsonObject): Patch => ({
  raw: { ...node.raw, ...fields },
});
const assignPatch = (
  node: WorkNode | PassNode,
  variable: { readonly name: string },
  value: (refs: Recording) => unknown,
): Patch => ({ assign: withAssignment(node, variable, value) });

/**
 * A Task, Parallel or Map at run time: a chain over its frozen node; every method returns a new state (Catch
 * handler fragments travel with it). Checked against `WorkState` by `implements`; its checks are `NoInfer` for
 * the reason given on {@link Chain}.
 */
export class WorkStateImpl<
    TName extends string,
    TInput,
    TResult,
    TOutput,
    TResources extends string = never,
    TTask = never,
    TErrors extends string = string,
  >
  extends ChainImpl<TInput, TOutput, StateNames<TName, true, TResources>>
  implements WorkState<TName, TInput, TResult, TOutput, TResources, TTask, TErrors>
{
  readonly name: TName;
  declare readonly '~task': TTask;
  readonly #node: WorkNode;
  readonly #targets: readonly Fragment[];

  constructor(name: TName, node: WorkNode, targets: readonly Fragment[]) {
    super(stateFragment(node, targets, true));
    this.name = name;
    this.#node = node;
    this.#targets = targets;
    Object.freeze(this);
  }

  // Generic in every changing parameter, so each method returns exactly its declared type (no comparison of two
  // instantiations of `WorkState`, which would make TypeScript measure its variances).
  #with<TNewResult, TNewOutput, TNewResources extends string = TResources>(
    patch: WorkPatch,
    target?: Fragment,
  ): WorkState<TName, TInput, TNewResult, TNewOutput, TNewResources, TTask, TErrors> {
    const targets = target === undefined ? this.#targets : [...this.#targets, target];
    return new WorkStateImpl<TName, TInput, TNewResult, TNewOutput, TNewResources, TTask, TErrors>(
      this.name,
      patchWork(this.#node, patch),
      targets,
    );
  }

  resultPath<const TPath extends string | null>(
    path: Param<TPath, NoInfer<ResultPathCheck<TName, TInput, TResult, TPath>>>,
  ): WorkState<TName, TInput, TResult, ResultPathOutput<TInput, TPath, TResult>, TResources, TTask, TErrors> {
    return this.#with(resultPathPatch(this.#node, checked(path)));
  }

  outputPath<const TPath extends string | null>(
    path: Param<TPath, NoInfer<OutputPathCheck<TName, TOutput, TPath>>>,
  ): WorkState<TName, TInput, OutputFiltered, OutputPathValue<TOutput, TPath>, TResources, TTask, TErrors> {
    return this.#with(outputPathPatch(this.#node, checked(path)));
  }

  retry(
    options: RetryOptions<AllowedErrorName<TErrors>>,
  ): WorkState<TName, TInput, TResult, TOutput, TResources, TTask, TErrors> {
    return this.#with({ retry: [...this.#node.retry, retryNode(options)] });
  }

  catch<$Handler extends AnyChain, const TPath extends string | null = '$'>(
    errors: readonly AllowedErrorName<TErrors>[],
    handler: Param<$Handler, NoInfer<CatchCheck<TName, TInput, TPath, $Handler>>>,
    options?: CatchOptions<TPath, CheckResultPath<TInput, TPath, `the catcher of '${TName}'`>>,
  ): WorkState<TName, TInput, TResult, TOutput, TResources | ResourcesOf<$Handler>, TTask, TErrors> {
    const fragment = fragmentOf(handler);
    const resultPath = options?.resultPath === undefined ? undefined : checked(options.resultPath);
    const added = catchNode(this.name, errors, fragment, options, resultPath);
    return this.#with({ catch: [...this.#node.catch, added] }, fragment);
  }

  assign<TValue, TVariable extends string, const $Value>(
    variable: Variable<TValue, TVariable>,
    value: VariableValue<ResultRefs<TResult>, TValue, TVariable, $Value>,
  ): WorkState<TName, TInput, TResult, TOutput, TResources, TTask, TErrors> {
    return this.#with(assignPatch(this.#node, variable, value));
  }

  comment(text: string): WorkState<TName, TInput, TResult, TOutput, TResources, TTask, TErrors> {
    return this.#with({ comment: text });
  }

  rawFields(fields: JsonObject): WorkState<TName, TInput, TResult, TOutput, TResources, TTask, TErrors> {
    return this.#with(rawPatch(this.#node, fields));
  }
}

/** A Pass at run time: like {@link WorkStateImpl}, without Retry and Catch. Checked against `PassState`. */
export class PassStateImpl<TName extends string, TInput, TResult, TOutput>
  extends ChainImpl<TInput, TOutput, StateNames<TName>>
  implements PassState<TName, TInput, TResult, TOutput>
{
  readonly name: TName;
  readonly #node: PassNode;

  constructor(name: TName, node: PassNode) {
    super(stateFragment(node, [], true));
    this.name = name;
    this.#node = node;
    Object.freeze(this);
  }

  #with<TNewResult, TNewOutput>(patch: Patch): PassState<TName, TInput, TNewResult, TNewOutput> {
    return new PassStateImpl<TName, TInput, TNewResult, TNewOutput>(this.name, patchPass(this.#node, patch));
  }

  resultPath<const TPath extends string | null>(
    path: Param<TPath, NoInfer<ResultPathCheck<TName, TInput, TResult, TPath>>>,
  ): PassState<TName, TInput, TResult, ResultPathOutput<TInput, TPath, TResult>> {
    return this.#with(resultPathPatch(this.#node, checked(path)));
  }

  outputPath<const TPath extends string | null>(
    path: Param<TPath, NoInfer<OutputPathCheck<TName, TOutput, TPath>>>,
  ): PassState<TName, TInput, OutputFiltered, OutputPathValue<TOutput, TPath>> {
    return this.#with(outputPathPatch(this.#node, checked(path)));
  }

  assign<TValue, TVariable extends string, const $Value>(
    variable: Variable<TValue, TVariable>,
    value: VariableValue<ResultRefs<TResult>, TValue, TVariable, $Value>,
  ): PassState<TName, TInput, TResult, TOutput> {
    return this.#with(assignPatch(this.#node, variable, value));
  }

  comment(text: string): PassState<TName, TInput, TResult, TOutput> {
    return this.#with({ comment: text });
  }

  rawFields(fields: JsonObject): PassState<TName, TInput, TResult, TOutput> {
    return this.#with(rawPatch(this.#node, fields));
  }
}
