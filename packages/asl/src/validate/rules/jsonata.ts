import { createRequire } from 'node:module';
import type Jsonata from 'jsonata';
import { pointerOf } from '../../diagnostic.js';
import { isObject, own } from '../../json-shape.js';
import { isJsonataString, jsonataBody } from '../../jsonata.js';
import { maskPlaceholders } from '../../placeholders.js';
import {
  type Ctx,
  describe,
  type Pointer,
  reportAt,
  reportCycle,
  type StateVisit,
  statePointer,
} from '../context.js';
import { callsFunction, statesFields, topLevelInputReference } from './jsonata-ast.js';

/** Which `$states` fields an expression may read. */
interface Scope {
  readonly result: boolean;
  readonly errorOutput: boolean;
}

const PLAIN: Scope = { result: false, errorOutput: false };
const WITH_RESULT: Scope = { result: true, errorOutput: false };
const IN_CATCH: Scope = { result: false, errorOutput: true };
const HAS_RESULT = new Set(['Task', 'Parallel', 'Map']);

let parser: typeof Jsonata | undefined;

/**
 * jsonata's parser, required on first use: only definitions with JSONata pay for it, and `require` reads the file
 * as it is, where Node 20's `import` of a CommonJS module first lexes all 290 kB for its exports (~50 ms).
 */
function jsonata(body: string): Jsonata.Expression {
  parser ??= createRequire(import.meta.url)('jsonata') as typeof Jsonata;
  return parser(body);
}

/**
 * JSONata states: every `{% %}` string parses, strings that open `{%` also close it, and `$states.result` /
 * `$states.errorOutput` appear only where AWS provides them.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function checkJsonata(ctx: Ctx, visit: StateVisit): void {
  if (visit.language !== 'JSONata') return;
  const { fields } = visit;
  checkField(ctx, visit, 'Arguments', fields.Arguments, PLAIN);
  checkField(ctx, visit, 'Items', fields.Items, PLAIN);
  checkField(ctx, visit, 'ItemSelector', fields.ItemSelector, PLAIN);
  checkField(ctx, visit, 'TimeoutSeconds', fields.TimeoutSeconds, PLAIN);
  checkField(ctx, visit, 'HeartbeatSeconds', fields.HeartbeatSeconds, PLAIN);
  checkField(ctx, visit, 'Seconds', fields.Seconds, PLAIN);
  checkField(ctx, visit, 'Timestamp', fields.Timestamp, PLAIN);
  checkField(ctx, visit, 'Error', fields.Error, PLAIN);
  checkField(ctx, visit, 'Cause', fields.Cause, PLAIN);
  checkField(ctx, visit, 'MaxConcurrency', fields.MaxConcurrency, PLAIN);
  checkField(ctx, visit, 'ToleratedFailureCount', fields.ToleratedFailureCount, PLAIN);
  checkField(ctx, visit, 'ToleratedFailurePercentage', fields.ToleratedFailurePercentage, PLAIN);
  checkField(ctx, visit, 'ItemReader', fields.ItemReader, PLAIN);
  checkField(ctx, visit, 'ItemBatcher', fields.ItemBatcher, PLAIN);
  checkField(ctx, visit, 'ResultWriter', fields.ResultWriter, PLAIN);
  checkField(ctx, visit, 'Credentials', fields.Credentials, PLAIN);
  const outer = HAS_RESULT.has(visit.type) ? WITH_RESULT : PLAIN;
  checkField(ctx, visit, 'Output', fields.Output, outer);
  checkField(ctx, visit, 'Assign', fields.Assign, outer);
  for (const [field, scope] of [
    ['Choices', PLAIN],
    ['Catch', IN_CATCH],
  ] as const) {
    const list = fields[field];
    if (!Array.isArray(list)) continue;
    for (const [i, entry] of list.entries()) {
      if (!isObject(entry)) continue;
      for (const key of ['Condition', 'Output', 'Assign']) {
        checkValue(ctx, visit, [field, i, key], own(entry, key), scope, new Set());
      }
    }
  }
}

/** The expressions in a field of the state, when present. */
function checkField(ctx: Ctx, visit: StateVisit, field: string, value: unknown, scope: Scope): void {
  if (value !== undefined) checkValue(ctx, visit, [field], value, scope, new Set());
}

function checkValue(
  ctx: Ctx,
  visit: StateVisit,
  at: Pointer,
  value: unknown,
  scope: Scope,
  path: Set<unknown>,
): void {
  if (typeof value === 'string') {
    checkString(ctx, visit, at, value, scope);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (path.has(value)) {
    reportCycle(ctx, [...statePointer(visit.machine, visit.name), ...at], visit.name);
    return;
  }
  path.add(value);
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? [...value.entries()]
    : Object.entries(value);
  for (const [key, item] of entries) checkValue(ctx, visit, [...at, key], item, scope, path);
  path.delete(value);
}

function checkString(ctx: Ctx, visit: StateVisit, at: Pointer, text: string, scope: Scope): void {
  // `isJsonataString` narrows unknown values; `text` is already a string, so keep its type in the else branch.
  const candidate: unknown = text;
  if (!isJsonataString(candidate)) {
    // AWS reads a half-delimited string as a literal, but it is always a typo for an expression: flag both halves.
    const half = text.startsWith('{%')
      ? 'opens a JSONata expression with "{%" but does not end with "%}"'
      : text.endsWith('%}')
        ? 'ends with "%}" but does not open the JSONata expression with "{%"'
        : undefined;
    if (half !== undefined) {
      reportAt(
        ctx,
        visit,
        'INVALID_JSONATA',
        at,
        `${describe(visit)}: ${JSON.stringify(shorten(text))} ${half}.`,
      );
    }
    return;
  }
  const body = jsonataBody(maskPlaceholders(text));
  const problem = jsonataProblem(body, scope);
  if (problem !== undefined) reportAt(ctx, visit, problem.code, at, `${describe(visit)}: ${problem.message}`);
  else if (body.includes('$eval') && callsFunction(jsonata(body).ast(), 'eval')) {
    // AWS provides JSONata 2.0.6 without $eval and fails the call at run time (T1006): say so before deploying.
    ctx.diagnostics.push({
      code: 'JSONATA_UNSUPPORTED_FUNCTION',
      message: `${describe(visit)}: {%${shorten(body)}%} calls $eval, which Step Functions does not provide; the call fails at run time with "T1006: Attempted to invoke a non-function". Use $parse to read JSON text.`,
      pointer: pointerOf(...statePointer(visit.machine, visit.name), ...at),
      state: visit.name,
      severity: 'warning',
    });
  }
}

/** Parses an expression and checks its `$states` accesses; returns the first problem. */
export function jsonataProblem(
  body: string,
  scope: Scope,
): { code: 'INVALID_JSONATA' | 'JSONATA_STATES_FIELD_UNAVAILABLE'; message: string } | undefined {
  let ast: unknown;
  try {
    ast = jsonata(body).ast();
  } catch (error) {
    const message = isObject(error) && typeof error.message === 'string' ? error.message : String(error);
    const position =
      isObject(error) && typeof error.position === 'number' ? ` (at offset ${error.position})` : '';
    return {
      code: 'INVALID_JSONATA',
      message: `JSONata syntax error in {%${shorten(body)}%}: ${message}${position}.`,
    };
  }
  const input = topLevelInputReference(ast);
  if (input !== undefined) {
    return {
      code: 'INVALID_JSONATA',
      message: `{%${shorten(body)}%} uses ${input} at the top level; read the state input as $states.input (e.g. $states.input.total).`,
    };
  }
  const used = statesFields(ast);
  for (const field of ['result', 'errorOutput'] as const) {
    if (used.has(field) && !scope[field]) {
      const where =
        field === 'result'
          ? 'the Output and Assign of Task, Parallel and Map states'
          : 'the Output and Assign of a Catch';
      return {
        code: 'JSONATA_STATES_FIELD_UNAVAILABLE',
        message: `$states.${field} is not available here; it can only be used in ${where}.`,
      };
    }
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
