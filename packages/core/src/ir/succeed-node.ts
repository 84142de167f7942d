import type { FilterFields, StateNodeBase } from './common-node.js';
import { freeze } from './freeze.js';

/** A Succeed: ends the execution (or branch, or iteration) successfully. */
export interface SucceedNode extends StateNodeBase, FilterFields {
  readonly kind: 'succeed';
}

/** Builds a frozen Succeed node. */
export function createSucceedNode(fields: Omit<SucceedNode, 'kind'>): SucceedNode {
  return freeze({ kind: 'succeed', ...fields });
}
