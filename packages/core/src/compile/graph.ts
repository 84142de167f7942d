import type { ChoiceBranchNode } from '../ir/choice-node.js';
import type { CatchNode } from '../ir/common-node.js';
import type { GraphNode, StateReferenceNode, TransitionNode } from '../ir/graph-node.js';
import type { StateNode } from '../ir/node.js';
import type { Report } from './query-language/dialect.js';

/** A graph with one definition per state, in emission order, and each state's `Next`. */
export interface ResolvedGraph {
  readonly startAt: string;
  readonly states: readonly StateNode[];
  readonly next: ReadonlyMap<string, string>;
}

/** Reports at a state of the graph being resolved. */
export type ReportAtState = (state: string) => Report;

/**
 * Merges the fragments of a graph and checks what only the builder's graph knows: the same state value met twice
 * is one state (joins, loops, reused fragments), while two different values with one name, or two different
 * `Next`s for one state, are reported; a `later()` reference must find its state, with the same input schema.
 * States are ordered depth-first from `startAt`, following `Next` before Choice targets and Catch handlers, so the
 * output is stable. Everything the emitted document shows (names, scopes, reachability) is left to `validate()`.
 */
export function resolveGraph(graph: GraphNode, reportAt: ReportAtState): ResolvedGraph {
  const byName = new Map<string, StateNode>();
  // Indexed loops over the IR's frozen arrays: for…of there allocates an iterator result per item in V8.
  for (let i = 0; i < graph.states.length; i++) {
    const node = graph.states[i] as StateNode;
    const seen = byName.get(node.name);
    if (seen === undefined) byName.set(node.name, node);
    else if (seen !== node) {
      // States are values: only the same value is one state (a join or a loop); equal-looking copies are not.
      reportAt(node.name)(
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
      reportAt(from)(
        'AMBIGUOUS_NEXT',
        `"${from}" would continue with both "${seen}" and "${to}"; a state has one Next (use a Choice to branch)`,
        ['Next'],
        { targets: [seen, to] },
      );
    }
  }
  checkReferences(graph, byName, next, reportAt);
  return { startAt: graph.startAt, states: order(graph.startAt, byName, next), next };
}

// Every target must name a state of this graph (a `later()` reference may name one that is missing), and a
// reference's declared input schema must be the state's own.
function checkReferences(
  graph: GraphNode,
  byName: ReadonlyMap<string, StateNode>,
  next: ReadonlyMap<string, string>,
  reportAt: ReportAtState,
): void {
  if (!byName.has(graph.startAt)) {
    reportAt(graph.startAt)(
      'UNRESOLVED_REFERENCE',
      `The machine starts at "${graph.startAt}", but no state has that name (a later() reference without a state)`,
      [],
      { target: graph.startAt },
    );
  }
  for (const node of byName.values()) {
    if (node.name === '') reportAt(node.name)('STATE_NAME_EMPTY', 'A state name cannot be empty', []);
    forEachTarget(node, next.get(node.name), (target, field) => {
      if (byName.has(target)) return;
      reportAt(node.name)(
        'UNRESOLVED_REFERENCE',
        `"${node.name}" goes to "${target}", but no state in its machine has that name; define it, or give later("${target}", () => state) the state`,
        field(),
        { target },
      );
    });
  }
  for (let i = 0; i < graph.references.length; i++) {
    const reference = graph.references[i] as StateReferenceNode;
    const declared = byName.get(reference.name)?.contract?.stateInput;
    if (reference.input === undefined || declared === undefined || declared === reference.input) continue;
    reportAt(reference.name)(
      'REFERENCE_INPUT_MISMATCH',
      `later("${reference.name}") declares an input schema other than the one "${reference.name}" declares; use the same schema value`,
      [],
    );
  }
}

// Depth-first from `start` (iterative: a 5,000-state chain is 5,000 deep), then any state not reached, in order.
function order(
  start: string,
  byName: ReadonlyMap<string, StateNode>,
  next: ReadonlyMap<string, string>,
): StateNode[] {
  const ordered: StateNode[] = [];
  const visited = new Set<string>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    stack.push(name);
    for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
      const node = byName.get(current);
      if (node === undefined || visited.has(current)) continue;
      visited.add(current);
      ordered.push(node);
      pushTargets(node, next.get(current), stack);
    }
  };
  visit(start);
  for (const node of byName.values()) if (!visited.has(node.name)) visit(node.name);
  return ordered;
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

/** Where a target is written, built only when a problem is reported. */
type TargetField = () => readonly (string | number)[];

const NEXT_FIELD: TargetField = () => ['Next'];

// Each way out of a state, in order: Next, Choice rules, Default, catchers.
function forEachTarget(
  node: StateNode,
  next: string | undefined,
  visit: (target: string, field: TargetField) => void,
): void {
  if (next !== undefined) visit(next, NEXT_FIELD);
  if (node.kind === 'choice') {
    node.branches.forEach((b, i) => {
      visit(b.next, () => ['Choices', i, 'Next']);
    });
    if (node.otherwise !== undefined) visit(node.otherwise, () => ['Default']);
  }
  if (node.kind === 'task' || node.kind === 'parallel' || node.kind === 'map') {
    node.catch.forEach((c, i) => {
      visit(c.next, () => ['Catch', i, 'Next']);
    });
  }
}
