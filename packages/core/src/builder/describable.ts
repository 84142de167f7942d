import type { JsonObject } from '@stepcraft/asl';

/** Methods every state has. */
export interface Describable<TSelf> {
  /** Sets the state's `Comment`. */
  comment(text: string): TSelf;
  /** Merges raw ASL fields into the emitted state (escape hatch for anything not modelled). */
  rawFields(fields: JsonObject): TSelf;
}
