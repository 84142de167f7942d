import type { ChoiceRule, ChoiceState, JsonValue } from '@stepcraft/asl';
import type { ChoiceBranchNode, ChoiceNode } from '../../ir/choice-node.js';
import type { ConditionNode } from '../../ir/choice-rule-node.js';
import type { AssignmentNode } from '../../ir/common-node.js';
import { embed, jsonataCondition, jsonataValue } from '../query-language/jsonata.js';
import { type EmitContext, field, filterFields, withField } from './context.js';
import { assignField, effectiveInput, isJsonata, passThroughOutput, scopeOf } from './jsonata-io.js';

/**
 * Emits a Choice (no Next/End: its transitions are the rules and Default). A matched rule's Assign and Output
 * replace the state's, so the state's are repeated on every rule (merged with the rule's own) to hold on every path.
 */
export function emitChoice(node: ChoiceNode, context: EmitContext): ChoiceState {
  if (node.branches.length === 0) {
    context.report('CHOICE_NO_BRANCHES', `Choice "${node.name}" has no branches: add .when(…)`, ['Choices']);
  }
  const jsonata = isJsonata(context);
  const { input, output } = jsonata
    ? { input: {}, output: passThroughOutput(node) }
    : filterFields(context, node);
  const base = effectiveInput(node);
  const assign = assignField(context, node.assign, undefined, base);
  const choices: ChoiceRule[] = node.branches.map((branch, i) => ({
    ...condition(context, node, branch.condition, i),
    ...field('Comment', branch.comment),
    ...ruleOutput(context, branch, output, base, i),
    ...(branch.assign === undefined
      ? assign
      : assignField(
          withField(context, ['Choices', i]),
          ruleAssign(node.assign, branch.assign),
          undefined,
          base,
        )),
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

function ruleAssign(state: readonly AssignmentNode[] | undefined, own: readonly AssignmentNode[]) {
  const names = new Set(own.map((a) => a.name));
  return [...(state ?? []).filter((a) => !names.has(a.name)), ...own];
}

function ruleOutput(
  context: EmitContext,
  branch: ChoiceBranchNode,
  stateOutput: Record<string, JsonValue>,
  input: string,
  index: number,
): Record<string, JsonValue> {
  if (branch.output === undefined) return isJsonata(context) ? stateOutput : {};
  const at = ['Choices', index, 'Output'];
  if (!isJsonata(context)) {
    context.report(
      'CHOICE_RULE_OUTPUT',
      "A Choice rule can only set its Output in JSONata (AWS rule): set queryLanguage: 'JSONata' on the state or workflow",
      at,
    );
    return {};
  }
  return { Output: jsonataValue(branch.output, scopeOf(context, input, at)) };
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
