import type { JsonValue, ParallelState } from '@stepcraft/asl';
import type { ParallelNode } from '../../ir/parallel-node.js';
import { catchField, type EmitContext, field, filterFields, retryField, templateField } from './context.js';
import { argumentsField, assignField, isJsonata, outputField } from './jsonata-io.js';
import { resultSelectorFields } from './result-selector.js';

/** Emits a Parallel with its branches. */
export function emitParallel(node: ParallelNode, context: EmitContext): ParallelState {
  return {
    Type: 'Parallel',
    ...field('Comment', node.comment),
    ...(isJsonata(context) ? argumentsField(context, node, node.parameters) : jsonPathInput(node, context)),
    Branches: node.branches.map((branch, i) => context.subMachine(branch, ['Branches', i])),
    ...(isJsonata(context)
      ? outputField(context, node, node.resultSelector, '$states.result', false)
      : resultSelectorFields(context, node, filterFields(context, node).output)),
    ...assignField(context, node.assign, node.resultSelector, '$states.result'),
    ...retryField(context, node.retry),
    ...catchField(context, node.catch),
    ...context.transition,
  } as unknown as ParallelState;
}

function jsonPathInput(node: ParallelNode, context: EmitContext): Record<string, JsonValue> {
  return { ...filterFields(context, node).input, ...templateField(context, 'Parameters', node.parameters) };
}
