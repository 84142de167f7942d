import type { JsonValue } from '@stepcraft/asl';
import { type CatchNode, createCatchNode, createRetryNode, type RetryNode } from '@stepcraft/core/ir';
import { optional } from '../optional.js';
import { canonicalPath, readPath } from '../paths.js';
import { isObject } from '../source-text.js';
import { isJsonPath, type StateReader } from './state-reader.js';

/** A retrier's fields, each read into the IR's (`undefined`: not as the IR holds it). */
const RETRIER: Readonly<Record<string, (value: JsonValue) => Partial<Omit<RetryNode, 'kind'>> | undefined>> =
  {
    ErrorEquals: (v) => (isStrings(v) ? { errors: v } : undefined),
    IntervalSeconds: (v) => (typeof v === 'number' ? { intervalSeconds: v } : undefined),
    MaxAttempts: (v) => (typeof v === 'number' ? { maxAttempts: v } : undefined),
    BackoffRate: (v) => (typeof v === 'number' ? { backoffRate: v } : undefined),
    MaxDelaySeconds: (v) => (typeof v === 'number' ? { maxDelaySeconds: v } : undefined),
    JitterStrategy: (v) => (v === 'FULL' || v === 'NONE' ? { jitterStrategy: v } : undefined),
    Comment: (v) => (typeof v === 'string' ? { comment: v } : undefined),
  };

/** A state's `Retry` as IR retriers, when every retrier is one (else the field stays raw and there are none). */
export function takeRetry(r: StateReader): RetryNode[] {
  const list = r.state.Retry;
  if (!Array.isArray(list) || !Object.hasOwn(r.state, 'Retry')) return [];
  const nodes: RetryNode[] = [];
  for (const retrier of list) {
    const node = readRetrier(retrier);
    if (node === undefined) return [];
    nodes.push(node);
  }
  r.take('Retry');
  return nodes;
}

function readRetrier(value: JsonValue): RetryNode | undefined {
  if (!isObject(value)) return undefined;
  let fields: Partial<Omit<RetryNode, 'kind'>> = {};
  for (const key of Object.keys(value)) {
    const read = Object.hasOwn(RETRIER, key) ? RETRIER[key]?.(value[key] as JsonValue) : undefined;
    if (read === undefined) return undefined;
    fields = { ...fields, ...read };
  }
  const { errors, ...rest } = fields;
  return errors === undefined ? undefined : createRetryNode({ errors, ...rest });
}

/**
 * A state's `Catch` as IR catchers. When some catcher is more than the IR holds as written (a JSONata `Output`, an
 * `Assign`, a ResultPath core spells otherwise), the field stays raw over them, and the catchers keep their edges
 * (the graph needs them) and what else they hold as written (a ResultPath tells the types where the error goes).
 */
export function takeCatch(r: StateReader): CatchNode[] {
  const list = r.state.Catch;
  if (!Array.isArray(list) || !Object.hasOwn(r.state, 'Catch')) return [];
  const read = list.map((catcher) => readCatcher(catcher, r));
  if (read.every((catcher) => catcher?.isWhole === true)) r.take('Catch');
  return read.flatMap((catcher) => (catcher === undefined ? [] : [catcher.node]));
}

/**
 * One catcher: its node (its edge, and the ResultPath and Comment where the IR holds them as written), and whether
 * that node is the whole catcher.
 */
function readCatcher(value: JsonValue, r: StateReader): { node: CatchNode; isWhole: boolean } | undefined {
  if (!isObject(value) || typeof value.Next !== 'string') return undefined;
  const { ErrorEquals: errors, Comment: comment, ResultPath: resultPath } = value;
  const path = typeof resultPath === 'string' ? readPath(resultPath, 'data') : undefined;
  const isPlainPath =
    resultPath === undefined ||
    resultPath === null ||
    (path !== undefined && canonicalPath(path) === resultPath);
  const allowed = isJsonPath(r) ? CATCHER_FIELDS : JSONATA_CATCHER_FIELDS;
  const node = createCatchNode({
    errors: isStrings(errors) ? errors : [],
    next: value.Next,
    ...optional('resultPath', resultPath === null ? null : isPlainPath ? path : undefined),
    ...optional('comment', typeof comment === 'string' ? comment : undefined),
  });
  const isWhole =
    Object.keys(value).every((key) => allowed.has(key)) &&
    isStrings(errors) &&
    (comment === undefined || typeof comment === 'string') &&
    isPlainPath;
  return { node, isWhole };
}

const CATCHER_FIELDS = new Set(['ErrorEquals', 'Next', 'ResultPath', 'Comment']);
const JSONATA_CATCHER_FIELDS = new Set(['ErrorEquals', 'Next', 'Comment']);

function isStrings(value: JsonValue | undefined): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
