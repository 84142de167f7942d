import { type JsonValue, pointerOf } from '@stepcraft/asl';
import {
  createLiteralNode,
  createWaitNode,
  type FilterFields,
  type WaitDuration,
  type WaitNode,
} from '@stepcraft/core/ir';
import { ImportError } from '../errors.js';
import { optional } from '../optional.js';
import { baseFields } from './context.js';
import { isJsonPath, type StateReader, takePath } from './state-reader.js';

/** InputPath and OutputPath of a state without a result (JSONPath; a JSONata state has neither). */
export function filterFields(r: StateReader): FilterFields {
  if (!isJsonPath(r)) return {};
  return {
    ...optional('inputPath', takePath(r, 'InputPath', 'data', true)),
    ...optional('outputPath', takePath(r, 'OutputPath', 'data', true)),
  };
}

/** A Wait: its one duration (a constant, a placeholder or JSONata text kept as written, or a JSONPath path). */
export function importWait(r: StateReader): WaitNode {
  const base = baseFields(r);
  const filters = filterFields(r);
  return createWaitNode({ ...base, ...filters, duration: duration(r), ...r.raw() });
}

function duration(r: StateReader): WaitDuration {
  const has = (key: string) => Object.hasOwn(r.state, key);
  if (has('Seconds')) {
    const value = r.take('Seconds') as JsonValue;
    return typeof value === 'number'
      ? { kind: 'seconds', seconds: value }
      : { kind: 'seconds-expression', value: createLiteralNode(value) };
  }
  if (has('Timestamp')) {
    const value = r.take('Timestamp') as JsonValue;
    return typeof value === 'string'
      ? { kind: 'timestamp', timestamp: value }
      : { kind: 'timestamp-expression', value: createLiteralNode(value) };
  }
  const secondsPath = isJsonPath(r) ? takePath(r, 'SecondsPath', 'data-or-context') : undefined;
  if (secondsPath) return { kind: 'seconds-path', path: secondsPath };
  const timestampPath = isJsonPath(r) ? takePath(r, 'TimestampPath', 'data-or-context') : undefined;
  if (timestampPath) return { kind: 'timestamp-path', path: timestampPath };
  throw new ImportError(
    `the Wait at ${pointerOf(...r.at)} has no Seconds, Timestamp, SecondsPath or TimestampPath the IR can hold (a reference path)`,
  );
}
