import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { isoTime } from './iso-time.js';
import { uuidAt } from './random.js';
import type { Snapshot, StateRun } from './snapshot.js';

/**
 * The context object (`$$`, `$states.context`) of one state attempt, in AWS's key order:
 * Execution, StateMachine, State{Name, EnteredTime[, RetryCount]}, then Task / Map when they apply.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
export function contextObject(
  snap: Snapshot,
  name: string,
  enteredTime: string,
  extras?: { readonly retryCount?: number; readonly token?: string },
): JsonObject {
  const state: JsonObject = { Name: name, EnteredTime: enteredTime };
  if (extras?.retryCount !== undefined) state.RetryCount = extras.retryCount;
  const context: JsonObject = {
    Execution: executionContext(snap),
    StateMachine: stateMachineContext(snap),
    State: state,
  };
  if (extras?.token !== undefined) context.Task = { Token: extras.token };
  return context;
}

/** `$$.Execution`, built once per execution when first read. */
export function executionContext(snap: Snapshot): JsonObject {
  if (snap.contextExecution === undefined) {
    const { region, accountId, stateMachineType } = snap.settings;
    const name = snap.executionName();
    const kind = stateMachineType === 'EXPRESS' ? 'express' : 'execution';
    snap.contextExecution = {
      Id: `arn:aws:states:${region}:${accountId}:${kind}:${snap.machineName}:${name}`,
      Input: snap.input,
      StartTime: isoTime(snap.startMs),
      Name: name,
      RoleArn: `arn:aws:iam::${accountId}:role/StepFunctions-${snap.machineName}-role`,
      RedriveCount: 0,
    };
  }
  return snap.contextExecution;
}

/** `$$.StateMachine`, built once per execution when first read. */
export function stateMachineContext(snap: Snapshot): JsonObject {
  snap.contextStateMachine ??= {
    Id: `arn:aws:states:${snap.settings.region}:${snap.settings.accountId}:stateMachine:${snap.machineName}`,
    Name: snap.machineName,
  };
  return snap.contextStateMachine;
}

/**
 * The context object of a state entered at `enteredTime` without retry count or token. Context objects are never
 * mutated, so one is kept per state name and reused while virtual time stands still (a loop re-enters its states
 * thousands of times in the same millisecond).
 */
export function entryContext(snap: Snapshot, name: string, enteredTime: string): JsonObject {
  const cached = snap.entryContexts?.get(name);
  if ((cached?.State as JsonObject | undefined)?.EnteredTime === enteredTime) return cached as JsonObject;
  const context = contextObject(snap, name, enteredTime);
  snap.entryContexts ??= new Map();
  snap.entryContexts.set(name, context);
  return context;
}

/**
 * `$$` of the running state, built on first use: an attempt's own (with its RetryCount and Task.Token), or the
 * state's entry context object.
 */
export function contextOf(snap: Snapshot, run: StateRun): JsonObject {
  run.context ??= stateContext(snap, run);
  return run.context as JsonObject;
}

/** `$$` of a state run, built afresh (what `contextOf` keeps; a handler reads it without changing the run). */
export function stateContext(snap: Snapshot, run: StateRun): JsonObject {
  if (!run.attempting) return entryContext(snap, run.name, run.enteredTime);
  const token = attemptToken(run);
  return contextObject(snap, run.name, run.enteredTime, {
    retryCount: run.retryCount,
    ...(token === undefined ? {} : { token }),
  });
}

/**
 * Starts an attempt of a Task, Parallel or Map: its `$$` changes (RetryCount, and for a Task a new task token whose
 * draws start at `tokenAt`, from `reserveUuid`).
 */
export function beginAttempt(run: StateRun, tokenAt: number | undefined): void {
  run.attempting = true;
  run.tokenAt = tokenAt;
  run.token = undefined;
  run.context = undefined;
}

/** The task token of a Task's attempt (built on first read); undefined for Parallel and Map. */
export function attemptToken(run: StateRun): string | undefined {
  if (run.tokenAt === undefined) return undefined;
  run.token ??= uuidAt(run.tokenAt);
  return run.token;
}

/** `$$` while a Map's ItemSelector runs: adds `Map.Item.{Index, Value}`. */
export function withMapItem(snap: Snapshot, run: StateRun, index: number, value: JsonValue): JsonValue {
  return { ...contextOf(snap, run), Map: { Item: { Index: index, Value: value } } };
}
