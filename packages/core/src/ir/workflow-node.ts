import type { StateContract } from './contract.js';
import { freeze } from './freeze.js';
import type { GraphNode } from './graph-node.js';

/** A whole workflow: the only input `compile()` accepts. */
export interface WorkflowNode {
  readonly kind: 'workflow';
  readonly name: string;
  readonly graph: GraphNode;
  readonly comment?: string;
  readonly timeoutSeconds?: number;
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly contract?: StateContract;
}

export function createWorkflowNode(fields: Omit<WorkflowNode, 'kind'>): WorkflowNode {
  return freeze({ kind: 'workflow', ...fields });
}
