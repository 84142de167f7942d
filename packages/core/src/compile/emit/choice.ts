import type { ChoiceRule, ChoiceState } from '@stepcraft/asl';
import type { ChoiceBranchNode, ChoiceNode } from '../../ir/choice-node.js';
import { type Draft, under } from '../query-language/dialect.js';
import { type EmitContext, header } from './context.js';

/**
 * Emits a Choice (no Next/End: its transitions are the rules and Default). A matched rule's Assign and Output
 * replace the state's, so the dialect repeats the state's on every rule (merged with the rule's own).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export function emitChoice(node: ChoiceNode, context: EmitContext): ChoiceState {
  const { dialect, report } = context;
  const head: Draft<Omit<ChoiceState, 'Type' | 'Choices'>> = { ...header(node, context) };
  dialect.inputPath(head, node);
  dialect.passThrough(head, node);
  dialect.assign(head, node, node.assign, report);
  const choices = node.branches.map((branch, i) =>
    rule(node, branch, head, under(report, ['Choices', i]), context),
  );
  return {
    Type: 'Choice',
    ...head,
    Choices: choices,
    ...(node.otherwise === undefined ? {} : { Default: node.otherwise }),
  };
}

function rule(
  node: ChoiceNode,
  branch: ChoiceBranchNode,
  state: Draft<Omit<ChoiceState, 'Type' | 'Choices'>>,
  report: EmitContext['report'],
  context: EmitContext,
): ChoiceRule {
  return {
    ...context.dialect.condition(node, branch, report),
    ...(branch.comment === undefined ? {} : { Comment: branch.comment }),
    ...context.dialect.ruleFields(node, branch, state, report),
    Next: branch.next,
  };
}
