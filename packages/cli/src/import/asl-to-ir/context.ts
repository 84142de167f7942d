import type { JsonValue } from '@stepcraft/asl';
import type { GraphNode, StateNode } from '@stepcraft/core/ir';
import type { StateReader } from './state-reader.js';

/** What reading a state needs beyond the state: reading the machines nested in it. */
export interface MachineContext {
  /** Reads a nested machine (a Parallel branch, a Map processor) found at `field` of the state. */
  graph(machine: JsonValue, field: readonly (string | number)[]): GraphNode;
}

/** Reads one ASL state of a kind into its IR node (its transitions are the machine's). */
export type StateImporter = (r: StateReader, machines: MachineContext) => StateNode;

/** The fields every state node takes: its name, Comment and pinned QueryLanguage. */
export function baseFields(r: StateReader): {
  name: string;
  comment?: string;
  queryLanguage?: 'JSONPath' | 'JSONata';
} {
  const comment = r.state.Comment;
  const language = r.state.QueryLanguage;
  const base: { name: string; comment?: string; queryLanguage?: 'JSONPath' | 'JSONata' } = { name: r.name };
  if (typeof comment === 'string') base.comment = r.take('Comment') as string;
  // A state's language differing from the document's is pinned; one that repeats it stays raw, as written.
  if ((language === 'JSONPath' || language === 'JSONata') && language !== r.documentLanguage) {
    r.take('QueryLanguage');
    base.queryLanguage = language;
  }
  return base;
}
