import type { JsonValue, TaskState } from '@stepcraft/asl';
import type { TaskNode } from '../../ir/task-node.js';
import { jsonataValue } from '../query-language/jsonata.js';
import {
  catchField,
  type EmitContext,
  field,
  filterFields,
  integer,
  pathField,
  retryField,
  templateField,
} from './context.js';
import {
  argumentsField,
  assignField,
  effectiveInput,
  embedRead,
  isJsonata,
  outputField,
  scopeOf,
} from './jsonata-io.js';
import { resultSelectorFields } from './result-selector.js';

/** Emits a Task. */
export function emitTask(node: TaskNode, context: EmitContext): TaskState {
  return {
    Type: 'Task',
    ...field('Comment', node.comment),
    Resource: node.resource,
    ...(isJsonata(context) ? jsonataFields(node, context) : jsonPathFields(node, context)),
    ...credentials(node, context),
    ...retryField(context, node.retry),
    ...catchField(context, node.catch),
    ...context.transition,
  } as unknown as TaskState;
}

function jsonPathFields(node: TaskNode, context: EmitContext): Record<string, JsonValue> {
  const { input, output } = filterFields(context, node);
  return {
    ...input,
    ...templateField(context, 'Parameters', node.parameters),
    ...seconds(context, node, 'TimeoutSeconds', node.timeoutSeconds),
    ...seconds(context, node, 'HeartbeatSeconds', node.heartbeatSeconds),
    ...resultSelectorFields(context, node, output),
    ...assignField(context, node.assign, node.resultSelector, '$states.result'),
  };
}

function jsonataFields(node: TaskNode, context: EmitContext): Record<string, JsonValue> {
  return {
    ...argumentsField(context, node, node.parameters),
    ...seconds(context, node, 'TimeoutSeconds', node.timeoutSeconds),
    ...seconds(context, node, 'HeartbeatSeconds', node.heartbeatSeconds),
    ...outputField(context, node, node.resultSelector, '$states.result', false),
    ...assignField(context, node.assign, node.resultSelector, '$states.result'),
  };
}

function seconds(
  context: EmitContext,
  node: TaskNode,
  key: string,
  value: TaskNode['timeoutSeconds'],
): Record<string, JsonValue> {
  if (value === undefined) return {};
  if (typeof value === 'number') {
    integer(context, [], key, value, 1, 99_999_999);
    return { [key]: value };
  }
  if (isJsonata(context)) return { [key]: embedRead(effectiveInput(node), value) };
  return pathField(context, `${key}Path`, value);
}

// Credentials read the raw state input (not the effective one), in both languages.
function credentials(node: TaskNode, context: EmitContext): Record<string, JsonValue> {
  if (node.credentials === undefined) return {};
  if (!isJsonata(context)) return templateField(context, 'Credentials', node.credentials);
  return { Credentials: jsonataValue(node.credentials, scopeOf(context, '$states.input', ['Credentials'])) };
}
