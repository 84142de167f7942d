import type { StandardSchema } from '@stepcraft/asl';
import { freeze, frozen } from './freeze.js';
import type { StateNode } from './node.js';

/** `from` continues with `to` (ASL `Next`). */
export interface TransitionNode {
  readonly kind: 'transition';
  readonly from: string;
  readonly to: string;
}

/** A state named by `later()`: `compile()` checks it exists and that its declared input matches the state's. */
export interface StateReferenceNode {
  readonly kind: 'state-reference';
  readonly name: string;
  /** The schema the reference was declared with, when it is a real Standard Schema. */
  readonly input?: StandardSchema;
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
  /** The `later()` references made in this body. */
  readonly references: readonly StateReferenceNode[];
}

/** Builds a frozen `from` → `to` transition. */
export function createTransitionNode(from: string, to: string): TransitionNode {
  return freeze({ kind: 'transition', from, to });
}

/** Builds a frozen graph, copying its lists so later edits of the arrays cannot leak in. */
export function createGraphNode(fields: Omit<GraphNode, 'kind'>): GraphNode {
  return freeze({
    kind: 'graph',
    startAt: fields.startAt,
    states: frozen(fields.states),
    transitions: frozen(fields.transitions),
    references: frozen(fields.references),
  });
}

/** Builds a frozen `later()` reference (with the declared input schema, if any). */
export function createStateReferenceNode(
  name: string,
  input: StandardSchema | undefined,
): StateReferenceNode {
  return freeze(
    input === undefined ? { kind: 'state-reference', name } : { kind: 'state-reference', name, input },
  );
}
