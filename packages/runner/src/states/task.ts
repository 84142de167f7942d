import type { JsonObject, JsonValue, TaskHandler, TaskState } from '@stepcraft/asl';
import { endCall, startCall } from '../calls.js';
import { beginAttempt } from '../context-object.js';
import { checkContract, contractFor } from '../contracts.js';
import { addEffect } from '../effects.js';
import { StatesError, verbatim } from '../errors.js';
import {
  jsonataArguments,
  jsonataField,
  jsonPathEffectiveInput,
  outputWithResult,
  scopeOf,
} from '../evaluation.js';
import { lambdaEnvelope, resolveHandler, resourceKeys } from '../handlers.js';
import { NOT_TRUNCATED } from '../history.js';
import { isJsonObject, ownField } from '../io/json.js';
import { applyPayloadTemplate, readReferencePath } from '../io/jsonpath.js';
import { dataLimitCause, exceedsPayloadLimit } from '../limits.js';
import { type Progress, type StateKind, WAITING, waitOn } from '../progress.js';
import { schedule } from '../queue.js';
import { randomUuid, reserveUuid } from '../random.js';
import { type ResourceInfo, resourceInfo } from '../resources.js';
import { jobOutcome, submittedResponse } from '../services/job-outcome.js';
import type { Answer, Call, Fiber, ScheduledCall, StateRun, TaskSettings, Wake } from '../snapshot.js';
import { fatal } from '../termination.js';

/**
 * Task: calls the resource's handler with the effective input, then ResultSelector → ResultPath → OutputPath
 * (JSONPath) or Output (JSONata), under Retry/Catch, TimeoutSeconds and HeartbeatSeconds. A callback task
 * (`.waitForTaskToken`) submits its call, then waits for `SendTaskSuccess`/`SendTaskFailure`: its result is exactly
 * what was sent, with no service envelope; an activity's handler is its worker.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token
 */
export const taskKind: StateKind<TaskState> = {
  run: attempt,
  wake(fiber, run, state, wake) {
    const work = run.work;
    if (wake.kind === 'started' && work?.kind === 'scheduled')
      return begin(fiber, run, work.info, work.handler, work.parameters, work.settings);
    const call = work?.kind === 'call' ? work : undefined;
    if (
      call === undefined ||
      (wake.kind !== 'settled' && wake.kind !== 'answered' && wake.kind !== 'timeout')
    )
      throw new Error(`Task state '${run.name}' woke up without a call in flight.`);
    const events = taskEvents(call.info);
    if (wake.kind === 'timeout') {
      emitFailed(fiber, events, 'States.Timeout', undefined, true);
      throw new StatesError('States.Timeout', undefined, { located: true, heartbeatTimeout: wake.heartbeat });
    }
    if (wake.kind === 'answered') return finish(fiber, run, state, call, wake.answer);
    // The handler settled: its failure fails the task; its value is the service's response.
    const answer: Answer = wake;
    if (!answer.ok || call.info.pattern !== 'token' || call.info.kind === 'activity') {
      // `.sync`: the handler answers with the job's final description; TaskSubmitted records the start call's response.
      if (answer.ok && call.info.pattern === 'sync') {
        const { resourceType, resourceName } = call.info;
        emitSubmitted(fiber, events, submittedResponse(resourceType, resourceName, answer.value));
      }
      return finish(fiber, run, state, call, answer);
    }
    emitSubmitted(fiber, events, call.info.lambdaInvoke ? envelopeOf(fiber, answer.value) : answer.value);
    if (call.early !== undefined) return finish(fiber, run, state, call, call.early);
    return awaitToken(fiber, run, call);
  },
  abort(_fiber, run) {
    if (run.work?.kind === 'call') endCall(run.work, 'aborted');
  },
};

/**
 * One attempt: a fresh token and context, the effective input and settings, the events, then the call. Synchronous
 * in JSONPath (every field there is evaluated synchronously); JSONata evaluates its fields first.
 */
function attempt(fiber: Fiber, run: StateRun, state: TaskState): Progress | Promise<Progress> {
  beginAttempt(run, reserveUuid(fiber.snap.random));
  run.work = undefined;
  if (run.jsonata) return jsonataAttempt(fiber, run, state);
  const parameters = jsonPathEffectiveInput(fiber, run, run.input, state.InputPath, state.Parameters);
  const settings = taskSettings(
    pathSeconds(fiber, run, 'TimeoutSeconds', state.TimeoutSeconds, state.TimeoutSecondsPath),
    pathSeconds(fiber, run, 'HeartbeatSeconds', state.HeartbeatSeconds, state.HeartbeatSecondsPath),
    state.Credentials === undefined
      ? undefined
      : roleOf(run, applyPayloadTemplate(state.Credentials, scopeOf(fiber, run, run.input, 'Credentials'))),
  );
  return call(fiber, run, state, parameters, settings);
}

/** A task with none of TimeoutSeconds, HeartbeatSeconds and Credentials (most): one shared record. */
const NO_SETTINGS: TaskSettings = Object.freeze({
  timeout: undefined,
  heartbeat: undefined,
  credentials: undefined,
});

function taskSettings(
  timeout: number | undefined,
  heartbeat: number | undefined,
  credentials: { readonly roleArn: string } | undefined,
): TaskSettings {
  if (timeout === undefined && heartbeat === undefined && credentials === undefined) return NO_SETTINGS;
  return { timeout, heartbeat, credentials };
}

/** The same in JSONata: `Arguments`, then the settings. */
async function jsonataAttempt(fiber: Fiber, run: StateRun, state: TaskState): Promise<Progress> {
  const parameters = await jsonataArguments(fiber, run, state.Arguments, run.input);
  return call(fiber, run, state, parameters, await jsonataSettings(fiber, run, state));
}

/** The settings in JSONata, where each may be a `{% %}` expression. */
async function jsonataSettings(fiber: Fiber, run: StateRun, state: TaskState): Promise<TaskSettings> {
  const timeout = await jsonataSeconds(
    fiber,
    run,
    'TimeoutSeconds',
    state.TimeoutSeconds,
    state.TimeoutSecondsPath,
  );
  const heartbeat = await jsonataSeconds(
    fiber,
    run,
    'HeartbeatSeconds',
    state.HeartbeatSeconds,
    state.HeartbeatSecondsPath,
  );
  const credentials =
    state.Credentials === undefined
      ? undefined
      : roleOf(run, await jsonataField(fiber, run, state.Credentials, run.input, 'Credentials'));
  return taskSettings(timeout, heartbeat, credentials);
}

/**
 * Schedules the task (`TaskScheduled`), then starts its call. Beside siblings (a Parallel branch, a Map iteration)
 * the call starts on the fiber's next turn, so their events interleave as AWS records them: each one's entry and
 * `TaskScheduled`, then each one's `TaskStarted` (LocalStack's AWS-recorded `test_service_lambda_map_timeout`).
 */
function call(
  fiber: Fiber,
  run: StateRun,
  state: TaskState,
  parameters: JsonValue,
  settings: TaskSettings,
): Progress | Promise<Progress> {
  const snap = fiber.snap;
  const info = resourceInfo(state.Resource);
  const keys = resourceKeys(state.Resource, info, parameters);
  const handler = resolveHandler(snap, run.name, keys);
  // A callback task needs no handler: nothing is called and the task waits for its token (answered by the test).
  if (handler === undefined && info.pattern !== 'token') {
    fatal(
      snap,
      'Stepcraft.MissingHandler',
      `Task state "${run.name}" has no handler for resource "${state.Resource}". Provide one with run(workflow, input, { handlers: { ${JSON.stringify(run.name)}: (input) => result } }) or key it by ${keys.map((k) => JSON.stringify(k)).join(' or ')}.`,
    );
  }
  const events = taskEvents(info);
  if (!snap.settings.recordHistory) snap.history.emit(fiber, events.scheduled);
  else if (events.plainScheduledDetails !== undefined && settings === NO_SETTINGS)
    // Only the parameters are kept for the event (they are the state's data anyway).
    snap.history.emitLater(fiber, events.scheduled, events.plainScheduledDetails, parameters);
  else {
    const scheduled: ScheduledDetails = { region: snap.settings.region, parameters, settings };
    snap.history.emitLater(fiber, events.scheduled, events.scheduledDetails, scheduled);
  }
  if (!fiber.concurrent) return begin(fiber, run, info, handler, parameters, settings);
  const scheduled: ScheduledCall = { kind: 'scheduled', info, handler, parameters, settings };
  run.work = scheduled;
  schedule(fiber, STARTED);
  return WAITING;
}

/** Starts the scheduled call: `TaskStarted`, the task input contract, then the call; waits for the answer. */
function begin(
  fiber: Fiber,
  run: StateRun,
  info: ResourceInfo,
  handler: TaskHandler | undefined,
  parameters: JsonValue,
  settings: TaskSettings,
): Progress | Promise<Progress> {
  const snap = fiber.snap;
  const events = taskEvents(info);
  snap.history.emit(fiber, events.started, snap.settings.recordHistory ? events.startedDetails : undefined);
  const input = info.lambdaInvoke ? payloadOf(parameters) : parameters;
  const inputSchema = contractFor(snap, run.name, 'taskInput');
  if (inputSchema === undefined) return submit(fiber, run, info, handler, input, settings);
  return checkContract(fiber, run.name, 'taskInput', inputSchema, input).then(() =>
    submit(fiber, run, info, handler, input, settings),
  );
}

function submit(
  fiber: Fiber,
  run: StateRun,
  info: ResourceInfo,
  handler: TaskHandler | undefined,
  input: JsonValue,
  settings: TaskSettings,
): Progress {
  const call = startCall(fiber, run, 'task', info, handler, input, settings);
  run.work = call;
  if (handler !== undefined) return waitOn(fiber, call);
  // No handler for a callback: the service call is taken to succeed with an empty response.
  emitSubmitted(fiber, taskEvents(info), {});
  return awaitToken(fiber, run, call);
}

/** A Task beside siblings wakes up to start its scheduled call (one shared, frozen wake). */
const STARTED: Wake = Object.freeze({ kind: 'started' });

/** A submitted callback task waits for its token; `waitForTaskToken` hears of it. */
function awaitToken(fiber: Fiber, run: StateRun, call: Call): typeof WAITING {
  call.phase = 'waiting';
  addEffect(fiber.snap, {
    kind: 'token',
    offer: { token: call.token ?? '', state: run.name, input: run.input, parameters: call.input },
  });
  return waitOn(fiber, { kind: 'token', call });
}

/** The task's answer: a failure fails it; a value is checked, sized and becomes the result. */
function finish(
  fiber: Fiber,
  run: StateRun,
  state: TaskState,
  call: Call,
  answer: Answer,
): Progress | Promise<Progress> {
  const events = taskEvents(call.info);
  if (!answer.ok) {
    endCall(call, 'failed');
    emitFailed(fiber, events, answer.error, answer.cause, false);
    throw verbatim(answer.error, answer.cause);
  }
  endCall(call, 'succeeded');
  const resultSchema = contractFor(fiber.snap, run.name, 'taskResult');
  if (resultSchema === undefined) return succeed(fiber, run, state, call, answer.value);
  return checkContract(fiber, run.name, 'taskResult', resultSchema, answer.value).then(() =>
    succeed(fiber, run, state, call, answer.value),
  );
}

function succeed(
  fiber: Fiber,
  run: StateRun,
  state: TaskState,
  call: Call,
  value: JsonValue,
): Progress | Promise<Progress> {
  const snap = fiber.snap;
  const events = taskEvents(call.info);
  // `.sync`: the handler answers with the job's final description; a job that ended badly fails the task.
  const job =
    call.info.pattern === 'sync'
      ? jobOutcome(call.info.resourceType, call.info.resourceName, value)
      : undefined;
  if (job?.kind === 'failed') {
    emitFailed(fiber, events, job.error, job.cause, false);
    throw verbatim(job.error, job.cause);
  }
  const answered = job === undefined ? value : job.result;
  // Only a request-response `lambda:invoke` wraps its result in the Invoke API's response; a callback's result is
  // exactly what SendTaskSuccess sent.
  const result =
    call.info.lambdaInvoke && call.info.pattern === 'request' ? envelopeOf(fiber, answered) : answered;
  if (exceedsPayloadLimit(result)) {
    // AWS names the task by what it called: the service (`lambda` for lambda:invoke) or the function ARN.
    const cause = dataLimitCause(
      call.info.kind === 'integration' ? call.info.resourceType : state.Resource,
      result,
    );
    emitFailed(fiber, events, 'States.DataLimitExceeded', cause, false);
    throw verbatim('States.DataLimitExceeded', cause);
  }
  if (snap.settings.recordHistory)
    snap.history.emitLater(fiber, events.succeeded, events.outputDetails, result);
  else snap.history.emit(fiber, events.succeeded);
  return outputWithResult(fiber, run, state, run.input, result);
}

/** The Lambda Invoke API's response around a function's return value. */
function envelopeOf(fiber: Fiber, payload: JsonValue): JsonObject {
  const snap = fiber.snap;
  return lambdaEnvelope(payload, randomUuid(snap.random), snap.now);
}

/** What a Lambda function receives from `lambda:invoke`: the `Payload` parameter (an empty object when absent). */
function payloadOf(parameters: JsonValue): JsonValue {
  return isJsonObject(parameters) && Object.hasOwn(parameters, 'Payload')
    ? (parameters.Payload as JsonValue)
    : {};
}

/**
 * The role of `Credentials`, once evaluated: `{RoleArn}` / `{"RoleArn.$": path or intrinsic}` over the state input
 * (JSONPath), or JSONata (`{RoleArn: "{% %}"}` or one `{% %}` string giving the object or the ARN).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html#task-state-fields
 */
function roleOf(run: StateRun, value: JsonValue): { readonly roleArn: string } {
  const roleArn =
    typeof value === 'string' ? value : isJsonObject(value) ? ownField(value, 'RoleArn') : undefined;
  if (typeof roleArn === 'string') return { roleArn };
  throw new StatesError(
    run.jsonata ? 'States.QueryEvaluationError' : 'States.Runtime',
    `The Credentials field of state '${run.name}' must give a string RoleArn, but was: ${JSON.stringify(value)}`,
  );
}

/** TimeoutSeconds / HeartbeatSeconds in JSONPath (literal or `*Path`): a positive integer or undefined. */
function pathSeconds(
  fiber: Fiber,
  run: StateRun,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
  literal: number | string | undefined,
  path: string | undefined,
): number | undefined {
  if (literal !== undefined) return positiveSeconds(run, field, literal, undefined);
  if (path === undefined) return undefined;
  return positiveSeconds(
    run,
    field,
    readReferencePath(path, scopeOf(fiber, run, run.input, `${field}Path`)),
    path,
  );
}

/** The same in JSONata, where the literal may be a `{% %}` expression. */
async function jsonataSeconds(
  fiber: Fiber,
  run: StateRun,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
  literal: number | string | undefined,
  path: string | undefined,
): Promise<number | undefined> {
  if (typeof literal !== 'string') return pathSeconds(fiber, run, field, literal, path);
  return positiveSeconds(run, field, await jsonataField(fiber, run, literal, run.input, field), undefined);
}

function positiveSeconds(
  run: StateRun,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
  value: JsonValue,
  path: string | undefined,
): number {
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
  /** Builders of the `…Scheduled` and `…Succeeded` details (shared by every event of the resource). */
  readonly scheduledDetails: (scheduled: ScheduledDetails) => JsonObject;
  /** The same from the parameters alone, for a task with no timeout, heartbeat or credentials (not for Task*). */
  readonly plainScheduledDetails: ((parameters: JsonValue) => JsonObject) | undefined;
  readonly outputDetails: (output: JsonValue) => JsonObject;
}

const eventsByResource = new WeakMap<ResourceInfo, TaskEvents>();
/** The last resource asked for (a Task asks four times; a chain mostly calls one resource). */
let lastInfo: ResourceInfo | undefined;
let lastEvents: TaskEvents | undefined;

/** The event types of a resource, built once per (memoised) `ResourceInfo`. */
function taskEvents(info: ResourceInfo): TaskEvents {
  if (info === lastInfo) return lastEvents as TaskEvents;
  let events = eventsByResource.get(info);
  if (events === undefined) {
    const family = info.kind === 'lambda' ? 'LambdaFunction' : info.kind === 'activity' ? 'Activity' : 'Task';
    const ids =
      family === 'Task'
        ? (Object.freeze({ resourceType: info.resourceType, resource: info.resourceName }) as JsonObject)
        : undefined;
    const built: TaskEvents = {
      scheduled: `${family}Scheduled`,
      started: `${family}Started`,
      succeeded: `${family}Succeeded`,
      failed: `${family}Failed`,
      timedOut: `${family}TimedOut`,
      ids,
      startedDetails: family === 'Activity' ? STARTED_BY : ids,
      scheduledDetails: (scheduled) => scheduledDetails(built, info.resource, scheduled),
      plainScheduledDetails:
        ids === undefined
          ? (parameters) =>
              scheduledDetails(built, info.resource, { region: '', parameters, settings: NO_SETTINGS })
          : undefined,
      outputDetails: (output) => outputDetails(built, output),
    };
    events = built;
    eventsByResource.set(info, events);
  }
  lastInfo = info;
  lastEvents = events;
  return events;
}

/** What a `…Scheduled` event's details are built from (kept until the history is read). */
interface ScheduledDetails {
  /** The execution's region (what a Task* `TaskScheduled` records). */
  readonly region: string;
  readonly parameters: JsonValue;
  readonly settings: TaskSettings;
}

/** `…Scheduled` details (built when the history is read). */
function scheduledDetails(events: TaskEvents, resource: string, scheduled: ScheduledDetails): JsonObject {
  const { region, parameters, settings } = scheduled;
  const { timeout, heartbeat, credentials } = settings;
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
}

/** `{resourceType, resource}` (Task* family), then the output text. */
function outputDetails(events: TaskEvents, output: JsonValue): JsonObject {
  const details: JsonObject = { ...events.ids };
  details.output = JSON.stringify(output);
  details.outputDetails = NOT_TRUNCATED;
  return details;
}

function emitSubmitted(fiber: Fiber, events: TaskEvents, output: JsonValue): void {
  const snap = fiber.snap;
  snap.history.emit(
    fiber,
    'TaskSubmitted',
    snap.settings.recordHistory ? outputDetails(events, output) : undefined,
  );
}

function emitFailed(
  fiber: Fiber,
  events: TaskEvents,
  error: string,
  cause: string | undefined,
  timedOut: boolean,
): void {
  const snap = fiber.snap;
  snap.history.emit(
    fiber,
    timedOut ? events.timedOut : events.failed,
    snap.settings.recordHistory
      ? () => {
          const details: JsonObject = { ...events.ids };
          if (error !== '') details.error = error;
          if (cause !== undefined) details.cause = cause;
          return details;
        }
      : undefined,
  );
}
