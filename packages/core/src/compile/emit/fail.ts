import type { FailState } from '@stepcraft/asl';
import type { FailNode } from '../../ir/fail-node.js';
import type { Draft } from '../query-language/dialect.js';
import { type EmitContext, writeHeader } from './context.js';

/**
 * Emits a Fail.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
export function emitFail(node: FailNode, context: EmitContext): FailState {
  const out: Draft<FailState> = { Type: 'Fail' };
  writeHeader(out, node, context);
  if (node.error !== undefined) context.dialect.failText(out, 'Error', node.error, context.report);
  if (node.cause !== undefined) context.dialect.failText(out, 'Cause', node.cause, context.report);
  return out;
}
