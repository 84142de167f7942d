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
  /**
   * The transitions of each state that is an object, by the state's index in `names` (none for any other value),
   * noted as the walk reads each state.
   */
  readonly edges: (readonly Edge[] | undefined)[];
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
 * reachable from StartAt, and some state ends the scope. States are handled by their index in `names`; a target is
 * looked up by name only when it is not the state listed right after (as in a chain written in order).
 * @see https://states-language.net/spec.html#transition
 */
export function checkGraph(ctx: Ctx, scope: Scope, scopeOf: ReadonlyMap<string, Pointer> | undefined): void {
  const { names, edges, states } = scope;
  const lookup: NameIndex = { names, byName: undefined };
  const startAt = typeof scope.startAt === 'string' ? scope.startAt : undefined;
  const start = startAt === undefined ? -1 : indexOf(lookup, startAt, 0);
  // A key `Object.keys` does not list (not enumerable) still names a state, one without transitions of its own.
  const startExists = startAt !== undefined && (start >= 0 || has(states, startAt));
  if (startAt !== undefined && !startExists) {
    reportMissing(ctx, scope, { from: undefined, field: START_AT, target: startAt }, scopeOf);
  }
  // The targets of state i are `to[first[i]]` up to `to[first[i + 1]]`.
  const first = new Int32Array(names.length + 1);
  const to: number[] = [];
  let noted = 0;
  for (let i = 0; i < names.length; i++) {
    first[i] = to.length;
    const list = edges[i];
    if (list === undefined) continue;
    noted++;
    for (let k = 0; k < list.length; k++) {
      const edge = list[k] as Edge;
      const target = indexOf(lookup, edge.target, i + 1);
      if (target >= 0) to.push(target);
      else if (!has(states, edge.target)) reportMissing(ctx, scope, edge, scopeOf);
    }
  }
  first[names.length] = to.length;
  if (startExists) {
    const reached = reachable(start, first, to);
    for (let i = 0; i < names.length; i++) {
      if (edges[i] === undefined || reached[i] === 1) continue;
      const name = names[i] as string;
      report(
        ctx,
        'UNREACHABLE_STATE',
        [...scope.pointer, 'States', name],
        `State ${JSON.stringify(name)} cannot be reached from StartAt ${JSON.stringify(scope.startAt)}: transition to it or remove it.`,
        name,
      );
    }
  }
  if (!scope.terminal && noted > 0) {
    report(
      ctx,
      'MISSING_TERMINAL_STATE',
      [...scope.pointer, 'States'],
      'No state ends this state machine: add a Succeed or Fail state, or "End": true on a state.',
    );
  }
}

/** The names of a scope, and their indexes by name once a lookup needs them. */
interface NameIndex {
  readonly names: readonly string[];
  byName: Map<string, number> | undefined;
}

// The index of the state named `target` (-1 when none is), trying the state at `guess` first. A module function,
// not a closure per scope: V8 drops a closure's optimized code with it at a full GC.
function indexOf(lookup: NameIndex, target: string, guess: number): number {
  if (lookup.names[guess] === target) return guess;
  lookup.byName ??= new Map(lookup.names.map((name, i) => [name, i]));
  return lookup.byName.get(target) ?? -1;
}

/**
 * Notes the transitions of the state `name`, at `index` in `scope`'s names (an object, whatever its Type), for
 * {@link checkGraph}.
 */
export function noteTransitions(scope: Scope, index: number, name: string, fields: StateFields): void {
  const edges: Edge[] = [];
  if (typeof fields.Next === 'string') edges.push({ from: name, field: NEXT, target: fields.Next });
  if (typeof fields.Default === 'string') edges.push({ from: name, field: DEFAULT, target: fields.Default });
  if (Array.isArray(fields.Choices)) listTransitions(edges, name, 'Choices', fields.Choices);
  if (Array.isArray(fields.Catch)) listTransitions(edges, name, 'Catch', fields.Catch);
  scope.edges[index] = edges;
  if (fields.Type === 'Succeed' || fields.Type === 'Fail' || fields.End === true) scope.terminal = true;
}

function listTransitions(edges: Edge[], name: string, field: 'Choices' | 'Catch', list: unknown[]): void {
  for (const [i, entry] of list.entries()) {
    const target = isObject(entry) ? own(entry, 'Next') : undefined;
    if (typeof target === 'string') edges.push({ from: name, field: [field, i, 'Next'], target });
  }
}

/** Which states (by index) are reached from `start` (none when `start` is -1): 1 for reached. */
function reachable(start: number, first: Int32Array, to: readonly number[]): Uint8Array {
  const reached = new Uint8Array(first.length - 1);
  if (start < 0) return reached;
  reached[start] = 1;
  const queue = [start];
  // An index, not shift(): each step is O(1) however long the queue grows.
  for (let next = 0; next < queue.length; next++) {
    const from = queue[next] as number;
    for (let k = first[from] as number; k < (first[from + 1] as number); k++) {
      const target = to[k] as number;
      if (reached[target] === 0) {
        reached[target] = 1;
        queue.push(target);
      }
    }
  }
  return reached;
}

function reportMissing(
  ctx: Ctx,
  scope: Scope,
  edge: Edge,
  scopeOf: ReadonlyMap<string, Pointer> | undefined,
): void {
  const field = fieldName(edge.field);
  const where = edge.from === undefined ? field : `State ${JSON.stringify(edge.from)}: ${field}`;
  // Without the map there is one scope only: no other scope to name.
  const elsewhere = scopeOf?.get(edge.target);
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
