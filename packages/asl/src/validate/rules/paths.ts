import type { IntrinsicCall } from '../../intrinsics/ast.js';
import { INTRINSIC_FUNCTIONS } from '../../intrinsics/functions.js';
import { parseIntrinsic } from '../../intrinsics/parse.js';
import { has, isObject, own } from '../../json-shape.js';
import { checkJsonPath } from '../../paths/jsonpath.js';
import { readRoot } from '../../paths/lexer.js';
import { parseReferencePath } from '../../paths/reference-path.js';
import { isDeployTimeValue, maskPlaceholders } from '../../placeholders.js';
import {
  type Ctx,
  describe,
  fieldName,
  type Pointer,
  reportAt,
  reportCycle,
  type StateVisit,
  statePointer,
} from '../context.js';
import { show } from '../values.js';

/**
 * The intrinsic functions that return a string: the only ones Fail's ErrorPath and CausePath accept.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
const STRING_INTRINSICS: ReadonlySet<string> = new Set([
  'States.Format',
  'States.JsonToString',
  'States.ArrayGetItem',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.UUID',
]);

/**
 * How deeply intrinsic calls may nest in one field.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
const MAX_CALL_DEPTH = 10;

// Constant pointers, not array literals in the checks: a literal is a new array per state checked.
const BATCH_PATH_FIELDS = ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath'] as const;
const RESULT_PATH: Pointer = ['ResultPath'];
const PARAMETERS: Pointer = ['Parameters'];
const RESULT_SELECTOR: Pointer = ['ResultSelector'];
const ITEM_SELECTOR: Pointer = ['ItemSelector'];
const CREDENTIALS: Pointer = ['Credentials'];
const STATE: Pointer = [];

/**
 * JSONPath states: InputPath/OutputPath, ResultPath, `*Path` fields, ErrorPath/CausePath and payload templates.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 */
export function checkStatePaths(ctx: Ctx, visit: StateVisit): void {
  if (visit.language !== 'JSONPath') return;
  // Each field read by name (one object shape, so V8 reads them in a cycle or two): see state-fields.ts.
  const { fields } = visit;
  if (fields.InputPath !== null) checkPathField(ctx, visit, 'InputPath', fields.InputPath);
  if (fields.OutputPath !== null) checkPathField(ctx, visit, 'OutputPath', fields.OutputPath);
  if (fields.ResultPath !== undefined) checkResultPath(ctx, visit, RESULT_PATH, fields.ResultPath);
  // A non-string ItemsPath is reported by the Map settings rule.
  if (typeof fields.ItemsPath === 'string') checkPathField(ctx, visit, 'ItemsPath', fields.ItemsPath);
  checkPathField(ctx, visit, 'SecondsPath', fields.SecondsPath);
  checkPathField(ctx, visit, 'TimestampPath', fields.TimestampPath);
  checkPathField(ctx, visit, 'TimeoutSecondsPath', fields.TimeoutSecondsPath);
  checkPathField(ctx, visit, 'HeartbeatSecondsPath', fields.HeartbeatSecondsPath);
  checkPathField(ctx, visit, 'MaxConcurrencyPath', fields.MaxConcurrencyPath);
  checkPathField(ctx, visit, 'ToleratedFailureCountPath', fields.ToleratedFailureCountPath);
  checkPathField(ctx, visit, 'ToleratedFailurePercentagePath', fields.ToleratedFailurePercentagePath);
  if (fields.ErrorPath !== undefined)
    checkDynamicValue(ctx, visit, STATE, 'ErrorPath', fields.ErrorPath, STRING_INTRINSICS);
  if (fields.CausePath !== undefined)
    checkDynamicValue(ctx, visit, STATE, 'CausePath', fields.CausePath, STRING_INTRINSICS);
  if (fields.Parameters !== undefined) checkTemplate(ctx, visit, PARAMETERS, fields.Parameters, false);
  if (fields.ResultSelector !== undefined)
    checkTemplate(ctx, visit, RESULT_SELECTOR, fields.ResultSelector, false);
  if (fields.ItemSelector !== undefined) checkTemplate(ctx, visit, ITEM_SELECTOR, fields.ItemSelector, false);
  // A Task's Credentials that are not an object are reported by the Task settings rule.
  if (fields.Credentials !== undefined && (visit.type !== 'Task' || isObject(fields.Credentials)))
    checkTemplate(ctx, visit, CREDENTIALS, fields.Credentials, true);
  checkDistributedPaths(ctx, visit);
  if (fields.Assign !== undefined) checkTemplate(ctx, visit, ['Assign'], fields.Assign, false);
  const catchers = fields.Catch;
  if (Array.isArray(catchers)) {
    for (const [i, catcher] of catchers.entries()) {
      if (!isObject(catcher)) continue;
      if (has(catcher, 'ResultPath'))
        checkResultPath(ctx, visit, ['Catch', i, 'ResultPath'], catcher.ResultPath);
      if (has(catcher, 'Assign')) checkTemplate(ctx, visit, ['Catch', i, 'Assign'], catcher.Assign, false);
    }
  }
  const rules = fields.Choices;
  if (Array.isArray(rules)) {
    for (const [i, rule] of rules.entries()) {
      if (isObject(rule) && has(rule, 'Assign'))
        checkTemplate(ctx, visit, ['Choices', i, 'Assign'], rule.Assign, false);
    }
  }
}

function checkDistributedPaths(ctx: Ctx, visit: StateVisit): void {
  const { fields } = visit;
  const reader = fields.ItemReader;
  if (isObject(reader) && has(reader, 'Parameters'))
    checkTemplate(ctx, visit, ['ItemReader', 'Parameters'], reader.Parameters, false);
  const writer = fields.ResultWriter;
  if (isObject(writer) && has(writer, 'Parameters'))
    checkTemplate(ctx, visit, ['ResultWriter', 'Parameters'], writer.Parameters, false);
  const config = isObject(reader) ? own(reader, 'ReaderConfig') : undefined;
  if (isObject(config) && has(config, 'MaxItemsPath')) {
    checkPathValue(ctx, visit, ['ItemReader', 'ReaderConfig', 'MaxItemsPath'], config.MaxItemsPath);
  }
  const batcher = fields.ItemBatcher;
  if (isObject(batcher)) {
    for (const field of BATCH_PATH_FIELDS) {
      if (has(batcher, field)) checkPathValue(ctx, visit, ['ItemBatcher', field], batcher[field]);
    }
    if (has(batcher, 'BatchInput'))
      checkTemplate(ctx, visit, ['ItemBatcher', 'BatchInput'], batcher.BatchInput, false);
  }
}

// Definitions repeat the same paths and calls in many states: each distinct text is parsed once (parsers are pure;
// the memos are bounded because the texts come from input).
const MEMO_LIMIT = 10_000;
const JSON_PATHS = new Map<string, ReturnType<typeof checkJsonPath>>();
const REFERENCE_PATHS = new Map<string, ReturnType<typeof parseReferencePath>>();
const INTRINSICS = new Map<string, ReturnType<typeof parseIntrinsic>>();
const ROOTS = new Map<string, ReturnType<typeof readRoot>>();

function once<T>(memo: Map<string, T>, text: string, parse: (text: string) => T): T {
  let result = memo.get(text);
  if (result === undefined) {
    result = parse(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, result);
  }
  return result;
}

/** Checks the path in `field` of the state, when present. */
function checkPathField(ctx: Ctx, visit: StateVisit, field: string, value: unknown): void {
  if (value !== undefined) checkPathValue(ctx, visit, [field], value);
}

/** Checks a JSONPath (`$…`, `$$…`, `$var…`); placeholders are accepted wherever a value may stand. */
export function checkPathValue(ctx: Ctx, visit: StateVisit, field: Pointer, value: unknown): void {
  if (isDeployTimeValue(value)) return;
  const name = fieldName(field);
  if (typeof value !== 'string') {
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      field,
      `${describe(visit)}: ${name} must be a path string such as "$.items", got ${show(value)}.`,
    );
    return;
  }
  if (!ctx.checkPaths) return;
  const result = once(JSON_PATHS, maskPlaceholders(value), checkJsonPath);
  if (!result.ok) {
    reportAt(
      ctx,
      visit,
      'INVALID_PATH',
      field,
      `${describe(visit)}: ${name} ${JSON.stringify(value)} is not a valid path: ${result.message} (at offset ${result.offset}).`,
    );
  }
}

/** ResultPath: `null` or a reference path into the state input — never `$$` nor a variable. */
export function checkResultPath(ctx: Ctx, visit: StateVisit, field: Pointer, value: unknown): void {
  if (value === null || isDeployTimeValue(value)) return;
  if (typeof value !== 'string') {
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      field,
      `${describe(visit)}: ResultPath must be a path such as "$.result" or null, got ${show(value)}.`,
    );
    return;
  }
  const root = once(ROOTS, value, readRoot);
  if (root.ok && root.value.value.kind !== 'input') {
    const what =
      root.value.value.kind === 'context'
        ? 'the Context Object ($$)'
        : `a variable (${value.slice(0, root.value.end)})`;
    reportAt(
      ctx,
      visit,
      'INVALID_PATH',
      field,
      `${describe(visit)}: ResultPath ${JSON.stringify(value)} cannot write into ${what}; use a path under "$", or Assign to set variables.`,
    );
    return;
  }
  if (!ctx.checkPaths) return;
  const result = once(REFERENCE_PATHS, maskPlaceholders(value), parseReferencePath);
  if (!result.ok) {
    reportAt(
      ctx,
      visit,
      'INVALID_PATH',
      field,
      `${describe(visit)}: ResultPath ${JSON.stringify(value)} is not a valid reference path: ${result.message} (at offset ${result.offset}).`,
    );
  }
}

/**
 * Checks a payload template: `.$` keys hold paths or intrinsic calls, and no key appears both with and without
 * `.$`, at any depth.
 */
export function checkTemplate(
  ctx: Ctx,
  visit: StateVisit,
  field: Pointer,
  value: unknown,
  requireObject: boolean,
): void {
  if (requireObject && !isObject(value)) {
    if (isDeployTimeValue(value)) return;
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      field,
      `${describe(visit)}: ${fieldName(field)} must be a JSON object, got ${show(value)}.`,
    );
    return;
  }
  walkTemplate(ctx, visit, field, value, undefined);
}

// `ancestors` holds the objects being walked (a cyclic object graph must not loop forever); it is made on the first
// descent, as most templates are flat.
function walkTemplate(
  ctx: Ctx,
  visit: StateVisit,
  at: Pointer,
  value: unknown,
  ancestors: Set<unknown> | undefined,
): void {
  if (typeof value !== 'object' || value === null) return;
  if (ancestors?.has(value)) {
    reportCycle(ctx, [...statePointer(visit.machine, visit.name), ...at], visit.name);
    return;
  }
  if (Array.isArray(value)) {
    const path = (ancestors ?? new Set()).add(value);
    for (const [i, item] of value.entries()) walkTemplate(ctx, visit, [...at, i], item, path);
    path.delete(value);
  } else if (isObject(value)) {
    const keys = Object.keys(value);
    let path = ancestors;
    let isAdded = false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const item = value[key];
      const dynamic = key.endsWith('.$');
      // Keys are unique, so only "k.$" beside "k" can clash: reported at whichever of the two comes second.
      if (dynamic) {
        const output = key.slice(0, -2);
        const plain = keys.indexOf(output);
        if (plain >= 0) {
          reportAt(
            ctx,
            visit,
            'DUPLICATE_TEMPLATE_KEY',
            [...at, plain < i ? key : output],
            `${describe(visit)}: "${output}" appears twice in ${fieldName(at)} once "${output}.$" is renamed; keep one of them.`,
            { key: output },
          );
        }
      }
      if (dynamic) checkDynamicValue(ctx, visit, at, key, item);
      else if (typeof item === 'object' && item !== null) {
        path ??= new Set();
        if (!isAdded) path.add(value);
        isAdded = true;
        walkTemplate(ctx, visit, [...at, key], item, path);
      }
    }
    if (isAdded) path?.delete(value);
  }
}

/**
 * The value of the `.$` key `name` of the object at `at` (or ErrorPath/CausePath of the state): a path or an
 * intrinsic function call — one of `functions` when given. The key's pointer is built only to report.
 */
export function checkDynamicValue(
  ctx: Ctx,
  visit: StateVisit,
  at: Pointer,
  name: string,
  value: unknown,
  functions?: ReadonlySet<string>,
): void {
  if (isDeployTimeValue(value)) return;
  if (typeof value !== 'string') {
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      [...at, name],
      `${describe(visit)}: the value of "${name}" must be a path or an intrinsic function call (a string), got ${show(value)}.`,
    );
    return;
  }
  if (!ctx.checkPaths) return;
  const text = maskPlaceholders(value);
  if (text.startsWith('$')) {
    const result = once(JSON_PATHS, text, checkJsonPath);
    if (!result.ok) {
      reportAt(
        ctx,
        visit,
        'INVALID_PATH',
        [...at, name],
        `${describe(visit)}: "${name}" holds ${JSON.stringify(value)}, not a valid path: ${result.message} (at offset ${result.offset}).`,
      );
    }
    return;
  }
  const call = once(INTRINSICS, text, parseIntrinsic);
  if (!call.ok) {
    reportAt(
      ctx,
      visit,
      'INVALID_INTRINSIC',
      [...at, name],
      `${describe(visit)}: "${name}" holds ${JSON.stringify(value)}, which is neither a path (starting with "$") nor a valid intrinsic function call: ${call.message} (at offset ${call.offset}).`,
    );
    return;
  }
  const problem =
    checkCall(call.value, 1) ??
    (functions === undefined || functions.has(call.value.name)
      ? undefined
      : `${call.value.name} does not return a string; use one of ${[...functions].join(', ')}`);
  if (problem !== undefined)
    reportAt(ctx, visit, 'INVALID_INTRINSIC', [...at, name], `${describe(visit)}: "${name}": ${problem}.`);
}

/** Known function names, arities and nesting depth, recursively; the first problem found, if any. */
function checkCall(call: IntrinsicCall, depth: number): string | undefined {
  if (depth > MAX_CALL_DEPTH) return `intrinsic calls nest more than ${MAX_CALL_DEPTH} deep`;
  const arity = INTRINSIC_FUNCTIONS.get(call.name);
  if (arity === undefined) {
    return `unknown intrinsic function ${call.name}; the functions are ${[...INTRINSIC_FUNCTIONS.keys()].join(', ')}`;
  }
  const count = call.args.length;
  if (count < arity.minArgs || count > arity.maxArgs) {
    const expected =
      arity.minArgs === arity.maxArgs
        ? `${arity.minArgs}`
        : arity.maxArgs === Number.POSITIVE_INFINITY
          ? `at least ${arity.minArgs}`
          : `${arity.minArgs} to ${arity.maxArgs}`;
    return `${call.name} takes ${expected} argument${expected === '1' ? '' : 's'}, got ${count}`;
  }
  for (const arg of call.args) {
    const problem = arg.kind === 'call' ? checkCall(arg, depth + 1) : undefined;
    if (problem !== undefined) return problem;
  }
  return checkLiteralTypes(call);
}

/** Arguments AWS requires to be numbers (paths and nested calls are checked at run time). */
const NUMERIC_ARGS: ReadonlyMap<string, readonly number[]> = new Map([
  ['States.MathAdd', [0, 1]],
  ['States.MathRandom', [0, 1, 2]],
  ['States.ArrayRange', [0, 1, 2]],
  ['States.ArrayPartition', [1]],
  ['States.ArrayGetItem', [1]],
]);

function checkLiteralTypes(call: IntrinsicCall): string | undefined {
  for (const index of NUMERIC_ARGS.get(call.name) ?? []) {
    const arg = call.args[index];
    if (arg !== undefined && arg.kind !== 'number' && arg.kind !== 'path' && arg.kind !== 'call') {
      return `argument ${index + 1} of ${call.name} must be a number or a path, got a ${arg.kind}`;
    }
  }
  return undefined;
}
