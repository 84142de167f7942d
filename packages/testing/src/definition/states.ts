import type { AslDocument, AslState, SubMachine } from '@stepcraft/asl';

/** Where a state sits: the Map or Parallel state around it and, for a Parallel, which branch (0 for a Map). */
export interface Enclosing {
  readonly state: string;
  readonly branch: number;
}

/** One state of a definition, found at any depth. */
export interface StateEntry {
  readonly name: string;
  readonly state: AslState;
  /** Undefined at the top level. */
  readonly enclosing?: Enclosing;
}

/** The sub-machines of a Map or Parallel state, in branch order. */
export function subMachinesOf(state: AslState): readonly SubMachine[] {
  if (state.Type === 'Parallel') return Array.isArray(state.Branches) ? state.Branches : [];
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    return processor === undefined ? [] : [processor];
  }
  return [];
}

const cache = new WeakMap<AslDocument, ReadonlyMap<string, StateEntry>>();

/**
 * Every state of a definition by name, nested ones included (ASL names are unique across the whole machine), in
 * document order. Iterative, so a deeply nested document cannot overflow the stack; cached per document object.
 */
export function statesOf(definition: AslDocument): ReadonlyMap<string, StateEntry> {
  // Documents are untrusted: one that is not even an object has no states (the runner reports why).
  if (typeof definition !== 'object' || definition === null) return new Map();
  const known = cache.get(definition);
  if (known !== undefined) return known;
  const out = new Map<string, StateEntry>();
  // Breadth first: the top level in document order, then each sub-machine in branch order.
  const pending: { machine: SubMachine; enclosing?: Enclosing }[] = [{ machine: definition }];
  for (let at = 0, next = pending[0]; next !== undefined; next = pending[++at]) {
    const states = next.machine.States;
    if (typeof states !== 'object' || states === null) continue;
    for (const name of Object.keys(states)) {
      const state = states[name];
      if (typeof state !== 'object' || state === null || out.has(name)) continue;
      out.set(
        name,
        next.enclosing === undefined ? { name, state } : { name, state, enclosing: next.enclosing },
      );
      subMachinesOf(state).forEach((machine, branch) => {
        pending.push({ machine, enclosing: { state: name, branch } });
      });
    }
  }
  cache.set(definition, out);
  return out;
}
