import type { GraphNode } from '../ir/graph-node.js';
import type { StateNode } from '../ir/node.js';
import { resolveGraph } from './graph.js';
import type { Report } from './query-language/dialect.js';

/** Reports at a state of the (sub-)machine found at `base`. */
export type ReportAt = (state: string, base: readonly (string | number)[]) => Report;

/** What an inner scope inherits from the scopes around it. */
interface Outer {
  /** Names any enclosing scope assigns (an inner scope must not assign them). */
  readonly assigned: ReadonlySet<string>;
  /** Names surely assigned when the inner scope starts (readable unless the Map is distributed). */
  readonly available: ReadonlySet<string>;
  readonly isDistributed: boolean;
}

const NONE: Outer = { assigned: new Set(), available: new Set(), isDistributed: false };

/**
 * Checks AWS's variable rules on the IR: every read is preceded by an assignment on every path from StartAt
 * (a must-assign data-flow analysis; loops converge), inner Map/Parallel scopes never assign an outer variable,
 * a Distributed Map reads no outer variable. A state's reads see the values from before the state.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
export function checkVariables(graph: GraphNode, reportAt: ReportAt): void {
  checkGraph(graph, [], NONE, reportAt);
}

function checkGraph(
  graph: GraphNode,
  base: readonly (string | number)[],
  outer: Outer,
  reportAt: ReportAt,
): void {
  const { states, next } = resolveGraph(graph, () => () => undefined);
  const byName = new Map(states.map((s) => [s.name, s]));
  const entry = outer.isDistributed ? new Set<string>() : new Set(outer.available);
  const inbound = flowIn(graph.startAt, entry, byName, next);
  const ownAssigned = new Set(states.flatMap((s) => [...assignedOn(s, 'any')]));
  const assignedHere = new Set([...outer.assigned, ...ownAssigned]);
  for (const state of states) {
    const report = reportAt(state.name, base);
    const available = inbound.get(state.name);
    for (const name of assignedOn(state, 'any')) {
      if (outer.assigned.has(name)) {
        report(
          'VARIABLE_OUTER_ASSIGN',
          `"${state.name}" assigns $${name}, which an enclosing scope assigns; a Map or Parallel may read outer variables but not reassign them (return the value in the output instead)`,
          ['Assign'],
        );
      }
    }
    if (available !== undefined) {
      for (const name of readsOf(state)) {
        if (available.has(name)) continue;
        if (outer.isDistributed && outer.assigned.has(name)) {
          report(
            'VARIABLE_DISTRIBUTED',
            `"${state.name}" reads $${name}, but a Distributed Map's iterations cannot see outer variables; pass the value in ItemSelector`,
            [],
          );
        } else {
          report(
            'VARIABLE_UNASSIGNED',
            `"${state.name}" reads $${name}, which is not assigned on every path from "${graph.startAt}" to "${state.name}" (a state's own Assign takes effect after it)`,
            [],
          );
        }
      }
    }
    const inner: Outer = {
      assigned: assignedHere,
      available: available ?? new Set(),
      isDistributed: state.kind === 'map' && state.distributed !== undefined,
    };
    if (state.kind === 'map')
      checkGraph(state.processor, [...base, 'States', state.name, 'ItemProcessor'], inner, reportAt);
    if (state.kind === 'parallel') {
      for (const [i, b] of state.branches.entries()) {
        checkGraph(b, [...base, 'States', state.name, 'Branches', i], inner, reportAt);
      }
    }
  }
}

// Must-assign analysis: a state's inbound set is the intersection over every edge into it.
function flowIn(
  start: string,
  entry: ReadonlySet<string>,
  byName: ReadonlyMap<string, StateNode>,
  next: ReadonlyMap<string, string>,
): Map<string, Set<string>> {
  const inbound = new Map<string, Set<string>>([[start, new Set(entry)]]);
  const work = [start];
  while (work.length > 0) {
    const name = work.pop() as string;
    const state = byName.get(name);
    const current = inbound.get(name);
    if (state === undefined || current === undefined) continue;
    for (const [target, added] of edges(state, next.get(name))) {
      const out = new Set([...current, ...added]);
      const seen = inbound.get(target);
      const merged = seen === undefined ? out : new Set([...seen].filter((n) => out.has(n)));
      if (seen === undefined || merged.size !== seen.size) {
        inbound.set(target, merged);
        work.push(target);
      }
    }
  }
  return inbound;
}

// Each way out of a state, with the names assigned on the way.
function edges(state: StateNode, next: string | undefined): [string, readonly string[]][] {
  const normal = assignedOn(state, 'success');
  const out: [string, readonly string[]][] = [];
  if (next !== undefined) out.push([next, normal]);
  if (state.kind === 'choice') {
    for (const b of state.branches) out.push([b.next, [...normal, ...(b.assign ?? []).map((a) => a.name)]]);
    if (state.otherwise !== undefined) out.push([state.otherwise, normal]);
  }
  if (state.kind === 'task' || state.kind === 'map' || state.kind === 'parallel') {
    for (const c of state.catch) out.push([c.next, (c.assign ?? []).map((a) => a.name)]);
  }
  return out;
}

function assignedOn(state: StateNode, on: 'success' | 'any'): string[] {
  const own = 'assign' in state ? (state.assign ?? []).map((a) => a.name) : [];
  if (state.kind === 'choice' && on === 'any')
    return [...own, ...state.branches.flatMap((b) => (b.assign ?? []).map((a) => a.name))];
  if (on === 'success' || !('catch' in state)) return own;
  return [...own, ...state.catch.flatMap((c) => (c.assign ?? []).map((a) => a.name))];
}

// Sub-machines are checked in their own scope; schemas, handlers and raw ASL hold no IR references.
const SKIPPED = new Set(['processor', 'contract', 'handler', 'raw']);

/** The variables a state reads anywhere in its own fields (Catch and Assign included). */
export function readsOf(state: StateNode): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (record.kind === 'reference') {
      const root = (record.path as { root: { kind: string; name?: string } }).root;
      if (root.kind === 'variable' && root.name !== undefined) names.add(root.name);
      return;
    }
    for (const [key, item] of Object.entries(record)) if (!SKIPPED.has(key)) visit(item);
  };
  // A Parallel's `branches` are sub-machines; a Choice's are its rules.
  visit(state.kind === 'parallel' ? { ...state, branches: [] } : state);
  return names;
}
