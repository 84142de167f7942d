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

/**
 * Task: calls the resource's handler with the effective input, then ResultSelector → ResultPath → OutputPath
 * (JSONPath) or Output (JSONata), under Retry/Catch, TimeoutSeconds and HeartbeatSeconds.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 */
export function runTask(fiber: Fiber, run: StateRun, raw: JsonValue): Promise<StateOutcome> {
  const state = run.state as TaskState;
  return withRetryAndCatch(
    fiber,
    run,
    raw,
    state,
    async (retryCount) => {
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
      const events = eventsFor(fiber, state.Resource, info);
      events.scheduled(parameters, timeout, heartbeat, credentials);
      events.started();

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
        onSubmitted: events.submitted,
      });
      if (outcome.kind === 'interrupt') throw INTERRUPT;
      if (outcome.kind === 'failure') {
        events.failed(outcome.error, outcome.cause, outcome.timeout !== undefined);
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
        const cause = dataLimitCause(info.kind === 'integration' ? info.resourceType : state.Resource);
        events.failed('States.DataLimitExceeded', cause, false);
        throw verbatim('States.DataLimitExceeded', cause);
      }
      events.succeeded(result);
      return outputWithResult(fiber, run, state, raw, result);
    },
    undefined,
  );
}

/** What a Lambda function receives from `lambda:invoke`: the `Payload` parameter (an empty object when absent). */
function payloadOf(parameters: JsonValue): JsonValue {
  if (
    parameters !== null &&
    typeof parameters === 'object' &&
    !Array.isArray(parameters) &&
    Object.hasOwn(parameters, 'Payload')
  ) {
    return parameters.Payload as JsonValue;
  }
  return {};
}

/**
 * `Credentials`: `{RoleArn}` / `{"RoleArn.$": path or intrinsic}` over the state input (JSONPath), or JSONata
 * (`{RoleArn: "{% %}"}` or one `{% %}` string giving the object or the ARN). Must yield a string role ARN.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html#task-state-fields
 */
async function credentialsOf(
  fiber: Fiber,
  run: StateRun,
  raw: JsonValue,
  credentials: JsonObject | string | undefined,
): Promise<{ readonly roleArn: string } | undefined> {
  if (credentials === undefined) return undefined;
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
async function seconds(
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

/** Writes the Task's scheduling events in AWS's three families: LambdaFunction*, Activity*, Task*. */
function eventsFor(fiber: Fiber, resource: string, info: ResourceInfo) {
  const exec = fiber.exec;
  const record = exec.settings.recordHistory;
  const family = info.kind === 'lambda' ? 'LambdaFunction' : info.kind === 'activity' ? 'Activity' : 'Task';
  const ids: JsonObject =
    family === 'Task' ? { resourceType: info.resourceType, resource: info.resourceName } : {};
  const emit = (type: string, details: () => JsonObject | undefined): void => {
    exec.history.emit(fiber, `${family}${type}`, record ? details : undefined);
  };
  const limits = (timeout: number | undefined, heartbeat: number | undefined): JsonObject => ({
    ...(timeout === undefined ? {} : { timeoutInSeconds: timeout }),
    ...(heartbeat === undefined ? {} : { heartbeatInSeconds: heartbeat }),
  });
  return {
    scheduled(
      parameters: JsonValue,
      timeout: number | undefined,
      heartbeat: number | undefined,
      credentials: { readonly roleArn: string } | undefined,
    ): void {
      const role = credentials === undefined ? {} : { taskCredentials: { roleArn: credentials.roleArn } };
      emit('Scheduled', () =>
        family === 'Task'
          ? {
              ...ids,
              region: exec.settings.region,
              parameters: JSON.stringify(parameters),
              ...limits(timeout, heartbeat),
              ...role,
            }
          : {
              resource,
              input: JSON.stringify(parameters),
              inputDetails: NOT_TRUNCATED,
              ...limits(timeout, heartbeat),
              ...role,
            },
      );
    },
    started(): void {
      const details = family === 'Task' ? ids : family === 'Activity' ? STARTED_BY : undefined;
      exec.history.emit(fiber, `${family}Started`, record ? details : undefined);
    },
    submitted(output: JsonValue): void {
      exec.history.emit(
        fiber,
        'TaskSubmitted',
        record ? { ...ids, output: JSON.stringify(output), outputDetails: NOT_TRUNCATED } : undefined,
      );
    },
    succeeded(output: JsonValue): void {
      emit('Succeeded', () => ({ ...ids, output: JSON.stringify(output), outputDetails: NOT_TRUNCATED }));
    },
    failed(error: string, cause: string | undefined, timedOut: boolean): void {
      emit(timedOut ? 'TimedOut' : 'Failed', () => ({
        ...ids,
        ...(error === '' ? {} : { error }),
        ...(cause === undefined ? {} : { cause }),
      }));
    },
  };
}
