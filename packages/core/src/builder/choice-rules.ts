import { raise } from '../errors.js';
import {
  type ChoiceBranchNode,
  type ChoiceNode,
  createChoiceBranchNode,
  createChoiceNode,
} from '../ir/choice-node.js';
import type { ConditionNode } from '../ir/choice-rule-node.js';
import type { Fit } from '../types/fit.js';
import type { Seen } from '../types/pass-through.js';
import { withAssignment } from './assign.js';
import type { AnyChain, FirstOf, InputOf } from './chain.js';
import type { ContextObject } from './context.js';
import { defined } from './defined.js';
import type { InputRefs } from './dynamic.js';
import { type Fragment, fragmentOf } from './fragment.js';
import type { Ref } from './refs.js';
import { type Recording, runSelector, selectorRefs } from './selector.js';
import { type Assignment, assignmentNodes } from './variable.js';

/**
 * What a Choice's conditions read: its (effective) input and the Context Object, as refs that know their path and
 * the Choice, so a comparison the field's type cannot satisfy names both.
 */
export interface ChoiceRefs<TName extends string, TOutput> {
  readonly input: Ref<Seen<TOutput>, '$', TName>;
  readonly context: Ref<ContextObject, '$$', TName>;
}

/** Rejects a Choice target that cannot accept what the Choice passes on (or a rule's own output), naming the fields. */
export type TargetCheck<
  TName extends string,
  TOutput,
  TTarget extends AnyChain,
  TSource extends 'outputOf' | 'ruleOutput' = 'outputOf',
> = Fit<TOutput, InputOf<TTarget>, [TSource, TName], FirstOf<TTarget>>;

/** Options of one Choice rule; `output` (JSONata only) makes the rule set the Choice's output. */
export interface ChoiceRuleOptions<TInput, TRuleOutput = unknown> {
  readonly comment?: string;
  /**
   * Variables set when this rule matches, besides the Choice's own `.assign`s (a rule's wins for the same name).
   * @example { assign: ({ input }) => [route.set(input.kind)] } // "Assign": { "route.$": "$.kind" } on this rule
   */
  readonly assign?: (refs: InputRefs<TInput>) => readonly Assignment[];
  /**
   * The Choice's output when this rule matches (the target must accept it). JSONata only (AWS rule).
   * @example { output: ({ input }) => ({ id: input.id }) } // "Output": { "id": "{% $states.input.id %}" }
   */
  readonly output?: (refs: InputRefs<TInput>) => TRuleOutput;
}

/** Options of a Choice rule that sets the Choice's output. */
export interface ChoiceRuleOutputOptions<TInput, TRuleOutput> extends ChoiceRuleOptions<TInput, TRuleOutput> {
  /**
   * The Choice's output when this rule matches (the target must accept it). JSONata only (AWS rule).
   * @example { output: ({ input }) => ({ id: input.id }) } // "Output": { "id": "{% $states.input.id %}" }
   */
  readonly output: (refs: InputRefs<TInput>) => TRuleOutput;
}

/** A Choice being built: its frozen node and the fragments its rules jump to. */
export interface ChoiceParts {
  readonly node: ChoiceNode;
  readonly targets: readonly Fragment[];
}

/** The rule options as the run time sees them (the types decide which are allowed). */
export interface RuleOptions {
  readonly comment?: string | undefined;
  readonly assign?: ((refs: Recording) => readonly Assignment[]) | undefined;
  readonly output?: ((refs: Recording) => unknown) | undefined;
}

/** `parts` with one more rule: when `condition` holds, go to `target` (a state or chain; the types check it). */
export function withRule(
  parts: ChoiceParts,
  condition: ConditionNode,
  target: unknown,
  options: RuleOptions | undefined,
): ChoiceParts {
  const { node } = parts;
  const fragment = fragmentOf(target);
  const where = `Rule ${node.branches.length + 1} of Choice "${node.name}"`;
  const branch: ChoiceBranchNode = createChoiceBranchNode({
    condition,
    next: fragment.startAt,
    ...defined('comment', options?.comment),
    ...defined(
      'assign',
      options?.assign === undefined
        ? undefined
        : assignmentNodes(options.assign(selectorRefs()), `The assign of ${where}`),
    ),
    ...defined('output', runSelector(options?.output, `The output of ${where}`, node.name)),
  });
  return {
    node: createChoiceNode({ ...node, branches: [...node.branches, branch] }),
    targets: [...parts.targets, fragment],
  };
}

/** `parts` with its default target (ASL `Default`). */
export function withDefault(parts: ChoiceParts, target: unknown): ChoiceParts {
  if (parts.node.otherwise !== undefined) {
    raise('CHOICE_DEFAULT', `Choice "${parts.node.name}" already has an otherwise() target`, parts.node.name);
  }
  const fragment = fragmentOf(target);
  return {
    node: createChoiceNode({ ...parts.node, otherwise: fragment.startAt }),
    targets: [...parts.targets, fragment],
  };
}

/** `parts` with one more state-level assignment. */
export function withChoiceAssignment(
  parts: ChoiceParts,
  variable: { readonly name: string },
  read: (refs: Recording) => unknown,
): ChoiceParts {
  return {
    node: createChoiceNode({ ...parts.node, assign: withAssignment(parts.node, variable, read) }),
    targets: parts.targets,
  };
}
