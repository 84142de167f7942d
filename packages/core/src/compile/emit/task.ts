import type { JsonValue, TaskState } from '@stepcraft/asl';
import type { TaskNode } from '../../ir/task-node.js';
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
import { resultSelectorFields } from './result-selector.js';

/** Emits a Task. */
export function emitTask(node: TaskNode, context: EmitContext): TaskState {
  const { input, output } = filterFields(context, node);
  return {
    Type: 'Task',
    ...field('Comment', node.comment),
    Resource: node.resource,
    ...input,
    ...templateField(context, 'Parameters', node.parameters),
    ...seconds(context, 'TimeoutSeconds', node.timeoutSeconds),
    ...seconds(context, 'HeartbeatSeconds', node.heartbeatSeconds),
    ...resultSelectorFields(context, node, output),
    ...retryField(context, node.retry),
    ...catchField(context, node.catch),
    ...context.transition(),
  } as unknown as TaskState;
}

function seconds(
  context: EmitContext,
  key: string,
  value: TaskNode['timeoutSeconds'],
): Record<string, JsonValue> {
  if (value === undefined) return {};
  if (typeof value === 'number') {
    integer(context, [], key, value, 1, 99_999_999);
    return { [key]: value };
  }
  return pathField(context, `${key}Path`, value);
}
