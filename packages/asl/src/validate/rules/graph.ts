import { pointerOf } from '../../diagnostic.js';
import { has, isObject, type Obj, own } from '../../json-shape.js';
import { type Ctx, fieldName, type Pointer, report } from '../context.js';
import type { StateFields } from '../state-fields.js';

/** One `States` object: the top level, a Parallel branch or a Map processor. */
export interface Scope {
  /** Pointer of the object holding StartAt and States. */
  readonly pointer: Pointer;
  readonly states: Obj;
  /** The keys of `states`, in order. */
  readonly names: readonly string[];
  readonly startAt: unknown;
  /** The transitions of each state that is an object, in state order (noted as the walk reads each state). */
  readonly edges: Map<string, readonly Edge[]>;
  /** Whether some state ends the scope (Succeed, Fail, or `"End": true`). */
  terminal: boolean;
}

/** A transition found in a scope: the state it leaves (none for StartAt), its field there, and its target. */
export interface Edge {
  readonly from: string | undefined;
  readonly field: Pointer;
  readonly target: string;
}

const NEXT: Pointer = ['Next'];
const DEFAULT: Pointer = ['Default'];
const START_AT: Pointer = ['StartAt'];

/** Where an edge is written (built only for a report: most edges are fine). */
function pointerOfEdge(scope: Scope, edge: Edge): Pointer {
  return edge.from === undefined
    ? [...scope.pointer, ...edge.field]
    : [...scope.pointer, 'States', edge.from, ...edge.field];
}

/**
 * Transitions of one scope: every StartAt/Next/Default/Catch target exists in the same scope, every state is
 * reachable from StartAt, and some state ends the scope.
 * @see https://states-language.net/spec.html#transition
 */
export function checkGraph(ctx: Ctx, scope: Scope, scopeOf: ReadonlyMap<string, Pointer>): void {
  const { edges, terminal } = scope;
  const start: Edge | undefined =
    typeof scope.startAt === 'string'
      ? { from: undefined, field: START_AT, target: scope.startAt }
      : undefined;
  if (start !== undefined && !has(scope.states, start.target)) reportMissing(ctx, scope, start, scopeOf);
  for (const list of edges.values()) {
    for (const edge of list) if (!has(scope.states, edge.target)) reportMissing(ctx, scope, edge, scopeOf);
  }
  if (start !== undefined && has(scope.states, start.target)) {
    const reached = reachable(start.target, edges, scope.states);
    for (const name of edges.keys()) {
      if (!reached.has(name)) {
        report(
          ctx,
          'UNREACHABLE_STATE',
          [...scope.pointer, 'States', name],
          `State ${JSON.stringify(name)} cannot be reached from StartAt ${JSON.stringify(scope.startAt)}: transition to it or remove it.`,
          name,
        );
      }
    }
  }
  if (!terminal && edges.size > 0) {
    report(
      ctx,
      'MISSING_TERMINAL_STATE',
      [...scope.pointer, 'States'],
      'No state ends this state machine: add a Succeed or Fail state, or "End": true on a state.',
    );
  }
}

/** Notes the transitions of the state `name` of `scope` (an object, whatever its Type), for {@link checkGraph}. */
export function noteTransitions(scope: Scope, name: string, fields: StateFields): void {
  const edges: Edge[] = [];
  if (typeof fields.Next === 'string') edges.push({ from: name, field: NEXT, target: fields.Next });
  if (typeof fields.Default === 'string') edges.push({ from: name, field: DEFAULT, target: fields.Default });
  if (Array.isArray(fields.Choices)) listTransitions(edges, name, 'Choices', fields.Choices);
  if (Array.isArray(fields.Catch)) listTransitions(edges, name, 'Catch', fields.Catch);
  scope.edges.set(name, edges);
  if (fields.Type === 'Succeed' || fields.Type === 'Fail' || fields.End === true) scope.terminal = true;
}

function listTransitions(edges: Edge[], name: string, field: 'Choices' | 'Catch', list: unknown[]): void {
  for (const [i, entry] of list.entries()) {
    const target = isObject(entry) ? own(entry, 'Next') : undefined;
    if (typeof target === 'string') edges.push({ from: name, field: [field, i, 'Next'], target });
  }
}

function reachable(start: string, edges: ReadonlyMap<string, readonly Edge[]>, states: Obj): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  // An index, not shift(): each step is O(1) however long the queue grows.
  for (let next = 0; next < queue.length; next++) {
    const list = edges.get(queue[next] as string);
    if (list === undefined) continue;
    for (let i = 0; i < list.length; i++) {
      const { target } = list[i] as Edge;
      if (!seen.has(target) && has(states, target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

function reportMissing(ctx: Ctx, scope: Scope, edge: Edge, scopeOf: ReadonlyMap<string, Pointer>): void {
  const field = fieldName(edge.field);
  const where = edge.from === undefined ? field : `State ${JSON.stringify(edge.from)}: ${field}`;
  const elsewhere = scopeOf.get(edge.target);
  if (elsewhere !== undefined) {
    report(
      ctx,
      'TRANSITION_OUT_OF_SCOPE',
      pointerOfEdge(scope, edge),
      `${where} names ${JSON.stringify(edge.target)}, which is in another scope (${elsewhere.length === 0 ? 'the top level' : pointerOf(...elsewhere)}); states can only transition within their own States object.`,
      edge.from,
      { target: edge.target },
    );
  } else {
    report(
      ctx,
      'MISSING_TRANSITION_TARGET',
      pointerOfEdge(scope, edge),
      `${where} names ${JSON.stringify(edge.target)}, which is not a state of this scope.`,
      edge.from,
      { target: edge.target },
    );
  }
}
