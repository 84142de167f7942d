import { type AslDocument, isJsonataString, type JsonValue, type TaskState } from '@stepcraft/asl';
import { statesOf } from './states.js';

/** The integrations a resource key can name. */
export type IntegrationKind = 'lambda' | 'sqs' | 'sns' | 'aws-sdk' | 'resource';

/** A Task state and the keys a handler can be registered under for it, as far as the definition tells. */
export interface TaskEntry {
  readonly name: string;
  readonly resource: string;
  readonly kind: IntegrationKind;
  /** Function name, queue URL, topic ARN, `aws-sdk:s3:getObject`, the Resource itself. */
  readonly keys: readonly string[];
  /** The function, queue or topic is computed at run time (`FunctionName.$`, JSONata): its key is unknown here. */
  readonly dynamic: boolean;
  /** `.waitForTaskToken`: the task ends when its token is answered. */
  readonly callback: boolean;
}

const SUFFIX = /\.(waitForTaskToken|sync(:\d+)?)$/;

/**
 * The Task states of a definition with the keys the runner looks their handlers up by (state name first, then
 * these; the same order as `run()`'s `handlers` option). Static: a key computed at run time sets `dynamic`.
 */
export function tasksOf(definition: AslDocument): readonly TaskEntry[] {
  const out: TaskEntry[] = [];
  for (const { name, state } of statesOf(definition).values()) {
    if (state.Type === 'Task' && typeof state.Resource === 'string') out.push(taskEntry(name, state));
  }
  return out;
}

function taskEntry(name: string, state: TaskState): TaskEntry {
  const resource = state.Resource;
  const callback = resource.endsWith('.waitForTaskToken');
  const parts = resource.split(':');
  const keys: string[] = [];
  let dynamic = false;
  let kind: IntegrationKind = 'resource';
  const literal = (field: string): string | undefined => {
    const found = payloadField(state, field);
    if (found.dynamic) dynamic = true;
    return found.value;
  };
  if (parts[0] === 'arn' && parts[2] === 'lambda' && parts[5] === 'function' && parts[6] !== undefined) {
    kind = 'lambda';
    keys.push(parts[6]);
  } else {
    const service = resource.replace(/^arn:[^:]*:states:::/, '').replace(SUFFIX, '');
    if (service === 'lambda:invoke') {
      kind = 'lambda';
      const fn = literal('FunctionName');
      if (fn !== undefined) {
        keys.push(fn);
        const fnParts = fn.split(':');
        if (fnParts[0] === 'arn' && fnParts[5] === 'function' && fnParts[6] !== undefined)
          keys.push(fnParts[6]);
      }
    } else if (service === 'sqs:sendMessage') {
      kind = 'sqs';
      const queue = literal('QueueUrl');
      if (queue !== undefined) keys.push(queue);
    } else if (service === 'sns:publish') {
      kind = 'sns';
      const topic = literal('TopicArn');
      if (topic !== undefined) keys.push(topic);
    } else if (service.startsWith('aws-sdk:')) {
      kind = 'aws-sdk';
      keys.push(service);
    }
  }
  keys.push(resource);
  return { name, resource, kind, keys, dynamic, callback };
}

/** A field of the Task's Parameters or Arguments: its literal string value, or whether it is computed. */
function payloadField(state: TaskState, field: string): { value?: string; dynamic: boolean } {
  const payload: JsonValue | undefined = state.Parameters ?? state.Arguments;
  if (typeof payload === 'string') return { dynamic: true };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { dynamic: false };
  if (Object.hasOwn(payload, `${field}.$`)) return { dynamic: true };
  const value = Object.hasOwn(payload, field) ? payload[field] : undefined;
  if (typeof value !== 'string') return { dynamic: value !== undefined };
  return isJsonataString(value) ? { dynamic: true } : { value, dynamic: false };
}
