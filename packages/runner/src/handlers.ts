import type { JsonObject, JsonValue, TaskHandler } from '@stepcraft/asl';
import { isJsonObject, ownField } from './io/json.js';
import type { ResourceInfo } from './resources.js';
import type { Snapshot } from './snapshot.js';

/** Keys of resources whose keys do not depend on the parameters (most of them), built once. */
const fixedKeys = new WeakMap<ResourceInfo, readonly string[]>();

/** The keys a Task's handler is looked up by, most specific first (after the state name). */
export function resourceKeys(resource: string, info: ResourceInfo, parameters: JsonValue): readonly string[] {
  const fixed = !info.lambdaInvoke && info.resourceType !== 'sqs' && info.resourceType !== 'sns';
  const known = fixed ? fixedKeys.get(info) : undefined;
  if (known !== undefined && known[known.length - 1] === resource) return known;
  const keys = keysOf(resource, info, parameters);
  if (fixed) fixedKeys.set(info, Object.freeze(keys));
  return keys;
}

/** The keys, worked out (a function of its own: its closure's context is then made only on a cache miss). */
function keysOf(resource: string, info: ResourceInfo, parameters: JsonValue): string[] {
  const keys: string[] = [];
  const param = (name: string): string | undefined => {
    const value = isJsonObject(parameters) ? ownField(parameters, name) : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  if (info.lambdaInvoke) {
    const fn = param('FunctionName');
    if (fn !== undefined) {
      keys.push(fn);
      const parts = fn.split(':');
      if (parts[0] === 'arn' && parts[5] === 'function' && parts[6] !== undefined) keys.push(parts[6]);
    }
  }
  if (info.functionName !== undefined) keys.push(info.functionName);
  if (info.resourceType === 'sqs') {
    const queue = param('QueueUrl');
    if (queue !== undefined) keys.push(queue);
  }
  if (info.resourceType === 'sns') {
    const topic = param('TopicArn');
    if (topic !== undefined) keys.push(topic);
  }
  if (info.sdkKey !== undefined) keys.push(info.sdkKey);
  keys.push(resource);
  return keys;
}

/** Finds the handler: per-state option → per-resource option → the compiled workflow's (by state, then resource). */
export function resolveHandler(
  snap: Snapshot,
  stateName: string,
  keys: readonly string[],
): TaskHandler | undefined {
  return (
    handlerIn(snap.settings.handlers, stateName, keys) ?? handlerIn(snap.workflowHandlers, stateName, keys)
  );
}

function handlerIn(
  table: Readonly<Record<string, TaskHandler>> | undefined,
  stateName: string,
  keys: readonly string[],
): TaskHandler | undefined {
  if (table === undefined) return undefined;
  const found = pick(table, stateName);
  if (found !== undefined) return found;
  for (let i = 0; i < keys.length; i++) {
    const byKey = pick(table, keys[i] as string);
    if (byKey !== undefined) return byKey;
  }
  return undefined;
}

const pick = (table: Readonly<Record<string, TaskHandler>>, key: string): TaskHandler | undefined =>
  Object.hasOwn(table, key) && typeof table[key] === 'function' ? table[key] : undefined;

/** The `lambda:invoke` result: AWS's Invoke API response around the function's return value. */
export function lambdaEnvelope(payload: JsonValue, requestId: string, now: number): JsonObject {
  const date = new Date(now).toUTCString();
  const length = String(Buffer.byteLength(JSON.stringify(payload), 'utf8'));
  const headers: JsonObject = {
    Connection: 'keep-alive',
    'Content-Length': length,
    'Content-Type': 'application/json',
    Date: date,
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-Remapped-Content-Length': '0',
    'x-amzn-RequestId': requestId,
  };
  const all: JsonObject = {};
  for (const [k, v] of Object.entries(headers)) all[k] = [v];
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: { AllHttpHeaders: all, HttpHeaders: headers, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}
