import { createChoiceNode } from '../ir/choice-node.js';
import type { ConditionNode } from '../ir/choice-rule-node.js';
import type { Param } from '../types/fit.js';
import type { Needs, Seen } from '../types/pass-through.js';
import type { SpecKeys } from '../types/spec-keys.js';
import type { Built, Unset } from '../types/type-utils.js';
import {
  type AnyChain,
  type Chain,
  ChainImpl,
  type InputOf,
  type ResourcesOf,
  type StateNames,
} from './chain.js';
import {
  type ChoiceParts,
  type ChoiceRefs,
  type ChoiceRuleOptions,
  type TargetCheck,
  withChoiceAssignment,
  withDefault,
  withRule,
} from './choice-rules.js';
import { type ChoiceSwitch, createChoiceSwitch } from './choice-switch.js';
import { toConditionNode } from './conditions.js';
import { stateFragment } from './fragment.js';
import type { Condition, PathExpr, Resolve } from './refs.js';
import { type Recording, recorded, selectorRefs } from './selector.js';
import {
  type CommonSpec,
  commonFields,
  type DeclaredInput,
  type InputPathCheck,
  inputPathField,
  type MaybeSchema,
  type PassThrough,
} from './spec.js';
import type { Variable, VariableValue } from './variable.js';

/**
 * A Choice state: branches are tried in order, the first whose condition holds wins. Closed: nothing can follow a
 * Choice; its branches continue the flow. Without a declared input it passes on whatever flows in (`TOutput` is
 * `Same`), and its input is what its targets need. Variances declared as TypeScript measures them (see {@link Chain}).
 */
export interface ChoiceState<
  TName extends string,
  out TInput,
  in out TOutput,
  out TResources extends string = never,
> extends Chain<TInput, TOutput, StateNames<TName, false, TResources>> {
  readonly name: TName;
  /**
   * Adds a branch. The condition is built from typed refs; comparisons exist only where the field's type allows them.
   * With `output` (JSONata only), the rule's own output is what the target gets and must accept.
   * @example .when(({ input }) => input.total.numericGreaterThan(100), review)
   * // { "Variable": "$.total", "NumericGreaterThan": 100, "Next": "Review" }
   */
  when<$Target extends AnyChain, TRuleOutput = Unset, TKeys extends PropertyKey = never>(
    condition: (refs: ChoiceRefs<TName, TOutput>) => Condition,
    target: Param<$Target, RuleTargetCheck<TName, TOutput, $Target, TRuleOutput, TKeys>>,
    options?: ChoiceRuleOptions<Seen<TOutput>, TRuleOutput> & SpecKeys<TKeys, RuleKey, 'when'>,
  ): ChoiceState<
    TName,
    'output' extends TKeys ? TInput : Needs<TInput, TOutput, InputOf<$Target>>,
    TOutput,
    TResources | ResourcesOf<$Target>
  >;
  /**
   * Switches on one value: `.on(({ input }) => input.status)`, then `.when('PAID', ship)` per value. Without
   * `.otherwise()` the Choice can be used only once every value of the field's type is handled; the error names
   * the ones left.
   * @example .on(({ input }) => input.status).when('PAID', ship).when('DECLINED', notify)
   * // { "Variable": "$.status", "StringEquals": "PAID", "Next": "Ship" }, { …, "StringEquals": "DECLINED", … }
   */
  on<$Value, $Path extends string>(
    subject: (refs: ChoiceRefs<TName, TOutput>) => PathExpr<$Value, $Path>,
  ): ChoiceSwitch<TName, TInput, TOutput, $Value, $Path, TResources>;
  /**
   * Sets a variable whichever way the Choice goes; the value reads the Choice's (effective) input.
   * @example .assign(route, ({ input }) => input.kind) // "Assign": { "route.$": "$.kind" } on every rule and the state
   */
  assign<TValue, TVariable extends string, const $Value>(
    variable: Variable<TValue, TVariable>,
    value: VariableValue<ChoiceRefs<TName, TOutput>, TValue, TVariable, $Value>,
  ): ChoiceState<TName, TInput, TOutput, TResources>;
  /** Where to go when no branch matches (ASL `Default`); without it, no match fails with `States.NoChoiceMatched`. */
  otherwise<$Target extends AnyChain>(
    target: Param<$Target, TargetCheck<TName, TOutput, $Target>>,
  ): ChoiceState<TName, Needs<TInput, TOutput, InputOf<$Target>>, TOutput, TResources | ResourcesOf<$Target>>;
}

type RuleKey = keyof ChoiceRuleOptions<unknown>;

/**
 * Rejects a target that cannot accept what a rule sends it: the Choice's output, or the rule's own `output`. That
 * check waits while the output is not inferred yet (see `SpecKeys`).
 */
export type RuleTargetCheck<
  TName extends string,
  TOutput,
  TTarget extends AnyChain,
  TRuleOutput,
  TKeys,
> = 'output' extends TKeys
  ? [TRuleOutput] extends [Unset]
    ? unknown
    : TargetCheck<TName, Resolve<NoInfer<TRuleOutput>>, TTarget, 'ruleOutput'>
  : TargetCheck<TName, TOutput, TTarget>;

/** How `choice()` is configured. */
export interface ChoiceSpec<TName extends string, TInputSchema extends MaybeSchema, TInputPath>
  extends CommonSpec {
  /** The state's input: declare it to write typed conditions; omit it to pass on whatever flows in. */
  readonly input?: TInputSchema;
  readonly inputPath?: Param<TInputPath, InputPathCheck<TName, DeclaredInput<TInputSchema>, TInputPath>>;
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
): Built<ChoiceState<TName, DeclaredInput<TInputSchema>, PassThrough<TInputSchema, TInputPath>>> {
  const node = createChoiceNode({
    name,
    ...commonFields(spec, spec.input),
    ...inputPathField(spec.inputPath, name),
    branches: [],
  });
  return choiceState<TName, DeclaredInput<TInputSchema>, PassThrough<TInputSchema, TInputPath>>(name, {
    node,
    targets: [],
  });
}

// Generic in every parameter, so \`ChoiceStateImpl\` is compared with \`ChoiceState\` once, over plain type parameters,
// never over \`DeclaredInput<…>\` and the other deferred types of a call site (each such comparison walks every method
// several levels deep).
function choiceState<TName extends string, TInput, TOutput>(
  name: TName,
  parts: ChoiceParts,
): ChoiceState<TName, TInput, TOutput> {
  return new ChoiceStateImpl<TName, TInput, TOutput>(name, parts);
}

/** The IR of a condition callback's result, recorded over fresh refs. */
function conditionOf(parts: ChoiceParts, condition: (refs: Recording) => unknown): ConditionNode {
  const name = parts.node.name;
  const where = `A condition of Choice "${name}"`;
  return recorded(where, name, () => toConditionNode(condition(selectorRefs()), where));
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
  readonly #parts: ChoiceParts;

  constructor(name: TName, parts: ChoiceParts) {
    super(stateFragment(parts.node, parts.targets, false));
    this.name = name;
    this.#parts = parts;
    Object.freeze(this);
  }

  when<$Target extends AnyChain, TRuleOutput = Unset, TKeys extends PropertyKey = never>(
    condition: (refs: ChoiceRefs<TName, TOutput>) => Condition,
    target: Param<$Target, RuleTargetCheck<TName, TOutput, $Target, TRuleOutput, TKeys>>,
    options?: ChoiceRuleOptions<Seen<TOutput>, TRuleOutput> & SpecKeys<TKeys, RuleKey, 'when'>,
  ): ChoiceState<TName, 'output' extends TKeys ? TInput : Needs<TInput, TOutput, InputOf<$Target>>, TOutput> {
    const parts = this.#parts;
    return choiceState<
      TName,
      'output' extends TKeys ? TInput : Needs<TInput, TOutput, InputOf<$Target>>,
      TOutput
    >(this.name, withRule(parts, conditionOf(parts, condition), target, options));
  }

  on<$Value, $Path extends string>(
    subject: (refs: ChoiceRefs<TName, TOutput>) => PathExpr<$Value, $Path>,
  ): ChoiceSwitch<TName, TInput, TOutput, $Value, $Path> {
    return createChoiceSwitch<TName, TInput, TOutput, $Value, $Path>(this.name, this.#parts, subject);
  }

  assign<TValue, TVariable extends string, const $Value>(
    variable: Variable<TValue, TVariable>,
    value: VariableValue<ChoiceRefs<TName, TOutput>, TValue, TVariable, $Value>,
  ): ChoiceState<TName, TInput, TOutput> {
    return choiceState<TName, TInput, TOutput>(this.name, withChoiceAssignment(this.#parts, variable, value));
  }

  otherwise<$Target extends AnyChain>(
    target: Param<$Target, TargetCheck<TName, TOutput, $Target>>,
  ): ChoiceState<TName, Needs<TInput, TOutput, InputOf<$Target>>, TOutput> {
    return choiceState<TName, Needs<TInput, TOutput, InputOf<$Target>>, TOutput>(
      this.name,
      withDefault(this.#parts, target),
    );
  }
}
