import type { ChoiceBranchNode } from '../ir/choice-node.js';
import type { CatchNode } from '../ir/common-node.js';
import type { GraphNode, StateReferenceNode, TransitionNode } from '../ir/graph-node.js';
import type { StateNode } from '../ir/node.js';
import type { FieldPath, Report } from './query-language/dialect.js';

/** A graph with one definition per state, in emission order, and each state's `Next` (same index). */
export interface ResolvedGraph {
  readonly startAt: string;
  readonly states: readonly StateNode[];
  /** `next[i]` is the `Next` of `states[i]` (`undefined`: none). */
  readonly next: readonly (string | undefined)[];
}

/** Reports at a state of the graph being resolved. */
export type ReportAtState = (state: string) => Report;

/** One state while the graph is resolved. */
interface Entry {
  readonly node: StateNode;
  next: string | undefined;
  visited: boolean;
}

/**
 * Merges the fragments of a graph and checks what only the builder's graph knows: the same state value met twice
 * is one state (joins, loops, reused fragments), while two different values with one name, or two different
 * `Next`s for one state, are reported; a `later()` reference must find its state, with the same input schema.
 * States are ordered depth-first from `startAt`, following `Next` before Choice targets and Catch handlers, so the
 * output is stable; `rank` (a workflow's `stateOrder`) reorders them. Everything the emitted document shows (names,
 * scopes, reachability) is left to `validate()`.
 */
export function resolveGraph(
  graph: GraphNode,
  reportAt: ReportAtState,
  rank?: ReadonlyMap<string, number>,
): ResolvedGraph {
  const entries = new Map<string, Entry>();
  // Indexed loops over the IR's frozen arrays: for…of there allocates an iterator result per item in V8.
  for (let i = 0; i < graph.states.length; i++) {
    const node = graph.states[i] as StateNode;
    const seen = entries.get(node.name);
    if (seen === undefined) entries.set(node.name, { node, next: undefined, visited: false });
    else if (seen.node !== node) {
      // States are values: only the same value is one state (a join or a loop); equal-looking copies are not.
      reportAt(node.name)(
        'DUPLICATE_STATE_NAME',
        `Two different states are named "${node.name}"; rename one, or define the state once and reuse that value ` +
          '(state names are unique in a workflow)',
        [],
      );
    }
  }
  for (let i = 0; i < graph.transitions.length; i++) {
    const { from, to } = graph.transitions[i] as TransitionNode;
    const entry = entries.get(from);
    if (entry === undefined) continue;
    if (entry.next === undefined) entry.next = to;
    else if (entry.next !== to) {
      reportAt(from)(
        'AMBIGUOUS_NEXT',
        `"${from}" would continue with both "${entry.next}" and "${to}"; a state has one Next (use a Choice to branch)`,
        ['Next'],
        { targets: [entry.next, to] },
      );
    }
  }
  checkReferences(graph, entries, reportAt);
  const resolved = order(graph.startAt, entries);
  return rank === undefined ? resolved : ranked(resolved, rank);
}

// The states in the order a workflow's `stateOrder` gives (a stable sort: unlisted ones keep their place after).
function ranked(resolved: ResolvedGraph, rank: ReadonlyMap<string, number>): ResolvedGraph {
  const indexes = resolved.states.map((_, i) => i);
  const rankOf = (i: number) => rank.get((resolved.states[i] as StateNode).name) ?? Number.POSITIVE_INFINITY;
  indexes.sort((a, b) => rankOf(a) - rankOf(b) || a - b);
  return {
    startAt: resolved.startAt,
    states: indexes.map((i) => resolved.states[i] as StateNode),
    next: indexes.map((i) => resolved.next[i]),
  };
}

// Every target must name a state of this graph (a `later()` reference may name one that is missing), and a
// reference's declared input schema must be the state's own.
function checkReferences(
  graph: GraphNode,
  entries: ReadonlyMap<string, Entry>,
  reportAt: ReportAtState,
): void {
  if (!entries.has(graph.startAt)) {
    reportAt(graph.startAt)(
      'UNRESOLVED_REFERENCE',
      `The machine starts at "${graph.startAt}", but no state has that name (a later() reference without a state)`,
      [],
      { target: graph.startAt },
    );
  }
  for (const { node, next } of entries.values()) {
    if (node.name === '') reportAt(node.name)('STATE_NAME_EMPTY', 'A state name cannot be empty', []);
    if (next !== undefined && !entries.has(next)) unresolved(node, next, ['Next'], reportAt);
    if (node.kind === 'choice') {
      node.branches.forEach((b, i) => {
        if (!entries.has(b.next)) unresolved(node, b.next, ['Choices', i, 'Next'], reportAt);
      });
      if (node.otherwise !== undefined && !entries.has(node.otherwise)) {
        unresolved(node, node.otherwise, ['Default'], reportAt);
      }
    }
    if (node.kind === 'task' || node.kind === 'parallel' || node.kind === 'map') {
      node.catch.forEach((c, i) => {
        if (!entries.has(c.next)) unresolved(node, c.next, ['Catch', i, 'Next'], reportAt);
      });
    }
  }
  for (let i = 0; i < graph.references.length; i++) {
    const reference = graph.references[i] as StateReferenceNode;
    const declared = entries.get(reference.name)?.node.contract?.stateInput;
    if (reference.input === undefined || declared === undefined || declared === reference.input) continue;
    reportAt(reference.name)(
      'REFERENCE_INPUT_MISMATCH',
      `later("${reference.name}") declares an input schema other than the one "${reference.name}" declares; use the same schema value`,
      [],
    );
  }
}

function unresolved(node: StateNode, target: string, field: FieldPath, reportAt: ReportAtState): void {
  reportAt(node.name)(
    'UNRESOLVED_REFERENCE',
    `"${node.name}" goes to "${target}", but no state in its machine has that name; define it, or give later("${target}", () => state) the state`,
    field,
    { target },
  );
}

// Depth-first from `start` (iterative: a 5,000-state chain is 5,000 deep), then any state not reached, in order.
function order(start: string, entries: ReadonlyMap<string, Entry>): ResolvedGraph {
  const resolved = { startAt: start, states: [] as StateNode[], next: [] as (string | undefined)[] };
  visitFrom(start, entries, resolved);
  for (const entry of entries.values()) if (!entry.visited) visitFrom(entry.node.name, entries, resolved);
  return resolved;
}

// Appends the states reached from `name` not visited yet (a module function: a closure made per call would lose its
// optimized code with it at the next full GC).
function visitFrom(
  name: string,
  entries: ReadonlyMap<string, Entry>,
  out: { readonly states: StateNode[]; readonly next: (string | undefined)[] },
): void {
  const stack = [name];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    const entry = entries.get(current);
    if (entry === undefined || entry.visited) continue;
    entry.visited = true;
    out.states.push(entry.node);
    out.next.push(entry.next);
    pushTargets(entry.node, entry.next, stack);
  }
}

// The targets of `node` pushed in reverse (catchers, Default, Choice rules, Next), so the first is visited first.
function pushTargets(node: StateNode, next: string | undefined, stack: string[]): void {
  if (node.kind === 'task' || node.kind === 'parallel' || node.kind === 'map') {
    for (let i = node.catch.length - 1; i >= 0; i--) stack.push((node.catch[i] as CatchNode).next);
  }
  if (node.kind === 'choice') {
    if (node.otherwise !== undefined) stack.push(node.otherwise);
    for (let i = node.branches.length - 1; i >= 0; i--)
      stack.push((node.branches[i] as ChoiceBranchNode).next);
  }
  if (next !== undefined) stack.push(next);
}
