import type { Assign, JsonObject, JsonValue } from '@stepcraft/asl';
import { contextOf } from './context-object.js';
import { StatesError } from './errors.js';
import { inspect } from './inspection.js';
import { isJsonObject } from './io/json.js';
import { applyInputPath, applyOutputPath, applyPayloadTemplate, applyResultPath } from './io/jsonpath.js';
import type { EvaluationScope } from './io/scope.js';
import { evaluateJsonataValue } from './jsonata/evaluate.js';
import type { Fiber, Snapshot, StateRun } from './snapshot.js';
import { nextOf, type StateOutcome } from './state-outcome.js';

/** Extra `$states` members and context for one evaluation site. */
export interface ScopeExtras {
  readonly result?: JsonValue;
  readonly errorOutput?: JsonValue;
  readonly context?: JsonValue;
}

/** A scope of the running state: what `contextOfScope` needs to build `$$` when it is read. */
interface StateScope extends EvaluationScope {
  readonly snap: Snapshot;
  readonly run: StateRun;
  readonly givenContext: JsonValue | undefined;
}

/**
 * `scope.context()` of every state scope: one shared function, not a closure per scope (scopes are made several
 * times per state, and tsx's keepNames would name each closure). Most evaluations never read `$$`, so the context
 * object is built only here.
 */
function contextOfScope(this: StateScope): JsonValue {
  return this.givenContext ?? contextOf(this.snap, this.run);
}

/** The `EvaluationScope` of one field of the running state. */
export function scopeOf(
  fiber: Fiber,
  run: StateRun,
  input: JsonValue,
  field: string,
  extras?: ScopeExtras,
): EvaluationScope {
  const snap = fiber.snap;
  const scope: StateScope = {
    input,
    context: contextOfScope,
    variables: fiber.vars.lookup,
    stateName: run.name,
    field,
    random: snap.random,
    now: snap.clock,
    stop: snap.interrupt.stop,
    result: extras?.result,
    errorOutput: extras?.errorOutput,
    snap,
    run,
    givenContext: extras?.context,
  };
  return scope;
}

/** `InputPath` of the running state over `raw` (absent: `raw` itself, without building a scope). */
export function inputPathOf(
  fiber: Fiber,
  run: StateRun,
  path: string | null | undefined,
  raw: JsonValue,
): JsonValue {
  const effective = path === undefined ? raw : applyInputPath(path, scopeOf(fiber, run, raw, 'InputPath'));
  inspect(run, 'afterInputPath', effective);
  return effective;
}

/** `OutputPath` of the running state over `value` (absent: `value` itself). */
export function outputPathOf(
  fiber: Fiber,
  run: StateRun,
  path: string | null | undefined,
  value: JsonValue,
): JsonValue {
  return path === undefined ? value : applyOutputPath(path, scopeOf(fiber, run, value, 'OutputPath'));
}

/** JSONata `Arguments` (absent: the raw input), recorded for inspection. */
export async function jsonataArguments(
  fiber: Fiber,
  run: StateRun,
  args: JsonValue | undefined,
  raw: JsonValue,
): Promise<JsonValue> {
  const value = args === undefined ? raw : await jsonataField(fiber, run, args, raw, 'Arguments');
  inspect(run, 'afterArguments', value);
  return value;
}

/** JSONPath effective input: InputPath, then Parameters (or Map's ItemSelector elsewhere). */
export function jsonPathEffectiveInput(
  fiber: Fiber,
  run: StateRun,
  raw: JsonValue,
  inputPath: string | null | undefined,
  parameters: JsonObject | undefined,
): JsonValue {
  const afterInputPath = inputPathOf(fiber, run, inputPath, raw);
  if (parameters === undefined) return afterInputPath;
  const effective = applyPayloadTemplate(parameters, scopeOf(fiber, run, afterInputPath, 'Parameters'));
  inspect(run, 'afterParameters', effective);
  return effective;
}

/**
 * Evaluates an `Assign` block (JSONPath: a payload template over `input`; JSONata: `{% %}` values with `$states`).
 * Returns the assignments to apply after the state, or undefined when there is none.
 */
export async function evaluateAssign(
  fiber: Fiber,
  run: StateRun,
  assign: Assign | undefined,
  input: JsonValue,
  extras?: ScopeExtras,
): Promise<Map<string, JsonValue> | undefined> {
  if (assign === undefined) return undefined;
  if (!run.jsonata) return jsonPathAssign(fiber, run, assign, input);
  const values = await evaluateJsonataValue(assign, scopeOf(fiber, run, input, 'Assign', extras), 'Assign');
  return assignments(run, values);
}

/** `Assign` of a JSONPath state: synchronous, so Pass and Choice states need no promise. */
export function jsonPathAssign(
  fiber: Fiber,
  run: StateRun,
  assign: Assign | undefined,
  input: JsonValue,
): Map<string, JsonValue> | undefined {
  if (assign === undefined) return undefined;
  return assignments(run, applyPayloadTemplate(assign, scopeOf(fiber, run, input, 'Assign')));
}

function assignments(run: StateRun, values: JsonValue): Map<string, JsonValue> {
  if (!isJsonObject(values)) {
    throw new StatesError('States.Runtime', `The Assign field of state '${run.name}' must be an object.`);
  }
  return new Map(Object.entries(values));
}

/** JSONata `Output` (or the given default when absent). */
export async function jsonataOutput(
  fiber: Fiber,
  run: StateRun,
  output: JsonValue | undefined,
  input: JsonValue,
  fallback: JsonValue,
  extras?: ScopeExtras,
): Promise<JsonValue> {
  if (output === undefined) return fallback;
  return evaluateJsonataValue(output, scopeOf(fiber, run, input, 'Output', extras), 'Output');
}

/** A JSONata-or-literal field (`Arguments`, `Items`, `Seconds`…): literal values pass through unevaluated when they hold no `{% %}`. */
export function jsonataField(
  fiber: Fiber,
  run: StateRun,
  value: JsonValue,
  input: JsonValue,
  field: string,
  extras?: ScopeExtras,
): Promise<JsonValue> {
  return evaluateJsonataValue(value, scopeOf(fiber, run, input, field, extras), field);
}

/** The fields of Task, Parallel and Map that shape their output from a result. */
interface ResultHandling {
  readonly Next?: string;
  readonly End?: boolean;
  readonly Assign?: Assign;
  readonly Output?: JsonValue;
  readonly ResultSelector?: JsonObject;
  readonly ResultPath?: string | null;
  readonly OutputPath?: string | null;
}

/**
 * Output and assignments of Task, Parallel and Map once their result is in. JSONPath: Assign reads the raw result,
 * then ResultSelector → ResultPath (into the raw input) → OutputPath. JSONata: Assign and Output with `$states.result`.
 */
export function outputWithResult(
  fiber: Fiber,
  run: StateRun,
  state: ResultHandling,
  raw: JsonValue,
  result: JsonValue,
): StateOutcome | Promise<StateOutcome> {
  const next = nextOf(state);
  inspect(run, 'result', result);
  if (run.jsonata) return jsonataOutputWithResult(fiber, run, state, raw, result, next);
  const assigned = jsonPathAssign(fiber, run, state.Assign, result);
  let selected = result;
  if (state.ResultSelector !== undefined) {
    selected = applyPayloadTemplate(state.ResultSelector, scopeOf(fiber, run, result, 'ResultSelector'));
    inspect(run, 'afterResultSelector', selected);
  }
  const merged = applyResultPath(raw, state.ResultPath, selected, run.name);
  inspect(run, 'afterResultPath', merged);
  return {
    output: outputPathOf(fiber, run, state.OutputPath, merged),
    next,
    assigned,
  };
}

async function jsonataOutputWithResult(
  fiber: Fiber,
  run: StateRun,
  state: ResultHandling,
  raw: JsonValue,
  result: JsonValue,
  next: string | undefined,
): Promise<StateOutcome> {
  const extras = { result };
  const assigned = await evaluateAssign(fiber, run, state.Assign, raw, extras);
  return { output: await jsonataOutput(fiber, run, state.Output, raw, result, extras), next, assigned };
}
