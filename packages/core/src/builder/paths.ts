import { parseReferencePath, type ReferencePath } from '@stepcraft/asl';
import { raise } from '../errors.js';
import { frozenPath } from '../ir/template-node.js';

// States repeat the same paths ('$.result' in every state of a chain): each text is parsed once, and the frozen
// result is shared by every node that holds it (bounded: texts come from user code).
const PARSED = new Map<string, ReferencePath>();

/** Parses a `$`-rooted reference path given as a string; `where` names the field for messages. */
export function parsePath(path: string, where: string, state: string): ReferencePath {
  const known = PARSED.get(path);
  if (known !== undefined) return known;
  const parsed = parseReferencePath(path);
  if (!parsed.ok) return raise('INVALID_PATH', `${where} "${path}" of "${state}": ${parsed.message}`, state);
  if (parsed.value.root.kind !== 'input') {
    return raise(
      'INVALID_PATH',
      `${where} "${path}" of "${state}" must start with "$." (a path into the data)`,
      state,
    );
  }
  const value = frozenPath(parsed.value);
  if (PARSED.size < 10_000) PARSED.set(path, value);
  return value;
}

/** Parses an optional path field where `null` has a meaning (InputPath/OutputPath/ResultPath). */
export function parseNullablePath(
  path: string | null | undefined,
  where: string,
  state: string,
): ReferencePath | null | undefined {
  return path === null || path === undefined ? path : parsePath(path, where, state);
}
