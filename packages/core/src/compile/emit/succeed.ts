import type { SucceedState } from '@stepcraft/asl';
import type { SucceedNode } from '../../ir/succeed-node.js';
import type { Draft } from '../query-language/dialect.js';
import { type EmitContext, writeHeader } from './context.js';

/**
 * Emits a Succeed.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html
 */
export function emitSucceed(node: SucceedNode, context: EmitContext): SucceedState {
  const out: Draft<SucceedState> = { Type: 'Succeed' };
  writeHeader(out, node, context);
  context.dialect.inputPath(out, node);
  context.dialect.passThrough(out, node);
  return out;
}
