import type { JsonValue } from '@stepcraft/asl';
import type { GraphNode, StateNodeBase } from '@stepcraft/core/ir';
import { optional } from '../optional.js';
import { type StateReader, takeString } from './state-reader.js';

/** What reading a state needs beyond the state: reading the machines nested in it. */
export interface MachineContext {
  /** Reads a nested machine (a Parallel branch, a Map processor) found at `field` of the state. */
  graph(machine: JsonValue, field: readonly (string | number)[]): GraphNode;
}

/** The fields every state node takes: its name, Comment and pinned QueryLanguage. */
export type BaseFields = Pick<StateNodeBase, 'name' | 'comment' | 'queryLanguage'>;

/** The fields every state node takes, read from the state. */
export function baseFields(r: StateReader): BaseFields {
  const language = r.state.QueryLanguage;
  // A state's language differing from the document's is pinned; one that repeats it stays raw, as written.
  const pinned =
    (language === 'JSONPath' || language === 'JSONata') && language !== r.documentLanguage
      ? language
      : undefined;
  if (pinned !== undefined) r.take('QueryLanguage');
  return {
    name: r.name,
    ...optional('comment', takeString(r, 'Comment')),
    ...optional('queryLanguage', pinned),
  };
}
