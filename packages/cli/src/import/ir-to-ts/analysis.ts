import type { GraphNode, StateNode } from '@stepcraft/core/ir';
import type { StateCode, Wiring } from './draft.js';
import { type Machine, machineOf, postOrder } from './machine.js';
import { createShape, depth, printSchema, type Shape } from './shape.js';

// Bounds of the requirement analysis: a loop that nests its need under a path would otherwise grow forever.
const MAX_ROUNDS = 20;
const MAX_DEPTH = 12;

/** Prints one state of a machine, with the wiring given (the analysis's own, or the generator's). */
export type PrintStateOf = (machine: Machine, state: StateNode, wiring: Wiring) => StateCode;

/** What each state of a machine needs of its input, given what must follow the machine's end. */
export type NeedsOf = (machine: Machine, endDemand: Shape) => ReadonlyMap<string, Shape>;

/**
 * The needs analysis: what each state needs of its input (its own reads and, carried backwards, its successors'),
 * to a fixed point, since loops feed a state's need back into itself. States are visited successors first, so a
 * chain settles in one round. A nested machine is analysed once per demand on its end (memoised), so nesting costs
 * no more per level than a state does.
 */
export function needsAnalysis(print: PrintStateOf): NeedsOf {
  const known = new Map<GraphNode, Map<string, ReadonlyMap<string, Shape>>>();
  const needsOf: NeedsOf = (machine, endDemand) => {
    const key = printSchema(endDemand);
    const done = known.get(machine.graph)?.get(key);
    if (done !== undefined) return done;
    const needs = new Map<string, Shape>();
    const wiring: Wiring = {
      target: () => '',
      demand: (name) => (name === undefined ? endDemand : (needs.get(name) ?? createShape())),
      machine: (graph, asl, demand) => {
        const nested = machineOf(graph, asl);
        return { code: '', input: needsOf(nested, demand).get(graph.startAt) ?? createShape() };
      },
    };
    const order: StateNode[] = [];
    postOrder(machine, (state) => order.push(state));
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let changed = false;
      for (const state of order) {
        const { input } = print(machine, state, wiring);
        const before = needs.get(state.name);
        if (depth(input) > MAX_DEPTH) continue;
        if (before === undefined || printSchema(before) !== printSchema(input)) {
          needs.set(state.name, input);
          changed = true;
        }
      }
      if (!changed) break;
    }
    const byDemand = known.get(machine.graph) ?? new Map();
    known.set(machine.graph, byDemand.set(key, needs));
    return needs;
  };
  return needsOf;
}
