import type { FailState } from '@stepcraft/asl';
import type { FailNode } from '../../ir/fail-node.js';
import { type EmitContext, field } from './context.js';

/** Emits a Fail. */
export function emitFail(node: FailNode, context: EmitContext): FailState {
  return {
    Type: 'Fail',
    ...field('Comment', node.comment),
    ...(node.error === undefined ? {} : context.dialect.failText(node.error, 'Error')),
    ...(node.cause === undefined ? {} : context.dialect.failText(node.cause, 'Cause')),
  } as unknown as FailState;
}
