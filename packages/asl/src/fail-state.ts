import type { JsonValue } from './json.js';
import { isJsonataString } from './jsonata.js';
import { parseReferencePath } from './paths/reference-path.js';
import type { FailState } from './states/fail.js';

/**
 * The error and cause a Fail state raises, read from its definition and input: `Error`/`Cause`, or a reference
 * path (`ErrorPath`/`CausePath`) into the input. JSONata expressions and paths into variables or the context
 * object are not evaluated here (undefined).
 */
export function failStateError(
  state: FailState,
  input: JsonValue | undefined,
): { readonly error?: string; readonly cause?: string } {
  const error = fieldOf(state.Error, state.ErrorPath, input);
  const cause = fieldOf(state.Cause, state.CausePath, input);
  return { ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) };
}

function fieldOf(value: unknown, path: unknown, input: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return isJsonataString(value) ? undefined : value;
  if (typeof path !== 'string') return undefined;
  const parsed = parseReferencePath(path);
  if (!parsed.ok || parsed.value.root.kind !== 'input') return undefined;
  let at: JsonValue | undefined = input;
  for (const segment of parsed.value.segments) {
    if (segment.kind === 'field') {
      at =
        typeof at === 'object' && at !== null && !Array.isArray(at) && Object.hasOwn(at, segment.name)
          ? at[segment.name]
          : undefined;
    } else {
      at = Array.isArray(at) ? at.at(segment.index) : undefined;
    }
  }
  return typeof at === 'string' ? at : undefined;
}
