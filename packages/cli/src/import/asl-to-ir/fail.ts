import { createFailNode, type FailNode, type FailText } from '@stepcraft/core/ir';
import { optional } from '../optional.js';
import { baseFields } from './context.js';
import { isJsonPath, type StateReader, takeString } from './state-reader.js';
import { readDynamic } from './template.js';

/** A Fail: Error and Cause as written, or (JSONPath) computed by `ErrorPath`/`CausePath`. */
export function importFail(r: StateReader): FailNode {
  const base = baseFields(r);
  return createFailNode({
    ...base,
    ...optional('error', text(r, 'Error')),
    ...optional('cause', text(r, 'Cause')),
    ...r.raw(),
  });
}

function text(r: StateReader, key: 'Error' | 'Cause'): FailText | undefined {
  const constant = takeString(r, key);
  if (constant !== undefined || !isJsonPath(r)) return constant;
  const path = r.state[`${key}Path`];
  const computed = typeof path === 'string' ? readDynamic(path, 'data-or-context') : undefined;
  if (computed !== undefined) r.take(`${key}Path`);
  return computed;
}
