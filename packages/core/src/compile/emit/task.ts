import type { TaskState } from '@stepcraft/asl';
import type { TaskNode } from '../../ir/task-node.js';
import type { Draft } from '../query-language/dialect.js';
import { type EmitContext, header, writeTransition } from './context.js';
import { writeErrorHandling } from './error-handling.js';

/**
 * Emits a Task.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 */
export function emitTask(node: TaskNode, context: EmitContext): TaskState {
  const { dialect, report } = context;
  const out: Draft<TaskState> = { Type: 'Task', ...header(node, context), Resource: node.resource };
  dialect.input(out, node, node.parameters, report);
  if (node.credentials !== undefined) dialect.credentials(out, node.credentials, report);
  dialect.setting(out, 'TimeoutSeconds', node.timeoutSeconds, node, report);
  dialect.setting(out, 'HeartbeatSeconds', node.heartbeatSeconds, node, report);
  dialect.result(out, node, report);
  writeErrorHandling(out, node, context);
  writeTransition(out, context);
  return out;
}
