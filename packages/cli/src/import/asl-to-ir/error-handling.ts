import type { JsonValue } from '@stepcraft/asl';
import { type CatchNode, createCatchNode, createRetryNode, type RetryNode } from '@stepcraft/core/ir';
import { optional } from '../optional.js';
import { canonicalPath, readPath } from '../paths.js';
import { isObject } from '../source-text.js';
import { isJsonPath, type StateReader } from './state-reader.js';

const RETRIER_FIELDS = new Set([
  'ErrorEquals',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
  'Comment',
]);

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
  if (!isObject(value) || !Object.keys(value).every((key) => RETRIER_FIELDS.has(key))) return undefined;
  const { ErrorEquals: errors, JitterStrategy: jitter, Comment: comment } = value;
  const numbers = ['IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds'] as const;
  if (!isStrings(errors) || numbers.some((key) => key in value && typeof value[key] !== 'number'))
    return undefined;
  if (jitter !== undefined && jitter !== 'FULL' && jitter !== 'NONE') return undefined;
  if (comment !== undefined && typeof comment !== 'string') return undefined;
  const number = (key: (typeof numbers)[number]) => value[key] as number | undefined;
  return createRetryNode({
    errors,
    ...optional('intervalSeconds', number('IntervalSeconds')),
    ...optional('maxAttempts', number('MaxAttempts')),
    ...optional('backoffRate', number('BackoffRate')),
    ...optional('maxDelaySeconds', number('MaxDelaySeconds')),
    ...optional('jitterStrategy', jitter),
    ...optional('comment', comment),
  });
}

/**
 * A state's `Catch` as IR catchers. When some catcher is more than the IR holds as written (a JSONata `Output`, an
 * `Assign`, a ResultPath core spells otherwise), the field stays raw and the catchers keep only their edges (the
 * errors and the handler), which the graph needs.
 */
export function takeCatch(r: StateReader): CatchNode[] {
  const list = r.state.Catch;
  if (!Array.isArray(list) || !Object.hasOwn(r.state, 'Catch')) return [];
  const whole = list.map((catcher) => readCatcher(catcher, r));
  if (whole.every((node) => node !== undefined)) {
    r.take('Catch');
    return whole as CatchNode[];
  }
  return list.flatMap((catcher) =>
    isObject(catcher) && typeof catcher.Next === 'string'
      ? [
          createCatchNode({
            errors: isStrings(catcher.ErrorEquals) ? catcher.ErrorEquals : [],
            next: catcher.Next,
          }),
        ]
      : [],
  );
}

function readCatcher(value: JsonValue, r: StateReader): CatchNode | undefined {
  if (!isObject(value)) return undefined;
  const allowed = isJsonPath(r) ? CATCHER_FIELDS : JSONATA_CATCHER_FIELDS;
  if (!Object.keys(value).every((key) => allowed.has(key))) return undefined;
  const { ErrorEquals: errors, Next: next, Comment: comment, ResultPath: resultPath } = value;
  if (!isStrings(errors) || typeof next !== 'string') return undefined;
  if (comment !== undefined && typeof comment !== 'string') return undefined;
  const path = typeof resultPath === 'string' ? readPath(resultPath, 'data') : undefined;
  if (
    resultPath !== undefined &&
    resultPath !== null &&
    (path === undefined || canonicalPath(path) !== resultPath)
  )
    return undefined;
  return createCatchNode({
    errors,
    next,
    ...optional('resultPath', resultPath === null ? null : path),
    ...optional('comment', comment),
  });
}

const CATCHER_FIELDS = new Set(['ErrorEquals', 'Next', 'ResultPath', 'Comment']);
const JSONATA_CATCHER_FIELDS = new Set(['ErrorEquals', 'Next', 'Comment']);

function isStrings(value: JsonValue | undefined): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
