import type { PassState } from '@stepcraft/asl';
import type { PassNode } from '../../ir/pass-node.js';
import type { Draft } from '../query-language/dialect.js';
import { type EmitContext, writeHeader, writeTransition } from './context.js';

/**
 * Emits a Pass.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html
 */
export function emitPass(node: PassNode, context: EmitContext): PassState {
  const out: Draft<PassState> = { Type: 'Pass' };
  writeHeader(out, node, context);
  context.dialect.pass(out, node, context.report);
  writeTransition(out, context);
  return out;
}
