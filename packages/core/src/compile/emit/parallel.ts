import type { ParallelState } from '@stepcraft/asl';
import type { ParallelNode } from '../../ir/parallel-node.js';
import type { Draft } from '../query-language/dialect.js';
import { type EmitContext, header, writeTransition } from './context.js';
import { writeErrorHandling } from './error-handling.js';

/**
 * Emits a Parallel with its branches (written between the input and the result fields, in ASL's key order).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html
 */
export function emitParallel(node: ParallelNode, context: EmitContext): ParallelState {
  const { dialect, report } = context;
  const head: Draft<Omit<ParallelState, 'Type' | 'Branches'>> = { ...header(node, context) };
  dialect.input(head, node, node.parameters, report);
  const branches = node.branches.map((branch, i) => context.subMachine(branch, ['Branches', i]));
  const tail: Draft<Omit<ParallelState, 'Type' | 'Branches'>> = {};
  dialect.result(tail, node, report);
  writeErrorHandling(tail, node, context);
  writeTransition(tail, context);
  return { Type: 'Parallel', ...head, Branches: branches, ...tail };
}
