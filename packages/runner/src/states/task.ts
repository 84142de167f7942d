import type { JsonObject, JsonValue, TaskState } from '@stepcraft/asl';
import { contextObject } from '../context-object.js';
import { checkContract, contractFor } from '../contracts.js';
import { StatesError } from '../errors.js';
import { jsonataField, jsonPathEffectiveInput, outputWithResult, scopeOf } from '../evaluation.js';
import { type Fiber, fatal, INTERRUPT, type StateRun, verbatim } from '../execution.js';
import { invoke, lambdaEnvelope, resolveHandler, resourceKeys } from '../handlers.js';
import { NOT_TRUNCATED } from '../history.js';
import { isJsonObject, ownField } from '../io/json.js';
import { applyPayloadTemplate, readReferencePath } from '../io/jsonpath.js';
import { dataLimitCause, exceedsPayloadLimit } from '../limits.js';
import { randomUuid } from '../random.js';
import { type ResourceInfo, resourceInfo } from '../resources.js';
import { heartbeatTimeouts, withRetryAndCatch } from '../retry.js';
import type { StateOutcome } from '../state-outcome.js';

/** What an absent field evaluates to: awaiting it takes one tick, like an evaluation, without a new promise. */
const NOTHING: Promise<undefined> = Promise.resolve(undefined);

/**
 * Task: calls the resource's handler with the effective input, then ResultSelector → ResultPath → OutputPath
 * (JSONPath) or Output (JSONata), under Retry/Catch, TimeoutSeconds and HeartbeatSeconds.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 */
export function runTask(fiber: Fiber, run: StateRun, raw: JsonValue): Promise<StateOutcome> {
  const state = run.state as TaskState;
  return withRetryAndCatch(fiber, run, raw, state, async (retryCount) => {
    const exec = fiber.exec;
    const token = randomUuid(exec.random);
    run.context = contextObject(exec, run.name, run.enteredTime, { retryCount, token });
    const info = resourceInfo(state.Resource);
    const parameters = run.jsonata
      ? state.Arguments === undefined
        ? raw
        : await jsonataField(fiber, run, state.Arguments, raw, 'Arguments')
      : jsonPathEffectiveInput(fiber, run, raw, state.InputPath, state.Parameters);
    // Always awaited, even when absent: concurrent branches reach their handlers in the same order as ever.
    const timeout = await seconds(
      fiber,
      run,
      raw,
      'TimeoutSeconds',
      state.TimeoutSeconds,
      state.TimeoutSecondsPath,
    );
    const heartbeat = await seconds(
      fiber,
      run,
      raw,
      'HeartbeatSeconds',
      state.HeartbeatSeconds,
      state.HeartbeatSecondsPath,
    );
    const credentials = await credentialsOf(fiber, run, raw, state.Credentials);
    const keys = resourceKeys(state.Resource, info, parameters);
    const handler = resolveHandler(exec, run.name, keys);
    if (handler === undefined) {
      fatal(
        exec,
        'Stepcraft.MissingHandler',
        `Task state "${run.name}" has no handler for resource "${state.Resource}". Provide one with run(workflow, input, { handlers: { ${JSON.stringify(run.name)}: (input) => result } }) or key it by ${keys.map((k) => JSON.stringify(k)).join(' or ')}.`,
      );
    }
    const events = taskEvents(info);
    const record = exec.settings.recordHistory;
    exec.history.emit(
      fiber,
      events.scheduled,
      record
        ? scheduledDetails(
            events,
            state.Resource,
            exec.settings.region,
            parameters,
            timeout,
            heartbeat,
            credentials,
          )
        : undefined,
    );
    exec.history.emit(fiber, events.started, record ? events.startedDetails : undefined);

    const input = info.lambdaInvoke ? payloadOf(parameters) : parameters;
    const inputSchema = contractFor(exec, run.name, 'taskInput');
    if (inputSchema !== undefined) await checkContract(fiber, run.name, 'taskInput', inputSchema, input);

    const outcome = await invoke({
      exec,
      handler,
      input,
      stateName: run.name,
      resource: state.Resource,
      info,
      token,
      context: run.context,
      credentials,
      signal: fiber.signal,
      timeoutMs: timeout === undefined ? undefined : timeout * 1000,
      heartbeatMs: heartbeat === undefined ? undefined : heartbeat * 1000,
      onSubmitted: info.pattern === 'request' ? undefined : (output) => emitSubmitted(fiber, events, output),
    });
    if (outcome.kind === 'interrupt') throw INTERRUPT;
    if (outcome.kind === 'failure') {
      emitFailed(fiber, events, outcome.error, outcome.cause, outcome.timeout !== undefined);
      const failure = verbatim(outcome.error, outcome.cause);
      if (outcome.timeout === 'heartbeat') heartbeatTimeouts.add(failure);
      throw failure;
    }
    const resultSchema = contractFor(exec, run.name, 'taskResult');
    if (resultSchema !== undefined)
      await checkContract(fiber, run.name, 'taskResult', resultSchema, outcome.value);
    const result = info.lambdaInvoke
      ? lambdaEnvelope(outcome.value, randomUuid(exec.random), exec.clock.now())
      : outcome.value;
    if (exceedsPayloadLimit(result)) {
      // AWS names the task by what it called: the service (`lambda` for lambda:invoke) or the function ARN.
      const cause = dataLimitCause(info.kind === 'integration' ? info.resourceType : state.Resource, result);
      emitFailed(fiber, events, 'States.DataLimitExceeded', cause, false);
      throw verbatim('States.DataLimitExceeded', cause);
    }
    exec.history.emit(fiber, events.succeeded, record ? laterOutputDetails(events, result) : undefined);
    return outputWithResult(fiber, run, state, raw, result);
  });
}

/** What a Lambda function receives from `lambda:invoke`: the `Payload` parameter (an empty object when absent). */
function payloadOf(parameters: JsonValue): JsonValue {
  return isJsonObject(parameters) && Object.hasOwn(parameters, 'Payload')
    ? (parameters.Payload as JsonValue)
    : {};
}

/**
 * `Credentials`: `{RoleArn}` / `{"RoleArn.$": path or intrinsic}` over the state input (JSONPath), or JSONata
 * (`{RoleArn: "{% %}"}` or one `{% %}` string giving the object or the ARN). Must yield a string role ARN.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html#task-state-fields
 */
function credentialsOf(
  fiber: Fiber,
  run: StateRun,
  raw: JsonValue,
  credentials: JsonObject | string | undefined,
): Promise<{ readonly roleArn: string } | undefined> {
  return credentials === undefined ? NOTHING : roleOf(fiber, run, raw, credentials);
}

async function roleOf(
  fiber: Fiber,
  run: StateRun,
  raw: JsonValue,
  credentials: JsonObject | string,
): Promise<{ readonly roleArn: string }> {
  const value = run.jsonata
    ? await jsonataField(fiber, run, credentials, raw, 'Credentials')
    : applyPayloadTemplate(credentials, scopeOf(fiber, run, raw, 'Credentials'));
  const roleArn =
    typeof value === 'string' ? value : isJsonObject(value) ? ownField(value, 'RoleArn') : undefined;
  if (typeof roleArn === 'string') return { roleArn };
  throw new StatesError(
    run.jsonata ? 'States.QueryEvaluationError' : 'States.Runtime',
    `The Credentials field of state '${run.name}' must give a string RoleArn, but was: ${JSON.stringify(value)}`,
  );
}

/** TimeoutSeconds / HeartbeatSeconds (literal, `*Path`, or JSONata): a positive integer or undefined. */
function seconds(
  fiber: Fiber,
  run: StateRun,
  raw: JsonValue,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
  literal: number | string | undefined,
  path: string | undefined,
): Promise<number | undefined> {
  return literal === undefined && path === undefined
    ? NOTHING
    : evaluateSeconds(fiber, run, raw, field, literal, path);
}

async function evaluateSeconds(
  fiber: Fiber,
  run: StateRun,
  raw: JsonValue,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
  literal: number | string | undefined,
  path: string | undefined,
): Promise<number | undefined> {
  let value: JsonValue | undefined;
  if (literal !== undefined)
    value =
      run.jsonata && typeof literal === 'string'
        ? await jsonataField(fiber, run, literal, raw, field)
        : literal;
  else if (path !== undefined) value = readReferencePath(path, scopeOf(fiber, run, raw, `${field}Path`));
  else return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw new StatesError(
    run.jsonata ? 'States.QueryEvaluationError' : 'States.Runtime',
    `The ${path === undefined ? field : `${field}Path`} field must be a positive integer, but was: ${JSON.stringify(value)}${path === undefined ? '' : ` (${path})`}`,
  );
}

/** `ActivityStarted` details: the (only) worker. */
const STARTED_BY: JsonObject = Object.freeze({ workerName: 'stepcraft' }) as JsonObject;

/** A resource's Task event types, in AWS's three families (LambdaFunction*, Activity*, Task*), and fixed details. */
interface TaskEvents {
  readonly scheduled: string;
  readonly started: string;
  readonly succeeded: string;
  readonly failed: string;
  readonly timedOut: string;
  /** `{resourceType, resource}` for the Task* family; shared, so frozen. */
  readonly ids: JsonObject | undefined;
  readonly startedDetails: JsonObject | undefined;
}

const eventsByResource = new WeakMap<ResourceInfo, TaskEvents>();

/** The event types of a resource, built once per (memoised) `ResourceInfo`. */
function taskEvents(info: ResourceInfo): TaskEvents {
  let events = eventsByResource.get(info);
  if (events === undefined) {
    const family = info.kind === 'lambda' ? 'LambdaFunction' : info.kind === 'activity' ? 'Activity' : 'Task';
    const ids =
      family === 'Task'
        ? (Object.freeze({ resourceType: info.resourceType, resource: info.resourceName }) as JsonObject)
        : undefined;
    events = {
      scheduled: `${family}Scheduled`,
      started: `${family}Started`,
      succeeded: `${family}Succeeded`,
      failed: `${family}Failed`,
      timedOut: `${family}TimedOut`,
      ids,
      startedDetails: family === 'Activity' ? STARTED_BY : ids,
    };
    eventsByResource.set(info, events);
  }
  return events;
}

/** `…Scheduled` details, built when the history is read. */
function scheduledDetails(
  events: TaskEvents,
  resource: string,
  region: string,
  parameters: JsonValue,
  timeout: number | undefined,
  heartbeat: number | undefined,
  credentials: { readonly roleArn: string } | undefined,
): () => JsonObject {
  return () => {
    const details: JsonObject =
      events.ids !== undefined
        ? {
            resourceType: events.ids.resourceType as string,
            resource: events.ids.resource as string,
            region,
            parameters: JSON.stringify(parameters),
          }
        : { resource, input: JSON.stringify(parameters), inputDetails: NOT_TRUNCATED };
    if (timeout !== undefined) details.timeoutInSeconds = timeout;
    if (heartbeat !== undefined) details.heartbeatInSeconds = heartbeat;
    if (credentials !== undefined) details.taskCredentials = { roleArn: credentials.roleArn };
    return details;
  };
}

/** `{resourceType, resource}` (Task* family), then the output text. */
function outputDetails(events: TaskEvents, output: JsonValue): JsonObject {
  const details: JsonObject = { ...events.ids };
  details.output = JSON.stringify(output);
  details.outputDetails = NOT_TRUNCATED;
  return details;
}

/** `outputDetails`, built when the history is read (from a small closure that keeps only what it needs). */
function laterOutputDetails(events: TaskEvents, output: JsonValue): () => JsonObject {
  return () => outputDetails(events, output);
}

function emitSubmitted(fiber: Fiber, events: TaskEvents, output: JsonValue): void {
  const exec = fiber.exec;
  exec.history.emit(
    fiber,
    'TaskSubmitted',
    exec.settings.recordHistory ? outputDetails(events, output) : undefined,
  );
}

function emitFailed(
  fiber: Fiber,
  events: TaskEvents,
  error: string,
  cause: string | undefined,
  timedOut: boolean,
): void {
  const exec = fiber.exec;
  exec.history.emit(
    fiber,
    timedOut ? events.timedOut : events.failed,
    exec.settings.recordHistory
      ? () => {
          const details: JsonObject = { ...events.ids };
          if (error !== '') details.error = error;
          if (cause !== undefined) details.cause = cause;
          return details;
        }
      : undefined,
  );
}
