import type { JsonValue } from '@stepcraft/asl';

/** What a state hands to the loop: its output, the next state (undefined = end of this machine) and its assignments. */
export interface StateOutcome {
  readonly output: JsonValue;
  readonly next: string | undefined;
  readonly assigned: ReadonlyMap<string, JsonValue> | undefined;
}
