import type { ParallelState } from '@stepcraft/asl';
import type { ParallelNode } from '../../ir/parallel-node.js';
import { catchField, type EmitContext, field, filterFields, retryField, templateField } from './context.js';
import { resultSelectorFields } from './result-selector.js';

/** Emits a Parallel with its branches. */
export function emitParallel(node: ParallelNode, context: EmitContext): ParallelState {
  const { input, output } = filterFields(context, node);
  return {
    Type: 'Parallel',
    ...field('Comment', node.comment),
    ...input,
    ...templateField(context, 'Parameters', node.parameters),
    Branches: node.branches.map((branch, i) => context.subMachine(branch, ['Branches', i])),
    ...resultSelectorFields(context, node, output),
    ...retryField(context, node.retry),
    ...catchField(context, node.catch),
    ...context.transition(),
  } as unknown as ParallelState;
}
