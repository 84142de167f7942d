import type { ReferencePath } from '@stepcraft/asl';
import type { AssignFields, CatchNode, FilterFields, RetryNode, StateNodeBase } from './common-node.js';
import { freeze, frozen } from './freeze.js';
import type { GraphNode } from './graph-node.js';
import type { TemplateNode } from './template-node.js';

/** A Parallel: runs every branch on the effective input; the result is the array of branch outputs. */
export interface ParallelNode extends StateNodeBase, FilterFields, AssignFields {
  readonly kind: 'parallel';
  readonly branches: readonly GraphNode[];
  readonly parameters?: TemplateNode;
  readonly resultSelector?: TemplateNode;
  readonly resultPath?: ReferencePath | null;
  readonly retry: readonly RetryNode[];
  readonly catch: readonly CatchNode[];
}

/** Builds a frozen Parallel node. */
export function createParallelNode(fields: Omit<ParallelNode, 'kind'>): ParallelNode {
  return freeze({
    kind: 'parallel',
    ...fields,
    branches: frozen(fields.branches),
    retry: frozen(fields.retry),
    catch: frozen(fields.catch),
  });
}
