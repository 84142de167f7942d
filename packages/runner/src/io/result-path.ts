import type { JsonObject, JsonValue, PathSegment } from '@stepcraft/asl';
import { parseReferencePath } from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { boundedMemo } from './cache.js';
import { isJsonObject, jsonTypeName, ownField, setField } from './json.js';

const compile = boundedMemo(4096, (text: string) => parseReferencePath(text));

/**
 * ResultPath: absent or `$` → the result; `null` → the raw input; `$.a.b` → the raw input with the result written
 * at `a.b` (missing objects created). Only the objects along the path are new; `rawInput` is never mutated.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
 */
export function applyResultPath(
  rawInput: JsonValue,
  resultPath: string | null | undefined,
  result: JsonValue,
  stateName: string,
): JsonValue {
  if (resultPath === undefined || resultPath === '$') return result;
  if (resultPath === null) return rawInput;
  const parsed = compile(resultPath);
  if (!parsed.ok || parsed.value.root.kind !== 'input') {
    const reason = parsed.ok
      ? 'it must start with $ and not reference the context object or a variable'
      : parsed.message;
    throw new StatesError(
      'States.Runtime',
      `Invalid ResultPath '${resultPath}' in state '${stateName}': ${reason}`,
    );
  }
  return writeAt(rawInput, parsed.value.segments, 0, result, resultPath, stateName);
}

/** AWS-style failure naming the prefix of the path that did not fit. */
function mismatch(
  resultPath: string,
  stateName: string,
  segments: readonly PathSegment[],
  at: number,
  problem: string,
): StatesError {
  const prefix = `$${segments
    .slice(0, at)
    .map((s) => (s.kind === 'field' ? `.${s.name}` : `[${s.index}]`))
    .join('')}`;
  return new StatesError(
    'States.ResultPathMatchFailure',
    `Unable to apply ResultPath '${resultPath}' to the input of state '${stateName}': '${prefix}' ${problem}.`,
  );
}

function writeAt(
  node: JsonValue,
  segments: readonly PathSegment[],
  at: number,
  value: JsonValue,
  resultPath: string,
  stateName: string,
): JsonValue {
  const segment = segments[at];
  if (segment === undefined) return value;
  if (segment.kind === 'field') {
    if (!isJsonObject(node))
      throw mismatch(resultPath, stateName, segments, at, `is ${jsonTypeName(node)}, not an object`);
    const child = ownField(node, segment.name);
    // Spread defines own data properties, so a `__proto__` key stays plain data. Only a missing field is
    // created: a null one cannot hold fields, as a number cannot (the specification's ResultPathMatchFailure).
    const copy: JsonObject = { ...node };
    const inner = child === undefined ? {} : child;
    setField(copy, segment.name, writeAt(inner, segments, at + 1, value, resultPath, stateName));
    return copy;
  }
  if (!Array.isArray(node))
    throw mismatch(resultPath, stateName, segments, at, `is ${jsonTypeName(node)}, not an array`);
  const index = segment.index < 0 ? node.length + segment.index : segment.index;
  if (index < 0 || index >= node.length)
    throw mismatch(
      resultPath,
      stateName,
      segments,
      at,
      `has no index ${segment.index} (length ${node.length})`,
    );
  const copy = node.slice();
  copy[index] = writeAt(node[index] as JsonValue, segments, at + 1, value, resultPath, stateName);
  return copy;
}
