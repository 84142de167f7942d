import type { SucceedState } from '@stepcraft/asl';
import type { SucceedNode } from '../../ir/succeed-node.js';
import { type EmitContext, field, filterFields } from './context.js';
import { isJsonata, passThroughOutput } from './jsonata-io.js';

/** Emits a Succeed. */
export function emitSucceed(node: SucceedNode, context: EmitContext): SucceedState {
  const { input, output } = filterFields(context, node);
  return {
    Type: 'Succeed',
    ...field('Comment', node.comment),
    ...(isJsonata(context) ? passThroughOutput(node) : { ...input, ...output }),
  } as unknown as SucceedState;
}
