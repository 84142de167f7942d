import type { JsonValue } from '@stepcraft/asl';

/** What a state hands to its fiber: its output, the next state (undefined = end of this machine) and its assignments. */
export interface StateOutcome {
  readonly output: JsonValue;
  readonly next: string | undefined;
  readonly assigned: ReadonlyMap<string, JsonValue> | undefined;
}

/** `Next`, or undefined for `End: true`. */
export function nextOf(state: { readonly Next?: string; readonly End?: boolean }): string | undefined {
  return state.End === true ? undefined : state.Next;
}
