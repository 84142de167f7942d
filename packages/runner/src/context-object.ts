import type { JsonObject, JsonValue } from '@stepcraft/asl';
import type { Execution, StateRun } from './execution.js';

/**
 * The context object (`$$`, `$states.context`) of one state attempt, in AWS's key order:
 * Execution, StateMachine, State{Name, EnteredTime[, RetryCount]}, then Task / Map when they apply.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
export function contextObject(
  exec: Execution,
  name: string,
  enteredTime: string,
  extras?: { readonly retryCount?: number; readonly token?: string },
): JsonObject {
  const state: JsonObject = { Name: name, EnteredTime: enteredTime };
  if (extras?.retryCount !== undefined) state.RetryCount = extras.retryCount;
  const context: JsonObject = {
    Execution: exec.contextExecution,
    StateMachine: exec.contextStateMachine,
    State: state,
  };
  if (extras?.token !== undefined) context.Task = { Token: extras.token };
  return context;
}

/** `$$` while a Map's ItemSelector runs: adds `Map.Item.{Index, Value}`. */
export function withMapItem(run: StateRun, index: number, value: JsonValue): JsonValue {
  return { ...(run.context as JsonObject), Map: { Item: { Index: index, Value: value } } };
}
