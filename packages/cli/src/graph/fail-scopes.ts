import type { FailState } from '@stepcraft/asl';
import { isRecord, own } from './json-data.js';

/** Where a state sits, as far as a Fail state's error travels. */
export interface StateScope {
  /** The Map or Parallel state whose iteration or branch holds this state (none at the top level). */
  readonly parent?: string;
  /** The Fail state itself, when this is one. */
  readonly fail?: FailState;
}

/**
 * Every state of a definition (any JSON: a malformed part is skipped) by name, with the Map or Parallel state around
 * it. No history event carries the error of a Fail state inside a Map iteration or a Parallel branch: this is what
 * lets the run summary name it, and charge it to the states it fails.
 */
export function failScopes(document: unknown): ReadonlyMap<string, StateScope> {
  const scopes = new Map<string, StateScope>();
  const pending: [unknown, string | undefined][] = [[document, undefined]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [machine, parent] = next;
    const states = isRecord(machine) ? own(machine, 'States') : undefined;
    if (!isRecord(states)) continue;
    for (const [name, state] of Object.entries(states)) {
      if (!isRecord(state)) continue;
      scopes.set(name, {
        ...(parent === undefined ? {} : { parent }),
        ...(own(state, 'Type') === 'Fail' ? { fail: failOf(state) } : {}),
      });
      const branches = own(state, 'Branches');
      if (Array.isArray(branches)) for (const branch of branches) pending.push([branch, name]);
      const processor = own(state, 'ItemProcessor') ?? own(state, 'Iterator');
      // A Distributed Map's iterations are child executions: their events are not in this history.
      const processorConfig = isRecord(processor) ? own(processor, 'ProcessorConfig') : undefined;
      if (!isRecord(processorConfig) || own(processorConfig, 'Mode') !== 'DISTRIBUTED')
        pending.push([processor, name]);
    }
  }
  return scopes;
}

/** A Fail state's error and cause fields, where they are strings (the rest of a malformed one is dropped). */
function failOf(state: Record<string, unknown>): FailState {
  const fail: { -readonly [K in keyof FailState]: FailState[K] } = { Type: 'Fail' };
  for (const key of ['Error', 'ErrorPath', 'Cause', 'CausePath'] as const) {
    const value = own(state, key);
    if (typeof value === 'string') fail[key] = value;
  }
  return fail;
}
