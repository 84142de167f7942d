import type { GraphNode, StateNode } from '@stepcraft/core/ir';
import { isObject } from '../source-text.js';

/**
 * One machine of the workflow (the document, a Parallel branch, a Map processor): its graph, the ASL it builds,
 * and each state's `Next`.
 */
export interface Machine {
  readonly graph: GraphNode;
  readonly states: Readonly<Record<string, unknown>>;
  readonly byName: ReadonlyMap<string, StateNode>;
  readonly next: ReadonlyMap<string, string>;
}

/** A machine over its graph and the ASL object (document or sub-machine) it builds. */
export function machineOf(graph: GraphNode, asl: { readonly States?: unknown }): Machine {
  return {
    graph,
    states: isObject(asl.States) ? asl.States : {},
    byName: new Map(graph.states.map((s) => [s.name, s])),
    next: new Map(graph.transitions.map((t) => [t.from, t.to])),
  };
}

/** The states a state jumps to, in the order the generator visits them (its `Next` last). */
function targetsOf(state: StateNode, next: string | undefined): string[] {
  const names: string[] = [];
  if (state.kind === 'task' || state.kind === 'parallel' || state.kind === 'map')
    for (const c of state.catch) names.push(c.next);
  if (state.kind === 'choice') {
    for (const b of state.branches) names.push(b.next);
    if (state.otherwise !== undefined) names.push(state.otherwise);
  }
  if (next !== undefined) names.push(next);
  return names;
}

/**
 * Post-order over the machine from its start (each state after the states it jumps to; iterative, so a long chain
 * is no deep recursion; a jump back to a state still open is a loop, not followed), then the states not reached
 * from it. `visit` sees each state once.
 */
export function postOrder(machine: Machine, visit: (state: StateNode, isReached: boolean) => void): void {
  const done = new Set<string>();
  const open = new Set<string>();
  const walk = (start: string, isReached: boolean) => {
    const stack: { readonly state: StateNode; readonly targets: readonly string[]; index: number }[] = [];
    const enter = (name: string) => {
      const state = machine.byName.get(name);
      if (state === undefined || done.has(name) || open.has(name)) return;
      open.add(name);
      stack.push({ state, targets: targetsOf(state, machine.next.get(name)), index: 0 });
    };
    enter(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      const target = frame.targets[frame.index++];
      if (target !== undefined) {
        enter(target);
        continue;
      }
      stack.pop();
      open.delete(frame.state.name);
      done.add(frame.state.name);
      visit(frame.state, isReached);
    }
  };
  walk(machine.graph.startAt, true);
  for (const state of machine.graph.states) walk(state.name, false);
}
