import { freeze } from './freeze.js';
import type { StateNode } from './node.js';

/** `from` continues with `to` (ASL `Next`). */
export interface TransitionNode {
  readonly kind: 'transition';
  readonly from: string;
  readonly to: string;
}

/**
 * A state machine body (the workflow, a Parallel branch or a Map processor): the union of every fragment the
 * builder combined. A state may appear several times (joins, loops); the compiler merges equal definitions and
 * reports conflicting ones.
 */
export interface GraphNode {
  readonly kind: 'graph';
  readonly startAt: string;
  readonly states: readonly StateNode[];
  readonly transitions: readonly TransitionNode[];
}

export function createTransitionNode(from: string, to: string): TransitionNode {
  return freeze({ kind: 'transition', from, to });
}

export function createGraphNode(fields: Omit<GraphNode, 'kind'>): GraphNode {
  return freeze({
    kind: 'graph',
    startAt: fields.startAt,
    states: freeze([...fields.states]),
    transitions: freeze([...fields.transitions]),
  });
}
