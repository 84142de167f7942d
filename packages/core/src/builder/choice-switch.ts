import { raise } from '../errors.js';
import { type ConditionNode, createOrNode } from '../ir/choice-rule-node.js';
import type { ReferenceNode } from '../ir/template-node.js';
import type { Describe, FirstMember } from '../types/describe.js';
import type { Param } from '../types/fit.js';
import type { Message } from '../types/messages.js';
import type { Needs, Seen } from '../types/pass-through.js';
import type { StepcraftTypeError } from '../types/type-error.js';
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
import { comparisonMethod } from './conditions.js';
import { stateFragment } from './fragment.js';
import { unboxNode } from './refs.js';
import { type Recording, recorded, selectorRefs } from './selector.js';
import type { Variable, VariableValue } from './variable.js';

/** The values a switch rule can match: the field's literal types (any JSON primitive when it is not typed). */
type Matchable<T> = unknown extends T
  ? string | number | boolean | null
  : Extract<T, string | number | boolean | null>;

/**
 * What `.when()` of a switch accepts next. A field that may be missing comes first (`.when(undefined, …)`, ASL
 * `IsPresent: false`): AWS fails every other comparison on a missing field with `States.Runtime`.
 */
type SwitchValue<TRemaining, TField extends string> = unknown extends TRemaining
  ? Matchable<TRemaining>
  : undefined extends TRemaining
    ? undefined | StepcraftTypeError<Message<'missingFirst', [TField]>>
    : Matchable<TRemaining>;

/** The input of a switch as a chain: the Choice's input once every value is handled, else the message. */
type SwitchInput<TName extends string, TInput, TRemaining, TField extends string> = [TRemaining] extends [
  never,
]
  ? TInput
  : StepcraftTypeError<
      Message<
        'unhandled',
        [
          TName,
          Describe<TRemaining>,
          TField,
          [Matchable<TRemaining>] extends [never] ? '…' : Describe<FirstMember<Matchable<TRemaining>>>,
        ]
      >
    >;

/**
 * A Choice that switches on one value (`choice(…).on(({ input }) => input.status)`). Each `.when(value, target)`
 * handles one value (or several: `.when(['A', 'B'], target)`); until every value of the field's type is handled or
 * `.otherwise()` is given, using the Choice anywhere is a compile error naming the values left (`TRemaining`).
 * Variances declared as TypeScript measures them (see {@link Chain}).
 */
export interface ChoiceSwitch<
  TName extends string,
  out TInput,
  in out TOutput,
  in out TRemaining,
  out TField extends string,
  out TResources extends string = never,
> extends Chain<
    SwitchInput<TName, TInput, TRemaining, TField>,
    TOutput,
    StateNames<TName, false, TResources>
  > {
  readonly name: TName;
  /**
   * Goes to `target` when the value is `value` (one of them, for an array).
   * @example .when('PAID', ship) // { "Variable": "$.status", "StringEquals": "PAID", "Next": "Ship" }
   */
  when<const $Value extends SwitchValue<TRemaining, TField>, $Target extends AnyChain>(
    value: $Value | readonly [$Value, ...$Value[]],
    target: Param<$Target, TargetCheck<TName, TOutput, $Target>>,
    options?: ChoiceRuleOptions<Seen<TOutput>, never>,
  ): ChoiceSwitch<
    TName,
    Needs<TInput, TOutput, InputOf<$Target>>,
    TOutput,
    Exclude<TRemaining, $Value>,
    TField,
    TResources | ResourcesOf<$Target>
  >;
  /** Sets a variable whichever way the Choice goes (see `ChoiceState.assign`). */
  assign<TValue, TVariable extends string, const $Value>(
    variable: Variable<TValue, TVariable>,
    value: VariableValue<ChoiceRefs<TName, TOutput>, TValue, TVariable, $Value>,
  ): ChoiceSwitch<TName, TInput, TOutput, TRemaining, TField, TResources>;
  /** Where every value not handled goes (ASL `Default`): the switch no longer needs to handle them all. */
  otherwise<$Target extends AnyChain>(
    target: Param<$Target, TargetCheck<TName, TOutput, $Target>>,
  ): ChoiceSwitch<
    TName,
    Needs<TInput, TOutput, InputOf<$Target>>,
    TOutput,
    never,
    TField,
    TResources | ResourcesOf<$Target>
  >;
}

/** The switch of a Choice over the value `subject` selects (a path: a field of the input or a variable). */
export function createChoiceSwitch<TName extends string, TInput, TOutput, TRemaining, TField extends string>(
  name: TName,
  parts: ChoiceParts,
  subject: (refs: Recording) => unknown,
): ChoiceSwitch<TName, TInput, TOutput, TRemaining, TField> {
  const where = `on() of Choice "${name}"`;
  const node = recorded(where, name, () => unboxNode(subject(selectorRefs())));
  if (node?.kind !== 'reference') {
    return raise('CHOICE_CONDITION', `${where} takes a path such as ({ input }) => input.status`, name);
  }
  return switchState<TName, TInput, TOutput, TRemaining, TField>(name, parts, node);
}

// Generic in every parameter, so \`ChoiceSwitchImpl\` is compared with \`ChoiceSwitch\` over plain type parameters, never
// over the \`Needs<…>\`/\`Exclude<…>\` of each method (each such comparison walks every method several levels deep).
function switchState<TName extends string, TInput, TOutput, TRemaining, TField extends string>(
  name: TName,
  parts: ChoiceParts,
  subject: ReferenceNode,
): ChoiceSwitch<TName, TInput, TOutput, TRemaining, TField> {
  return new ChoiceSwitchImpl<TName, TInput, TOutput, TRemaining, TField>(name, parts, subject);
}

/** A switch at run time: the Choice's parts and the path its rules compare. Checked against `ChoiceSwitch`. */
class ChoiceSwitchImpl<TName extends string, TInput, TOutput, TRemaining, TField extends string>
  extends ChainImpl<SwitchInput<TName, TInput, TRemaining, TField>, TOutput, StateNames<TName, false>>
  implements ChoiceSwitch<TName, TInput, TOutput, TRemaining, TField>
{
  readonly name: TName;
  readonly #parts: ChoiceParts;
  readonly #subject: ReferenceNode;

  constructor(name: TName, parts: ChoiceParts, subject: ReferenceNode) {
    super(stateFragment(parts.node, parts.targets, false));
    this.name = name;
    this.#parts = parts;
    this.#subject = subject;
    Object.freeze(this);
  }

  when<const $Value extends SwitchValue<TRemaining, TField>, $Target extends AnyChain>(
    value: $Value | readonly [$Value, ...$Value[]],
    target: Param<$Target, TargetCheck<TName, TOutput, $Target>>,
    options?: ChoiceRuleOptions<Seen<TOutput>, never>,
  ): ChoiceSwitch<
    TName,
    Needs<TInput, TOutput, InputOf<$Target>>,
    TOutput,
    Exclude<TRemaining, $Value>,
    TField
  > {
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    const [first, ...rest] = values.map((v) => valueCondition(this.name, this.#subject, v));
    if (first === undefined) {
      return raise('CHOICE_OPERAND', `when() of Choice "${this.name}" needs at least one value`, this.name);
    }
    const condition = rest.length === 0 ? first : createOrNode([first, ...rest]);
    return switchState<
      TName,
      Needs<TInput, TOutput, InputOf<$Target>>,
      TOutput,
      Exclude<TRemaining, $Value>,
      TField
    >(this.name, withRule(this.#parts, condition, target, options), this.#subject);
  }

  assign<TValue, TVariable extends string, const $Value>(
    variable: Variable<TValue, TVariable>,
    value: VariableValue<ChoiceRefs<TName, TOutput>, TValue, TVariable, $Value>,
  ): ChoiceSwitch<TName, TInput, TOutput, TRemaining, TField> {
    return switchState<TName, TInput, TOutput, TRemaining, TField>(
      this.name,
      withChoiceAssignment(this.#parts, variable, value),
      this.#subject,
    );
  }

  otherwise<$Target extends AnyChain>(
    target: Param<$Target, TargetCheck<TName, TOutput, $Target>>,
  ): ChoiceSwitch<TName, Needs<TInput, TOutput, InputOf<$Target>>, TOutput, never, TField> {
    return switchState<TName, Needs<TInput, TOutput, InputOf<$Target>>, TOutput, never, TField>(
      this.name,
      withDefault(this.#parts, target),
      this.#subject,
    );
  }
}

/** The comparison a switch value stands for: equality by the value's JSON type, `IsNull`, or `IsPresent: false`. */
function valueCondition(state: string, subject: ReferenceNode, value: unknown): ConditionNode {
  switch (typeof value) {
    case 'string':
      return comparisonMethod('stringEquals', subject, value);
    case 'number':
      return comparisonMethod('numericEquals', subject, value);
    case 'boolean':
      return comparisonMethod('booleanEquals', subject, value);
    case 'undefined':
      return comparisonMethod('isPresent', subject, false);
    default:
      if (value === null) return comparisonMethod('isNull', subject, true);
      return raise(
        'CHOICE_OPERAND',
        `A value of the switch of Choice "${state}" is ${typeof value}: give strings, numbers, booleans, null or undefined`,
        state,
      );
  }
}
