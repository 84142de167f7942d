import type { ConditionNode } from './choice-rule-node.js';
import type { AssignFields, FilterFields, StateNodeBase } from './common-node.js';
import { freeze } from './freeze.js';

/** One branch of a Choice: when `condition` holds, go to `next`. */
export interface ChoiceBranchNode {
  readonly kind: 'choice-branch';
  readonly condition: ConditionNode;
  readonly next: string;
  readonly comment?: string;
}

/** A Choice: the first branch whose condition holds wins, else `otherwise`. */
export interface ChoiceNode extends StateNodeBase, FilterFields, AssignFields {
  readonly kind: 'choice';
  readonly branches: readonly ChoiceBranchNode[];
  readonly otherwise?: string;
}

export function createChoiceBranchNode(fields: Omit<ChoiceBranchNode, 'kind'>): ChoiceBranchNode {
  return freeze({ kind: 'choice-branch', ...fields });
}

export function createChoiceNode(fields: Omit<ChoiceNode, 'kind'>): ChoiceNode {
  return freeze({ kind: 'choice', ...fields, branches: freeze([...fields.branches]) });
}
