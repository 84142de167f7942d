import { raise } from '../errors.js';
import {
  type ChoiceBranchNode,
  type ChoiceNode,
  createChoiceBranchNode,
  createChoiceNode,
} from '../ir/choice-node.js';
import type { Accepts, Check, OrError, Unset } from '../types/type-utils.js';
import { withAssignment } from './assign.js';
import {
  type AnyChain,
  type Chain,
  ChainImpl,
  type FirstOf,
  type InputOf,
  type ResourcesOf,
  type StateNames,
} from './chain.js';
import { toConditionNode } from './conditions.js';
import type { ContextObject } from './context.js';
import { defined } from './defined.js';
import type { InputRefs } from './dynamic.js';
import { type Fragment, fragmentOf, stateFragment } from './fragment.js';
import type { Condition, Ref, Resolve } from './refs.js';
import { runSelector, selectorRefs } from './selector.js';
import {
  type CommonSpec,
  commonFields,
  type DeclaredInput,
  inputPathField,
  type MaybeSchema,
} from './spec.js';
import type { AfterInputPath, InputPathCheck } from './task.js';
import { type Assignable, type Assignment, assignmentNodes, type Variable } from './variable.js';

/** Rejects a Choice target that cannot accept the Choice's output. */
export type TargetCheck<TName extends string, TOutput, TTarget extends AnyChain> = Check<
  Accepts<InputOf<TTarget>, TOutput>,
  `Output of "${TName}" is not assignable to input of "${FirstOf<TTarget>}"`
>;

/** Options of one Choice rule. */
export interface ChoiceRuleOptions<TInput> {
  readonly comment?: string;
  /**
   * Variables set when this rule matches, besides the Choice's own `.assign`s (a rule's wins for the same name).
   * @example { assign: ({ input }) => [route.set(input.kind)] } // "Assign": { "route.$": "$.kind" } on this rule
   */
  readonly assign?: (refs: InputRefs<TInput>) => readonly Assignment[];
}

/** Options of a Choice rule that sets the Choice's output. */
export interface ChoiceRuleOutputOptions<TInput, TRuleOutput> extends ChoiceRuleOptions<TInput> {
  /**
   * The Choice's output when this rule matches (the target must accept it). JSONata only (AWS rule).
   * @example { output: ({ input }) => ({ id: input.id }) } // "Output": { "id": "{% $states.input.id %}" }
   */
  readonly output: (refs: InputRefs<TInput>) => TRuleOutput;
}

/**
 * A Choice state: branches are tried in order, the first whose condition holds wins.
 * Closed: nothing can follow a Choice; its branches continue the flow.
 */
export interface ChoiceState<TName extends string, TInput, TOutput, TResources extends string = never>
  extends Chain<TInput, TOutput, StateNames<TName, false, TResources>> {
  readonly name: TName;
  /**
   * Adds a branch. The condition is built from typed refs; comparisons exist only where the field's type allows them.
   * @example .when(({ input }) => input.total.numericGreaterThan(100), review)
   * // { "Variable": "$.total", "NumericGreaterThan": 100, "Next": "Review" }
   */
  when<$Target extends AnyChain>(
    condition: (refs: { readonly input: Ref<TOutput>; readonly context: Ref<ContextObject> }) => Condition,
    target: $Target & TargetCheck<TName, TOutput, $Target>,
    options?: ChoiceRuleOptions<TOutput> & { readonly output?: never },
  ): ChoiceState<TName, TInput, TOutput, TResources | ResourcesOf<$Target>>;
  /**
   * Adds a branch whose `output` becomes the Choice's output when it matches (JSONata only); the target must
   * accept that output, else the result is a `StepcraftTypeError`.
   * @example .when(({ input }) => input.kind.stringEquals('a'), handleA, { output: ({ input }) => ({ id: input.id }) })
   */
  when<$Target extends AnyChain, TRuleOutput>(
    condition: (refs: { readonly input: Ref<TOutput>; readonly context: Ref<ContextObject> }) => Condition,
    target: $Target,
    options: ChoiceRuleOutputOptions<TOutput, TRuleOutput>,
  ): OrError<
    TargetCheck<TName, Resolve<TRuleOutput>, $Target>,
    ChoiceState<TName, TInput, TOutput, TResources | ResourcesOf<$Target>>
  >;
  /**
   * Sets a variable whichever way the Choice goes; the value reads the Choice's (effective) input.
   * @example .assign(route, ({ input }) => input.kind) // "Assign": { "route.$": "$.kind" } on every rule and the state
   */
  assign<TValue>(
    variable: Variable<TValue>,
    value: (refs: {
      readonly input: Ref<TOutput>;
      readonly context: Ref<ContextObject>;
    }) => NoInfer<Assignable<TValue>>,
  ): ChoiceState<TName, TInput, TOutput, TResources>;
  /** Where to go when no branch matches (ASL `Default`); without it, no match fails with `States.NoChoiceMatched`. */
  otherwise<$Target extends AnyChain>(
    target: $Target & TargetCheck<TName, TOutput, $Target>,
  ): ChoiceState<TName, TInput, TOutput, TResources | ResourcesOf<$Target>>;
}

/** How `choice()` is configured. */
export interface ChoiceSpec<TName extends string, TInputSchema extends MaybeSchema, TInputPath>
  extends CommonSpec {
  /** The state's input: declare it to write typed conditions. */
  readonly input?: TInputSchema;
  readonly inputPath?: TInputPath & InputPathCheck<TName, DeclaredInput<TInputSchema>, TInputPath>;
}

/**
 * A Choice state.
 * @example choice('Route', { input: PaidOrder }).when(({ input }) => input.payment.status.stringEquals('DECLINED'), notify).otherwise(ship)
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export function choice<
  const TName extends string,
  TInputSchema extends MaybeSchema = Unset,
  const TInputPath extends string | null | undefined = undefined,
>(
  name: TName,
  spec: ChoiceSpec<TName, TInputSchema, TInputPath> = {},
): ChoiceState<TName, DeclaredInput<TInputSchema>, AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>> {
  const node = createChoiceNode({
    name,
    ...commonFields(spec, spec.input),
    ...inputPathField(spec.inputPath, name),
    branches: [],
  });
  return new ChoiceStateImpl<
    TName,
    DeclaredInput<TInputSchema>,
    AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>
  >(name, node, []);
}

/**
 * A Choice at run time: a closed chain over its frozen node plus the fragments its rules jump to; every method
 * returns a new state. Checked against `ChoiceState` by `implements`.
 */
class ChoiceStateImpl<TName extends string, TInput, TOutput>
  extends ChainImpl<TInput, TOutput, StateNames<TName, false>>
  implements ChoiceState<TName, TInput, TOutput>
{
  readonly name: TName;
  readonly #node: ChoiceNode;
  readonly #targets: readonly Fragment[];

  constructor(name: TName, node: ChoiceNode, targets: readonly Fragment[]) {
    super(stateFragment(node, targets, false));
    this.name = name;
    this.#node = node;
    this.#targets = targets;
    Object.freeze(this);
  }

  #with(patch: Partial<ChoiceNode>, target?: Fragment): ChoiceState<TName, TInput, TOutput> {
    const targets = target === undefined ? this.#targets : [...this.#targets, target];
    return new ChoiceStateImpl<TName, TInput, TOutput>(
      this.name,
      createChoiceNode({ ...this.#node, ...patch }),
      targets,
    );
  }

  when<$Target extends AnyChain>(
    condition: (refs: { readonly input: Ref<TOutput>; readonly context: Ref<ContextObject> }) => Condition,
    target: $Target & TargetCheck<TName, TOutput, $Target>,
    options?: ChoiceRuleOptions<TOutput> & { readonly output?: never },
  ): ChoiceState<TName, TInput, TOutput>;
  when<$Target extends AnyChain, TRuleOutput>(
    condition: (refs: { readonly input: Ref<TOutput>; readonly context: Ref<ContextObject> }) => Condition,
    target: $Target,
    options: ChoiceRuleOutputOptions<TOutput, TRuleOutput>,
  ): OrError<TargetCheck<TName, Resolve<TRuleOutput>, $Target>, ChoiceState<TName, TInput, TOutput>>;
  when(
    condition: (refs: { readonly input: Ref<TOutput>; readonly context: Ref<ContextObject> }) => Condition,
    target: AnyChain,
    options?: ChoiceRuleOptions<TOutput> & { readonly output?: (refs: InputRefs<TOutput>) => unknown },
  ): unknown {
    const node = this.#node;
    const fragment = fragmentOf(target);
    const refs = selectorRefs();
    const where = `Rule ${node.branches.length + 1} of Choice "${node.name}"`;
    const branch: ChoiceBranchNode = createChoiceBranchNode({
      condition: toConditionNode(condition(refs), `A condition of Choice "${node.name}"`),
      next: fragment.startAt,
      ...defined('comment', options?.comment),
      ...defined(
        'assign',
        options?.assign === undefined
          ? undefined
          : assignmentNodes(options.assign(refs), `The assign of ${where}`),
      ),
      ...defined('output', runSelector(options?.output, `The output of ${where}`)),
    });
    return this.#with({ branches: [...node.branches, branch] }, fragment);
  }

  assign<TValue>(
    variable: Variable<TValue>,
    value: (refs: {
      readonly input: Ref<TOutput>;
      readonly context: Ref<ContextObject>;
    }) => NoInfer<Assignable<TValue>>,
  ): ChoiceState<TName, TInput, TOutput> {
    return this.#with({ assign: withAssignment(this.#node, variable, value(selectorRefs())) });
  }

  otherwise(target: AnyChain): ChoiceState<TName, TInput, TOutput> {
    if (this.#node.otherwise !== undefined) {
      raise('CHOICE_DEFAULT', `Choice "${this.name}" already has an otherwise() target`, this.name);
    }
    const fragment = fragmentOf(target);
    return this.#with({ otherwise: fragment.startAt }, fragment);
  }
}
