import { createParallelNode } from '../ir/parallel-node.js';
import type { LastOf } from '../types/describe.js';
import type { Fit, Param } from '../types/fit.js';
import type { Resolved } from '../types/pass-through.js';
import type { Pending, SpecKeys } from '../types/spec-keys.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type { Built, Unset } from '../types/type-utils.js';
import type { AnyChain, FirstOf, InputOf, OutputOf, ResourcesOf } from './chain.js';
import type { ContextObject } from './context.js';
import { defined } from './defined.js';
import { graphOf } from './fragment.js';
import type { Ref, Resolve } from './refs.js';
import { type WorkState, WorkStateImpl } from './result-state.js';
import { runSelector } from './selector.js';
import {
  type AfterInputPath,
  type CommonSpec,
  commonFields,
  type DeclaredInput,
  type InputPathCheck,
  inputPathField,
  type MaybeSchema,
} from './spec.js';

type Effective<TInputSchema extends MaybeSchema, TInputPath, TPayload> = [TPayload] extends [Unset]
  ? AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>
  : Resolve<TPayload>;

/** Rejects the first branch that cannot accept the Parallel's effective input, naming it and the fields. */
export type BranchesCheck<TName extends string, TEffective, TBranches extends readonly AnyChain[]> = {
  [K in keyof TBranches]: Fit<
    TEffective,
    InputOf<TBranches[K]>,
    ['parallelInput', TName],
    FirstOf<TBranches[K]>
  > extends infer $Check
    ? [$Check] extends [StepcraftTypeError<string>]
      ? $Check
      : never
    : never;
}[number] extends infer $Errors
  ? [$Errors] extends [never]
    ? unknown
    : LastOf<$Errors>
  : unknown;

/** The Parallel's result: one element per branch, in branch order. */
export type BranchOutputs<TEffective, TBranches extends readonly AnyChain[]> = {
  -readonly [K in keyof TBranches]: Resolved<OutputOf<TBranches[K]>, TEffective>;
};

/** How `parallel()` is configured. */
export interface ParallelSpec<
  TName extends string,
  TInputSchema extends MaybeSchema,
  TInputPath,
  TPayload,
  TBranches extends readonly AnyChain[],
  TSelected,
  TKeys = never,
> extends CommonSpec {
  readonly input?: TInputSchema;
  readonly inputPath?: Param<TInputPath, InputPathCheck<TName, DeclaredInput<TInputSchema>, TInputPath>>;
  /** The input every branch receives (ASL `Parameters`). */
  readonly parameters?: (refs: {
    readonly input: Ref<AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>>;
    readonly context: Ref<ContextObject>;
  }) => TPayload;
  /**
   * The branches, each a state or a chain; all run on the same input. A branch that cannot accept it turns the
   * result into a `StepcraftTypeError` naming it.
   */
  // Checked once Parameters' return is known (`Pending`, see `SpecKeys`).
  readonly branches: Param<
    TBranches,
    Pending<TKeys, 'parameters', TPayload, Unset> extends true
      ? unknown
      : BranchesCheck<TName, NoInfer<Effective<TInputSchema, TInputPath, TPayload>>, TBranches>
  >;
  readonly resultSelector?: (refs: {
    readonly result: Ref<BranchOutputs<Effective<TInputSchema, TInputPath, TPayload>, TBranches>>;
    readonly context: Ref<ContextObject>;
  }) => TSelected;
}

type ParallelSpecKey = keyof ParallelSpec<string, Unset, undefined, Unset, [], Unset>;

type ParallelResult<TEffective, TBranches extends readonly AnyChain[], TSelected> = [TSelected] extends [
  Unset,
]
  ? BranchOutputs<TEffective, TBranches>
  : Resolve<TSelected>;

/**
 * A Parallel state: runs every branch on the same input; its result is the array of branch outputs.
 * @example parallel('Score', { input: Features, branches: [modelA, modelB] })
 * // "Score": { "Type": "Parallel", "Branches": [{ "StartAt": "ModelA", … }, { "StartAt": "ModelB", … }], … }
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html
 */
export function parallel<
  const TName extends string,
  const TBranches extends readonly AnyChain[],
  TInputSchema extends MaybeSchema = Unset,
  const TInputPath extends string | null | undefined = undefined,
  TPayload = Unset,
  TSelected = Unset,
  TKeys extends PropertyKey = never,
>(
  name: TName,
  spec: ParallelSpec<TName, TInputSchema, TInputPath, TPayload, TBranches, TSelected, TKeys> &
    SpecKeys<TKeys, ParallelSpecKey, 'parallel'>,
): Built<
  WorkState<
    TName,
    DeclaredInput<TInputSchema>,
    ParallelResult<Effective<TInputSchema, TInputPath, TPayload>, TBranches, TSelected>,
    ParallelResult<Effective<TInputSchema, TInputPath, TPayload>, TBranches, TSelected>,
    ResourcesOf<TBranches[number]>
  >
> {
  const branches = spec.branches as readonly AnyChain[];
  const node = createParallelNode({
    name,
    ...commonFields(spec, spec.input),
    ...inputPathField(spec.inputPath, name),
    ...defined('parameters', runSelector(spec.parameters, `Parameters of "${name}"`, name)),
    ...defined('resultSelector', runSelector(spec.resultSelector, `ResultSelector of "${name}"`, name)),
    branches: branches.map(graphOf),
    retry: [],
    catch: [],
  });
  type Result = ParallelResult<Effective<TInputSchema, TInputPath, TPayload>, TBranches, TSelected>;
  return new WorkStateImpl<
    TName,
    DeclaredInput<TInputSchema>,
    Result,
    Result,
    ResourcesOf<TBranches[number]>
  >(name, node, []);
}
