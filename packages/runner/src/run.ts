import {
  type AslDocument,
  type Diagnostic,
  formatDiagnostics,
  type JsonObject,
  type JsonValue,
  validate,
} from '@stepcraft/asl';
import { type Clock, isoStamper, isoTime, realClock, virtualClock } from './clock.js';
import { RunnerUsageError, StatesError } from './errors.js';
import { runMachine } from './execute.js';
import {
  type Execution,
  type Fiber,
  INTERRUPT,
  isInterrupt,
  type Settings,
  type Termination,
} from './execution.js';
import { sendTaskFailure, sendTaskHeartbeat, sendTaskSuccess } from './handlers.js';
import { historyRecorder, NOT_TRUNCATED } from './history.js';
import { copyJson } from './json-value.js';
import { MAX_JSON_DEPTH, MAX_PAYLOAD_BYTES, payloadProblem } from './limits.js';
import { randomUuid, seededRandom } from './random.js';
import { stopController } from './stop.js';
import type {
  CompiledWorkflow,
  ExecutionHandle,
  ExecutionResult,
  RunnableWorkflow,
  RunOptions,
} from './types.js';
import { variableScope } from './variables.js';

/** Virtual runs start here unless told otherwise, so two runs give identical histories. */
const DEFAULT_START = Date.UTC(2024, 0, 1);
const YEAR_SECONDS = 366 * 24 * 3600;
const EXPRESS_SECONDS = 5 * 60;

/**
 * Runs a workflow to completion. Never throws for a bad definition, bad input or a failing workflow: the result says
 * what happened (`status`, `error`, `cause`, `history`). A definition object is treated as immutable once run: its
 * validation and compiled templates are cached per object (build a new object to change a definition).
 */
export function run(
  workflow: RunnableWorkflow,
  input?: JsonValue,
  options?: RunOptions,
): Promise<ExecutionResult> {
  return start(workflow, input, options).result;
}

/** Parses execution input text (CLI, files) with a clear error; throws `RunnerUsageError`. */
export function parseInput(text: string): JsonValue {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as JsonValue;
  } catch (e) {
    throw new RunnerUsageError(
      `Invalid execution input: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
}

const isCompiled = (workflow: RunnableWorkflow): workflow is CompiledWorkflow =>
  typeof workflow === 'object' && workflow !== null && 'definition' in workflow;

/** Starts a workflow and returns a handle to answer callback tasks, abort it, or read its history as it grows. */
export function start(
  workflow: RunnableWorkflow,
  input: JsonValue = {},
  options: RunOptions = {},
): ExecutionHandle {
  const wallStart = performance.now();
  const compiled = isCompiled(workflow) ? workflow : undefined;
  const definition: AslDocument = compiled === undefined ? (workflow as AslDocument) : compiled.definition;
  const virtual = (options.clock ?? 'virtual') === 'virtual';
  const startMs = startTimeOf(options.startTime, virtual);
  const clock: Clock = virtual ? virtualClock(startMs) : realClock();
  const settings: Settings = {
    handlers: options.handlers,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    maxTransitions: options.maxTransitions ?? 1_000_000,
    maxHistoryEvents: options.maxHistoryEvents ?? 25_000,
    recordHistory: options.recordHistory ?? true,
    contracts: options.contracts ?? 'fail',
    stateMachineType: options.stateMachineType ?? 'STANDARD',
  };
  const random = seededRandom(options.seed ?? 0);
  const machineName = options.stateMachineName ?? compiled?.name ?? 'StateMachine';
  const executionName = options.executionName ?? randomUuid(random);
  const arnBase = `arn:aws:states:${settings.region}:${settings.accountId}`;
  const express = settings.stateMachineType === 'EXPRESS';
  const root = stopController();
  let closing = false;

  const exec: Execution = {
    settings,
    clock,
    stamp: isoStamper(clock.now),
    history: historyRecorder({
      record: settings.recordHistory,
      now: clock.now,
      accept: (count) => {
        if (closing || count <= settings.maxHistoryEvents) return true;
        exec.terminate({
          status: 'FAILED',
          error: 'Stepcraft.HistoryLimitExceeded',
          cause: `The execution history reached ${settings.maxHistoryEvents} events, the limit of a Standard workflow execution. Split the work (e.g. child executions or a Distributed Map) or raise maxHistoryEvents.`,
        });
        return false;
      },
    }),
    random,
    tokens: new Map(),
    workflowHandlers: compiled?.handlers,
    contracts: compiled?.contracts,
    violations: [],
    queryLanguage: definition?.QueryLanguage ?? 'JSONPath',
    contextExecution: {
      Id: `${arnBase}:${express ? 'express' : 'execution'}:${machineName}:${executionName}`,
      Input: input,
      StartTime: isoTime(startMs),
      Name: executionName,
      RoleArn: `arn:aws:iam::${settings.accountId}:role/StepFunctions-${machineName}-role`,
      RedriveCount: 0,
    },
    contextStateMachine: { Id: `${arnBase}:stateMachine:${machineName}`, Name: machineName },
    entryContexts: undefined,
    signal: root.stop,
    transitions: 0,
    termination: undefined,
    terminate(termination: Termination) {
      if (exec.termination !== undefined) return;
      exec.termination = termination;
      root.abort(INTERRUPT);
    },
  };

  const onSignal = (): void =>
    exec.terminate({
      status: 'ABORTED',
      error: 'Stepcraft.Aborted',
      cause: 'The run was aborted through its AbortSignal.',
    });
  options.signal?.addEventListener('abort', onSignal, { once: true });

  const result = (async (): Promise<ExecutionResult> => {
    const finish = (
      outcome: Pick<ExecutionResult, 'status' | 'output' | 'error' | 'cause'>,
      diagnostics?: readonly Diagnostic[],
    ): ExecutionResult => ({
      ...outcome,
      // Serialised on first read (see HistoryRecorder).
      get history() {
        return exec.history.read();
      },
      stats: {
        transitions: exec.transitions,
        events: exec.history.count,
        durationMs: clock.now() - startMs,
        wallMs: performance.now() - wallStart,
      },
      ...(diagnostics === undefined ? {} : { diagnostics }),
      ...(exec.violations.length === 0 ? {} : { contractViolations: exec.violations }),
    });
    const lane = { lastEventId: 0 };
    const record = settings.recordHistory;
    try {
      if (options.validate ?? true) {
        const diagnostics = validated(definition, options.checkArn ?? false, settings.stateMachineType);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          return finish(
            { status: 'FAILED', error: 'Stepcraft.InvalidDefinition', cause: formatDiagnostics(errors) },
            diagnostics,
          );
        }
      }
      const checked = copyJson(input);
      if (!checked.ok) {
        return finish({
          status: 'FAILED',
          error: 'Stepcraft.InvalidInput',
          cause: `The execution input is not JSON: ${checked.message}`,
        });
      }
      const inputProblem = payloadProblem(checked.value);
      if (inputProblem !== undefined) {
        return finish({
          status: 'FAILED',
          error: 'States.DataLimitExceeded',
          cause: `The execution input ${inputProblem === 'size' ? `exceeds the maximum size of ${MAX_PAYLOAD_BYTES} bytes` : `is nested deeper than ${MAX_JSON_DEPTH} levels`}.`,
        });
      }
      exec.history.emit(
        lane,
        'ExecutionStarted',
        record
          ? () => ({
              input: JSON.stringify(checked.value),
              inputDetails: NOT_TRUNCATED,
              roleArn: String(exec.contextExecution.RoleArn),
            })
          : undefined,
      );
      const limit =
        typeof definition.TimeoutSeconds === 'number'
          ? definition.TimeoutSeconds
          : express
            ? EXPRESS_SECONDS
            : YEAR_SECONDS;
      const cancelTimeout = clock.setTimer(limit * 1000, () =>
        exec.terminate({
          status: 'TIMED_OUT',
          error: 'States.Timeout',
          cause: `The execution exceeded its ${limit} s timeout.`,
        }),
      );
      const fiber: Fiber = {
        exec,
        vars: variableScope(),
        signal: root.stop,
        lastEventId: lane.lastEventId,
      };
      let output: JsonValue | undefined;
      let failure: StatesError | undefined;
      try {
        output = await runMachine(fiber, definition, checked.value);
      } catch (thrown) {
        if (thrown instanceof StatesError) failure = thrown;
        else if (!isInterrupt(thrown))
          failure = new StatesError('States.Runtime', `Internal error: ${String(thrown)}`);
      } finally {
        cancelTimeout();
      }
      closing = true;
      lane.lastEventId = fiber.lastEventId;
      const termination = exec.termination;
      if (termination !== undefined) {
        const type =
          termination.status === 'TIMED_OUT'
            ? 'ExecutionTimedOut'
            : termination.status === 'ABORTED'
              ? 'ExecutionAborted'
              : 'ExecutionFailed';
        exec.history.emit(
          lane,
          type,
          record ? errorDetails(termination.error, termination.cause) : undefined,
        );
        return finish({
          status: termination.status,
          error: termination.error,
          ...(termination.cause === undefined ? {} : { cause: termination.cause }),
        });
      }
      if (failure !== undefined) {
        exec.history.emit(
          lane,
          'ExecutionFailed',
          record ? errorDetails(failure.error, failure.cause) : undefined,
        );
        return finish({
          status: 'FAILED',
          ...(failure.error === '' ? {} : { error: failure.error }),
          ...(failure.cause === undefined ? {} : { cause: failure.cause }),
        });
      }
      const final = output ?? null;
      exec.history.emit(
        lane,
        'ExecutionSucceeded',
        record ? () => ({ output: JSON.stringify(final), outputDetails: NOT_TRUNCATED }) : undefined,
      );
      return finish({ status: 'SUCCEEDED', output: final });
    } catch (thrown) {
      // Last line of defence: a bug must still give a result, never a rejection.
      return finish({
        status: 'FAILED',
        error: 'Stepcraft.InternalError',
        cause: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown),
      });
    } finally {
      clock.dispose();
      options.signal?.removeEventListener('abort', onSignal);
      exec.tokens.clear();
    }
  })();

  return {
    result,
    sendTaskSuccess: (token, output) => sendTaskSuccess(exec, token, output),
    sendTaskFailure: (token, error, cause) => sendTaskFailure(exec, token, error, cause),
    sendTaskHeartbeat: (token) => sendTaskHeartbeat(exec, token),
    abort: (error, cause) =>
      exec.terminate({
        status: 'ABORTED',
        error: error ?? 'Stepcraft.Aborted',
        cause: cause ?? 'The execution was aborted.',
      }),
    history: () => exec.history.read(),
  };
}

/** Validation results per definition object and options: definitions are treated as immutable once run. */
const validations = new WeakMap<object, Map<string, readonly Diagnostic[]>>();

/** `validate()`, once per definition object (a workflow run many times, e.g. in tests, is checked once). */
function validated(
  definition: AslDocument,
  checkArn: boolean,
  stateMachineType: Settings['stateMachineType'],
): readonly Diagnostic[] {
  if (typeof definition !== 'object' || definition === null)
    return validate(definition, { checkArn, stateMachineType });
  let byOptions = validations.get(definition);
  if (byOptions === undefined) {
    byOptions = new Map();
    validations.set(definition, byOptions);
  }
  const key = `${checkArn}/${stateMachineType}`;
  let diagnostics = byOptions.get(key);
  if (diagnostics === undefined) {
    diagnostics = validate(definition, { checkArn, stateMachineType });
    byOptions.set(key, diagnostics);
  }
  return diagnostics;
}

function errorDetails(error: string, cause: string | undefined): JsonObject {
  return { ...(error === '' ? {} : { error }), ...(cause === undefined ? {} : { cause }) };
}

function startTimeOf(value: Date | string | undefined, virtual: boolean): number {
  if (value === undefined) return virtual ? DEFAULT_START : Date.now();
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms))
    throw new RunnerUsageError(`Invalid startTime: ${String(value)} (use a Date or an ISO 8601 string).`);
  return ms;
}
