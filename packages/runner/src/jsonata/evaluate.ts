import { isJsonataString, type JsonObject, type JsonValue, jsonataBody } from '@stepcraft/asl';
import type Jsonata from 'jsonata';
import { StatesError } from '../errors.js';
import { boundedMemo } from '../io/cache.js';
import { setField } from '../io/json.js';
import type { EvaluationScope } from '../io/scope.js';
import { BUDGET, type Budget, checkValueSize, EvaluationLimit, enterNode, exitNode } from './budget.js';
import { clockBindings, STEP_FUNCTIONS_FUNCTION_NAMES, stepFunctionsBindings } from './functions.js';
import { keyFunctionBindings } from './key-functions.js';
import { jsonata } from './library.js';
import { isLinear } from './linear.js';
import { ownView, viewTarget } from './own-view.js';
import { bindingName, plainJson, prepareAst } from './plain-keys.js';
import { prepareRegexes } from './regex.js';

/** One expression, compiled once: the jsonata program and the `$names` it may read (bound from the scope). */
type Compiled =
  | {
      readonly ok: true;
      readonly expression: Jsonata.Expression;
      readonly variables: readonly string[];
      /** Whether the key-safe functions are bound on the expression yet (they are read once, asynchronously). */
      keyFunctionsBound: boolean;
      /** Whether it runs under the budget hooks (only expressions that are not linear need them: linear.ts). */
      readonly budgeted: boolean;
    }
  | { readonly ok: false; readonly error: unknown };

/**
 * jsonata looks its evaluation hooks up under symbols bound on the expression; its `assign` takes any key at run time
 * although its types say string, so the expression is seen through this wider view.
 */
interface HookBindable {
  assign(name: string | symbol, value: unknown): void;
}

const compile = boundedMemo<Compiled>(2048, (body) => {
  try {
    const expression = jsonata(body);
    // Decided on the AST as parsed, before the preparation below rewrites it.
    const budgeted = !isLinear(expression.ast());
    if (budgeted) {
      const hooks: HookBindable = expression;
      hooks.assign(Symbol.for('jsonata.__evaluate_entry'), enterNode);
      hooks.assign(Symbol.for('jsonata.__evaluate_exit'), exitNode);
    }
    // Bindings that never change are bound on the expression once, not into every evaluation's frame.
    const regexes = prepareRegexes(expression.ast());
    for (const [name, matcher] of Object.entries(regexes)) expression.assign(name, matcher);
    const variables = prepareAst(expression.ast()).filter(
      (name) => !STEP_FUNCTIONS_FUNCTION_NAMES.has(name) && !Object.hasOwn(regexes, name),
    );
    return { ok: true, expression, variables, keyFunctionsBound: false, budgeted };
  } catch (error) {
    return { ok: false, error };
  }
});

/**
 * Evaluates a JSON value whose strings may be `{% %}` expressions (Arguments, Output, Assign, Items, …): each
 * one is replaced by its value. `location` is AWS's slash path used in causes ('Output', 'Assign/x', …). Nothing
 * (undefined) or an error → `States.QueryEvaluationError`. Expressions run in document order, so seeded
 * `$random`/`$uuid` draws are reproducible.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export async function evaluateJsonataValue(
  value: JsonValue,
  scope: EvaluationScope,
  location: string,
): Promise<JsonValue> {
  if (typeof value === 'string') {
    if (!isJsonataString(value)) return value;
    const result = await evaluateJsonataExpression(value, scope, location);
    if (result === undefined) throw queryError(value, location, 'returned nothing (undefined).');
    return result;
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const [i, item] of value.entries())
      items.push(await evaluateJsonataValue(item, scope, `${location}/${i}`));
    return items;
  }
  if (value === null || typeof value !== 'object') return value;
  const output: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    setField(output, key, await evaluateJsonataValue(item, scope, `${location}/${key}`));
  }
  return output;
}

/**
 * Evaluates one `{% %}` string (any other string is returned as the literal it is). Returns `undefined` when the
 * expression yields nothing, so callers such as Choice `Condition` decide; errors → `States.QueryEvaluationError`.
 */
export async function evaluateJsonataExpression(
  text: string,
  scope: EvaluationScope,
  location: string,
): Promise<JsonValue | undefined> {
  if (!isJsonataString(text)) return text;
  const compiled = compile(jsonataBody(text).trim());
  if (!compiled.ok)
    throw queryError(text, location, `is not a valid JSONata expression: ${describeError(compiled.error)}`);
  let result: unknown;
  try {
    if (!compiled.keyFunctionsBound) {
      for (const [name, fn] of Object.entries(await keyFunctionBindings()))
        compiled.expression.assign(name, fn);
      compiled.keyFunctionsBound = true;
    }
    result = await compiled.expression.evaluate(
      null,
      bindingsFor(compiled.variables, scope, compiled.budgeted),
    );
    // A linear expression's values are bounded by what it reads; its result still gets AWS's bound on one value.
    if (!compiled.budgeted) checkValueSize(result);
  } catch (error) {
    if (scope.stop?.aborted === true) throw scope.stop.reason;
    // AWS separates a bound's cause with a colon, a jsonata error's code with a full stop.
    const separator = error instanceof EvaluationLimit ? ':' : '.';
    throw queryError(text, location, `threw an error during evaluation${separator} ${describeError(error)}`);
  }
  if (result === undefined || result === Object.prototype) return undefined;
  if (!isJsonResult(result)) throw queryError(text, location, 'returned an unsupported result type.');
  return plainJson(result as JsonValue);
}

function queryError(text: string, location: string, problem: string): StatesError {
  return new StatesError(
    'States.QueryEvaluationError',
    `The JSONata expression '${jsonataBody(text).trim()}' specified for the field '${location}' ${problem}`,
  );
}

function describeError(error: unknown): string {
  if (error instanceof StatesError) return error.cause ?? error.error;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { code, message } = error as { code?: unknown; message: unknown };
    return typeof code === 'string' ? `${code}: ${String(message)}` : String(message);
  }
  return String(error);
}

/** `$states`, AWS's functions, and each referenced workflow variable (bound by reference, not copied). */
function bindingsFor(
  variables: readonly string[],
  scope: EvaluationScope,
  budgeted: boolean,
): Record<string, unknown> {
  // The context object is built only if the expression reads it (most never do).
  const states: Record<string, JsonValue> = {
    input: ownView(scope.input),
    get context() {
      return ownView(scope.context());
    },
  };
  if (scope.result !== undefined) states.result = ownView(scope.result);
  if (scope.errorOutput !== undefined) states.errorOutput = ownView(scope.errorOutput);
  const bindings: Record<string, unknown> = { ...stepFunctionsBindings(scope.random), states };
  if (budgeted) {
    const budget: Budget = { steps: 0, depth: 0, allocated: 0, stop: scope.stop };
    bindings[BUDGET] = budget;
  }
  if (scope.now !== undefined) Object.assign(bindings, clockBindings(scope.now));
  for (const name of variables) {
    const value = scope.variables(name);
    // Renamed when a plain object would inherit the name (see plain-keys.ts): `__proto__` stays a variable.
    if (value !== undefined) setField(bindings as JsonObject, bindingName(name), ownView(value));
  }
  return bindings;
}

/** Whether a jsonata result is plain JSON data all the way down (no functions, no non-finite numbers). */
function isJsonResult(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (viewTarget(value) !== undefined) return true; // workflow data, JSON by construction
  if (Array.isArray(value)) return value.every(isJsonResult);
  const marked = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown };
  if (marked._jsonata_function === true || marked._jsonata_lambda === true) return false;
  return Object.values(value).every(isJsonResult);
}
