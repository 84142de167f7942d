import type { ConditionNode } from './choice-rule-node.js';
import type { AssignFields, AssignmentNode, FilterFields, StateNodeBase } from './common-node.js';
import { freeze, frozen } from './freeze.js';
import type { TemplateNode } from './template-node.js';

/** One branch of a Choice: when `condition` holds, go to `next`. */
export interface ChoiceBranchNode {
  readonly kind: 'choice-branch';
  readonly condition: ConditionNode;
  readonly next: string;
  readonly comment?: string;
  /** Variables set when this rule matches (besides the state's own assignments). */
  readonly assign?: readonly AssignmentNode[];
  /** The state's output when this rule matches, from its effective input (JSONata only). */
  readonly output?: TemplateNode;
}

/** A Choice: the first branch whose condition holds wins, else `otherwise`. */
export interface ChoiceNode extends StateNodeBase, FilterFields, AssignFields {
  readonly kind: 'choice';
  readonly branches: readonly ChoiceBranchNode[];
  readonly otherwise?: string;
}

/** Builds a frozen Choice rule node. */
export function createChoiceBranchNode(fields: Omit<ChoiceBranchNode, 'kind'>): ChoiceBranchNode {
  return freeze({ kind: 'choice-branch', ...fields });
}

/** Builds a frozen Choice node. */
export function createChoiceNode(fields: Omit<ChoiceNode, 'kind'>): ChoiceNode {
  return freeze({ kind: 'choice', ...fields, branches: frozen(fields.branches) });
}
