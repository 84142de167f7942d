import type { PassState } from '@stepcraft/asl';
import type { PassNode } from '../../ir/pass-node.js';
import { type EmitContext, field, filterFields, pathField, templateField } from './context.js';

/** Emits a Pass. */
export function emitPass(node: PassNode, context: EmitContext): PassState {
  const { input, output } = filterFields(context, node);
  return {
    Type: 'Pass',
    ...field('Comment', node.comment),
    ...input,
    ...templateField(context, 'Parameters', node.parameters),
    ...field('Result', node.result),
    ...pathField(context, 'ResultPath', node.resultPath),
    ...output,
    ...context.transition(),
  } as unknown as PassState;
}
