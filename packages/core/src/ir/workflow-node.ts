import type { StateContract } from '@stepcraft/asl';
import type { QueryLanguage } from './common-node.js';
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
  /** The workflow's own language (JSONPath when absent); `compile()` may override it. */
  readonly queryLanguage?: QueryLanguage;
}

/** Builds a frozen workflow node. */
export function createWorkflowNode(fields: Omit<WorkflowNode, 'kind'>): WorkflowNode {
  return freeze({ kind: 'workflow', ...fields });
}
