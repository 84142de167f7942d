import { parseReferencePath, type ReferencePath } from '@stepcraft/asl';
import { raise } from '../errors.js';

/** Parses a `$`-rooted reference path given as a string; `where` names the field for messages. */
export function parsePath(path: string, where: string, state: string): ReferencePath {
  const parsed = parseReferencePath(path);
  if (!parsed.ok) return raise('INVALID_PATH', `${where} "${path}" of "${state}": ${parsed.message}`, state);
  if (parsed.value.root.kind !== 'input') {
    return raise(
      'INVALID_PATH',
      `${where} "${path}" of "${state}" must start with "$." (a path into the data)`,
      state,
    );
  }
  return parsed.value;
}

/** Parses an optional path field where `null` has a meaning (InputPath/OutputPath/ResultPath). */
export function parseNullablePath(
  path: string | null | undefined,
  where: string,
  state: string,
): ReferencePath | null | undefined {
  return path === null || path === undefined ? path : parsePath(path, where, state);
}
