import type { GraphNode, TransitionNode } from '../ir/graph-node.js';
import type { StateNode } from '../ir/node.js';
import type { Report } from './query-language/dialect.js';

/** A graph with one definition per state, in emission order, and each state's `Next`. */
export interface ResolvedGraph {
  readonly startAt: string;
  readonly states: readonly StateNode[];
  readonly next: ReadonlyMap<string, string>;
}

/**
 * Merges the fragments of a graph: the same state value met twice is one state (joins, loops, reused fragments);
 * two different values with one name, or two different `Next`s for one state, are reported. States are ordered depth-first from
 * `startAt`, following `Next` before Choice targets and Catch handlers, so the output is stable.
 */
export function resolveGraph(graph: GraphNode, report: (state: string) => Report): ResolvedGraph {
  const byName = new Map<string, StateNode>();
  // Indexed loops over the IR's frozen arrays: for…of there allocates an iterator result per item in V8.
  for (let i = 0; i < graph.states.length; i++) {
    const node = graph.states[i] as StateNode;
    const seen = byName.get(node.name);
    if (seen === undefined) byName.set(node.name, node);
    else if (seen !== node) {
      // States are values: only the same value is one state (a join or a loop); equal-looking copies are not.
      report(node.name)(
        'DUPLICATE_STATE_NAME',
        `Two different states are named "${node.name}"; rename one, or define the state once and reuse that value ` +
          '(state names are unique in a workflow)',
        [],
      );
    }
  }
  const next = new Map<string, string>();
  for (let i = 0; i < graph.transitions.length; i++) {
    const { from, to } = graph.transitions[i] as TransitionNode;
    const seen = next.get(from);
    if (seen === undefined) next.set(from, to);
    else if (seen !== to) {
      report(from)(
        'AMBIGUOUS_NEXT',
        `"${from}" would continue with both "${seen}" and "${to}"; a state has one Next (use a Choice to branch)`,
        ['Next'],
      );
    }
  }
  const exits = checkReferences(graph, byName, next, report);
  const ordered: StateNode[] = [];
  const visited = new Set<string>();
  const visit = (name: string): void => {
    // Iterative DFS keeps 1000-state chains off the call stack.
    const stack = [name];
    while (stack.length > 0) {
      const current = stack.pop() as string;
      const node = byName.get(current);
      if (visited.has(current) || node === undefined) continue;
      visited.add(current);
      ordered.push(node);
      const out = exits.get(current) ?? [];
      // Reversed onto the stack, so the first target is visited first.
      for (let i = out.length - 1; i >= 0; i--) stack.push((out[i] as Target)[0]);
    }
  };
  visit(graph.startAt);
  for (const node of byName.values()) if (!visited.has(node.name)) visit(node.name);
  return { startAt: graph.startAt, states: ordered, next };
}

// Every target must name a state of this graph (a `later()` reference may name one that is missing), and a
// reference's declared input schema must be the state's own. Returns each state's targets.
function checkReferences(
  graph: GraphNode,
  byName: ReadonlyMap<string, StateNode>,
  next: ReadonlyMap<string, string>,
  report: (state: string) => Report,
): Map<string, Target[]> {
  const exits = new Map<string, Target[]>();
  const missing = (name: string) => !byName.has(name);
  if (missing(graph.startAt)) {
    report(graph.startAt)(
      'UNRESOLVED_REFERENCE',
      `The machine starts at "${graph.startAt}", but no state has that name (a later() reference without a state)`,
      [],
    );
  }
  for (const node of byName.values()) {
    const out = targets(node, next.get(node.name));
    exits.set(node.name, out);
    for (const exit of out) {
      // Indexing, not destructuring: `[a, b] of …` runs the iterator protocol for every tuple.
      const target = exit[0];
      if (!missing(target)) continue;
      const field = exit[1];
      report(node.name)(
        'UNRESOLVED_REFERENCE',
        `"${node.name}" goes to "${target}", but no state in its machine has that name; define it, or give later("${target}", () => state) the state`,
        field,
      );
    }
  }
  for (const reference of graph.references) {
    const declared = byName.get(reference.name)?.contract?.stateInput;
    if (reference.input === undefined || declared === undefined || declared === reference.input) continue;
    report(reference.name)(
      'REFERENCE_INPUT_MISMATCH',
      `later("${reference.name}") declares an input schema other than the one "${reference.name}" declares; use the same schema value`,
      [],
    );
  }
  return exits;
}

type Target = readonly [name: string, field: readonly (string | number)[]];
const NEXT_FIELD = Object.freeze(['Next']);

// Each way out of a state, with the field that names it.
function targets(node: StateNode, next: string | undefined): Target[] {
  const out: Target[] = next === undefined ? [] : [[next, NEXT_FIELD]];
  if (node.kind === 'choice') {
    node.branches.forEach((b, i) => {
      out.push([b.next, ['Choices', i, 'Next']]);
    });
    if (node.otherwise !== undefined) out.push([node.otherwise, ['Default']]);
  }
  if (node.kind === 'task' || node.kind === 'parallel' || node.kind === 'map') {
    node.catch.forEach((c, i) => {
      out.push([c.next, ['Catch', i, 'Next']]);
    });
  }
  return out;
}
