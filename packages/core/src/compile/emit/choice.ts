import type { ChoiceRule, ChoiceState, JsonValue } from '@stepcraft/asl';
import type { ChoiceNode } from '../../ir/choice-node.js';
import type { ConditionNode } from '../../ir/choice-rule-node.js';
import { embed, jsonataCondition } from '../query-language/jsonata.js';
import { type EmitContext, field, filterFields } from './context.js';
import { assignField, effectiveInput, isJsonata, passThroughOutput, scopeOf } from './jsonata-io.js';

/**
 * Emits a Choice (no Next/End: its transitions are the rules and Default). A matched rule's Assign replaces the
 * state's, so the state's assignments are repeated on every rule to hold on every path.
 */
export function emitChoice(node: ChoiceNode, context: EmitContext): ChoiceState {
  if (node.branches.length === 0) {
    context.report('CHOICE_NO_BRANCHES', `Choice "${node.name}" has no branches: add .when(…)`, ['Choices']);
  }
  const jsonata = isJsonata(context);
  const { input, output } = jsonata
    ? { input: {}, output: passThroughOutput(node) }
    : filterFields(context, node);
  const assign = assignField(context, node.assign, undefined, effectiveInput(node));
  const choices: ChoiceRule[] = node.branches.map((branch, i) => ({
    ...condition(context, node, branch.condition, i),
    ...field('Comment', branch.comment),
    ...assign,
    Next: branch.next,
  })) as ChoiceRule[];
  return {
    Type: 'Choice',
    ...field('Comment', node.comment),
    ...input,
    ...output,
    Choices: choices,
    ...field('Default', node.otherwise),
    ...assign,
  } as unknown as ChoiceState;
}

function condition(
  context: EmitContext,
  node: ChoiceNode,
  rule: ConditionNode,
  index: number,
): Record<string, JsonValue> {
  if (!isJsonata(context))
    return context.dialect.condition(rule, context.report) as Record<string, JsonValue>;
  const scope = scopeOf(context, effectiveInput(node), ['Choices', index, 'Condition']);
  return { Condition: embed(jsonataCondition(rule, scope)) };
}
