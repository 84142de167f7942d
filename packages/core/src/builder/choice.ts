import { raise } from '../errors.js';
import {
  type ChoiceBranchNode,
  type ChoiceNode,
  createChoiceBranchNode,
  createChoiceNode,
} from '../ir/choice-node.js';
import type { Accepts, Check, OrError, Unset } from '../types/type-utils.js';
import {
  type AnyChain,
  type Chain,
  createChain,
  type FirstOf,
  type Fragment,
  fragmentOf,
  type InputOf,
  type ResourcesOf,
  type StateNames,
  stateFragment,
} from './chain.js';
import { toConditionNode } from './conditions.js';
import type { ContextObject } from './context.js';
import type { InputRefs } from './dynamic.js';
import { type Condition, contextRef, inputRef, type Ref, type Resolve } from './refs.js';
import { withAssignment } from './result-state.js';
import {
  type CommonSpec,
  commonFields,
  type DeclaredInput,
  inputPathField,
  type MaybeSchema,
} from './spec.js';
import { defined, runSelector, type Selector } from './state.js';
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
  return createChoiceState(
    createChoiceNode({
      name,
      ...commonFields(spec, spec.input),
      ...inputPathField(spec.inputPath, name),
      branches: [],
    }),
    [],
  );
}

function createChoiceState<TState>(node: ChoiceNode, targets: readonly Fragment[]): TState {
  const withTarget = (patch: Partial<ChoiceNode>, target: Fragment) =>
    createChoiceState(createChoiceNode({ ...node, ...patch }), [...targets, target]);
  return Object.freeze({
    ...createChain<AnyChain>(stateFragment(node, targets, false)),
    name: node.name,
    when(
      condition: (refs: { input: never; context: never }) => Condition,
      target: AnyChain,
      options?: ChoiceRuleOptions<never> & { readonly output?: Selector },
    ) {
      const fragment = fragmentOf(target);
      const refs = { input: inputRef() as never, context: contextRef() as never };
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
      return withTarget({ branches: [...node.branches, branch] }, fragment);
    },
    assign(variable: Variable<unknown>, value: (refs: never) => unknown) {
      const assign = withAssignment(
        node,
        variable,
        value({ input: inputRef(), context: contextRef() } as never),
      );
      return createChoiceState(createChoiceNode({ ...node, assign }), targets);
    },
    otherwise(target: AnyChain) {
      if (node.otherwise !== undefined) {
        raise('CHOICE_DEFAULT', `Choice "${node.name}" already has an otherwise() target`, node.name);
      }
      const fragment = fragmentOf(target);
      return withTarget({ otherwise: fragment.startAt }, fragment);
    },
  }) as TState;
}
