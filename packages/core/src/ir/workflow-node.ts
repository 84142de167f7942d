import type { StateContract } from '@stepcraft/asl';
import type { QueryLanguage } from './common-node.js';
import { freeze, frozen } from './freeze.js';
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
  /**
   * The workflow's own language (JSONPath when absent); `compile()` may override it. The document states it when
   * it is JSONata, or when it is the language declared here (so an explicit `"QueryLanguage": "JSONPath"` stays).
   */
  readonly queryLanguage?: QueryLanguage;
  /** The document's `Version` (ASL's only one is `"1.0"`, the default when absent). */
  readonly version?: string;
  /**
   * The order of the states in each `States` object, by name (names are unique across a whole workflow); states
   * not listed follow, in the compiler's depth-first order. Set by `stepcraft import`, so a definition it reads
   * is written back in its own order.
   */
  readonly stateOrder?: readonly string[];
}

/** Builds a frozen workflow node. */
export function createWorkflowNode(fields: Omit<WorkflowNode, 'kind'>): WorkflowNode {
  return freeze(
    fields.stateOrder === undefined
      ? { kind: 'workflow', ...fields }
      : { kind: 'workflow', ...fields, stateOrder: frozen(fields.stateOrder) },
  );
}
