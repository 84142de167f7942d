import { createTaskNode, type TaskNode } from '@stepcraft/core/ir';
import { optional } from '../optional.js';
import { baseFields } from './context.js';
import { takeCatch, takeRetry } from './error-handling.js';
import {
  isJsonPath,
  type StateReader,
  takeNumber,
  takeObject,
  takePath,
  takeString,
} from './state-reader.js';
import { readTemplate } from './template.js';

/**
 * A Task. Its JSONPath I/O fields become the IR's; a JSONata state's Arguments, Output and Assign stay raw, as do
 * JSONPath `Assign` (the IR reads it through the ResultSelector, ASL does not).
 */
export function importTask(r: StateReader): TaskNode {
  const base = baseFields(r);
  const resource = takeString(r, 'Resource') ?? '';
  return createTaskNode({
    ...base,
    resource,
    ...(isJsonPath(r) ? jsonPathFields(r) : {}),
    ...seconds(r, 'TimeoutSeconds', 'timeoutSeconds'),
    ...seconds(r, 'HeartbeatSeconds', 'heartbeatSeconds'),
    retry: takeRetry(r),
    catch: takeCatch(r),
    ...r.raw(),
  });
}

function jsonPathFields(r: StateReader): Partial<TaskNode> {
  const parameters = takeObject(r, 'Parameters');
  const selector = takeObject(r, 'ResultSelector');
  const credentials = takeObject(r, 'Credentials');
  return {
    ...optional('inputPath', takePath(r, 'InputPath', 'data', true)),
    ...optional('parameters', parameters === undefined ? undefined : readTemplate(parameters)),
    ...optional('resultSelector', selector === undefined ? undefined : readTemplate(selector)),
    ...optional('credentials', credentials === undefined ? undefined : readTemplate(credentials)),
    ...optional('resultPath', takePath(r, 'ResultPath', 'data', true)),
    ...optional('outputPath', takePath(r, 'OutputPath', 'data', true)),
  };
}

/** `TimeoutSeconds`/`HeartbeatSeconds` as a number, or (JSONPath) their `…Path` form. */
export function seconds<TKey extends 'timeoutSeconds' | 'heartbeatSeconds'>(
  r: StateReader,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
  key: TKey,
) {
  const value =
    takeNumber(r, field) ?? (isJsonPath(r) ? takePath(r, `${field}Path`, 'data-or-context') : undefined);
  return optional(key, value ?? undefined);
}
