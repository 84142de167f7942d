import type { ChoiceRule, ChoiceState } from '@stepcraft/asl';
import type { ChoiceNode } from '../../ir/choice-node.js';
import { type EmitContext, field, filterFields } from './context.js';

/** Emits a Choice (no Next/End: its transitions are the rules and Default). */
export function emitChoice(node: ChoiceNode, context: EmitContext): ChoiceState {
  if (node.branches.length === 0) {
    context.report('CHOICE_NO_BRANCHES', `Choice "${node.name}" has no branches: add .when(…)`, ['Choices']);
  }
  const { input, output } = filterFields(context, node);
  const choices: ChoiceRule[] = node.branches.map((branch) => ({
    ...context.dialect.condition(branch.condition, context.report),
    ...field('Comment', branch.comment),
    Next: branch.next,
  }));
  return {
    Type: 'Choice',
    ...field('Comment', node.comment),
    ...input,
    ...output,
    Choices: choices,
    ...field('Default', node.otherwise),
  } as unknown as ChoiceState;
}
