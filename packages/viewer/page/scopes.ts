import { isRecord, own } from '../src/json-data.js';

/** Where a state sits in the definition: its type, and the Map or Parallel (with branch) enclosing it. */
export interface StaticState {
  readonly type: string;
  /** The enclosing Map or Parallel state (absent at top level). */
  readonly parent?: string;
  /** For a state inside a Parallel: the index of its branch. */
  readonly branch?: number;
  /** A Fail state's static `Error` and `Cause`. */
  readonly error?: string;
  readonly cause?: string;
}

/**
 * Every state of a definition by name (AWS requires names unique across the whole machine, branches and Map
 * processors included; on a clash the first wins). Walks iteratively, so any depth of nesting is fine, and reads
 * own properties only, so any JSON is fine.
 */
export function staticStates(definition: unknown): ReadonlyMap<string, StaticState> {
  const states = new Map<string, StaticState>();
  const pending: { machine: unknown; parent?: string; branch?: number }[] = [{ machine: definition }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const table = field(next.machine, 'States');
    if (!isRecord(table)) continue;
    for (const [name, state] of Object.entries(table)) {
      if (states.has(name)) continue;
      const type = field(state, 'Type');
      const error = field(state, 'Error');
      const cause = field(state, 'Cause');
      states.set(name, {
        type: typeof type === 'string' ? type : 'Unknown',
        ...(next.parent === undefined ? {} : { parent: next.parent }),
        ...(next.branch === undefined ? {} : { branch: next.branch }),
        ...(typeof error === 'string' ? { error } : {}),
        ...(typeof cause === 'string' ? { cause } : {}),
      });
      if (type === 'Parallel') {
        const branches = field(state, 'Branches');
        if (Array.isArray(branches)) {
          branches.forEach((branch, index) => {
            pending.push({ machine: branch, parent: name, branch: index });
          });
        }
      } else if (type === 'Map') {
        pending.push({ machine: field(state, 'ItemProcessor') ?? field(state, 'Iterator'), parent: name });
      }
    }
  }
  return states;
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? own(value, key) : undefined;
}
