import type { JsonValue, PathSegment, ReferencePath } from '@stepcraft/asl';
import type { AssignmentNode, FilterFields } from '../../ir/common-node.js';
import { createObjectTemplateNode, createReferenceNode, type TemplateNode } from '../../ir/template-node.js';
import {
  embed,
  type JsonataScope,
  jsonataExpression,
  jsonataPath,
  jsonataValue,
  quoteJsonata,
} from '../query-language/jsonata.js';
import { substitute } from '../substitute.js';
import { ABSENT } from './absent.js';
import type { EmitContext } from './context.js';

/**
 * JSONata has no InputPath/Parameters/ResultSelector/ResultPath/OutputPath: these helpers compile them into the
 * `Arguments`/`Output` expressions that compute the same values.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function isJsonata(context: EmitContext): boolean {
  return context.dialect.name === 'JSONata';
}

/** A printing scope where `$` is `input`. */
export function scopeOf(
  context: EmitContext,
  input: string,
  field: readonly (string | number)[],
): JsonataScope {
  return { input, report: context.report, field };
}

/** The effective input (the JSONPath InputPath applied to `$states.input`). */
export function effectiveInput(node: FilterFields): string {
  if (node.inputPath === undefined) return '$states.input';
  return node.inputPath === null ? '{}' : jsonataPath('$states.input', node.inputPath.segments);
}

/** The value of a reference path read from `base`. */
function readPath(base: string, path: ReferencePath): string {
  return jsonataPath(base, path.segments);
}

/** `{% base.path %}` (just `base` without a path). */
export function embedRead(base: string, path: ReferencePath | undefined): string {
  return embed(path === undefined ? base : readPath(base, path));
}

/** `base` with `value` set at `segments` (a JSONPath ResultPath), built as nested `$merge`s. */
function setAt(
  base: string,
  segments: readonly PathSegment[],
  value: string,
  context: EmitContext,
  field: string,
): string {
  const [first, ...rest] = segments;
  if (first === undefined) return value;
  if (first.kind === 'index') {
    context.report('RESULT_PATH_INDEX', 'A ResultPath with an array index cannot be compiled to JSONata', [
      field,
    ]);
    return value;
  }
  const inner = setAt(jsonataPath(base, [first]), rest, value, context, field);
  return `$merge([${base}, {${quoteJsonata(first.name)}: ${inner}}])`;
}

const isRoot = (path: ReferencePath | null | undefined): boolean =>
  path === undefined || (path !== null && path.segments.length === 0);

/** ResultPath then OutputPath over `result`, as one expression. */
function placeResult(
  context: EmitContext,
  result: string,
  resultPath: ReferencePath | null | undefined,
  outputPath: ReferencePath | null | undefined,
  field: string,
): string {
  const merged =
    resultPath === null
      ? '$states.input'
      : isRoot(resultPath)
        ? result
        : setAt('$states.input', (resultPath as ReferencePath).segments, result, context, field);
  if (outputPath === undefined) return merged;
  return outputPath === null ? '{}' : jsonataPath(merged, outputPath.segments);
}

/**
 * `Output` of a state whose result is `result` (a template read from `base`): JSON when the result is the output
 * as is, one expression when ResultPath/OutputPath reshape it, nothing when it is JSONata's default.
 */
export function outputField(
  context: EmitContext,
  node: { readonly resultPath?: ReferencePath | null; readonly outputPath?: ReferencePath | null },
  result: TemplateNode | undefined,
  base: string,
  isDefault: boolean,
): Record<string, JsonValue> {
  const scope = scopeOf(context, base, ['Output']);
  if (isRoot(node.resultPath) && node.outputPath === undefined) {
    if (result === undefined || isDefault) return {};
    return { Output: jsonataValue(result, scope) };
  }
  const text = result === undefined ? base : jsonataExpression(result, scope);
  return { Output: embed(placeResult(context, text, node.resultPath, node.outputPath, 'Output')) };
}

/** `Output` of a state without a result (Choice, Wait, Succeed): OutputPath over the effective input. */
export function passThroughOutput(node: FilterFields): Record<string, JsonValue> {
  if (node.inputPath === undefined && node.outputPath === undefined) return {};
  const input = effectiveInput(node);
  if (node.outputPath === undefined) return { Output: embed(input) };
  return node.outputPath === null
    ? { Output: {} }
    : { Output: embed(jsonataPath(input, node.outputPath.segments)) };
}

/** A catcher's `Output`: its ResultPath over the Error Output. */
export function catcherOutput(
  context: EmitContext,
  resultPath: ReferencePath | null | undefined,
): Record<string, JsonValue> {
  if (resultPath === undefined) return {};
  return { Output: embed(placeResult(context, '$states.errorOutput', resultPath, undefined, 'Output')) };
}

/** `Arguments` from a payload template (or the effective input when there is none but an InputPath). */
export function argumentsField(
  context: EmitContext,
  node: FilterFields,
  payload: TemplateNode | undefined,
): Record<string, JsonValue> {
  const input = effectiveInput(node);
  if (payload === undefined) {
    if (node.inputPath === undefined) return {};
    return { Arguments: node.inputPath === null ? {} : embed(input) };
  }
  return { Arguments: jsonataValue(payload, scopeOf(context, input, ['Arguments'])) };
}

/**
 * `Assign` in either language. `result` describes what the IR's `$` is made of (a ResultSelector, a Pass result),
 * so reads go through it; `base` is what `$` is in JSONata.
 */
export function assignField(
  context: EmitContext,
  assign: readonly AssignmentNode[] | undefined,
  result: TemplateNode | undefined,
  base: string,
): Record<string, JsonValue> {
  if (assign === undefined || assign.length === 0) return ABSENT;
  const entries = assign.map((a) => ({
    key: a.name,
    value: result === undefined ? a.value : substitute(a.value, result, context.report, ['Assign', a.name]),
  }));
  const template = createObjectTemplateNode(entries);
  if (isJsonata(context)) return { Assign: jsonataValue(template, scopeOf(context, base, ['Assign'])) };
  const printed = context.dialect.template(template, 'Assign', context.report);
  return printed === undefined ? {} : { Assign: printed };
}

/** The whole effective input as a template (what a Pass without Result/Parameters outputs). */
export const WHOLE_INPUT: TemplateNode = createReferenceNode({ root: { kind: 'input' }, segments: [] });

/**
 * A field given as a constant or computed at run time: `Key: 5`; in JSONPath a path as `KeyPath: "$.x"`; in
 * JSONata any computed value as `Key: "{% … %}"`. `base` is what an input-rooted path reads in JSONata.
 */
export function dynamicField(
  context: EmitContext,
  key: string,
  value: number | string | TemplateNode | undefined,
  base: string,
  at: readonly (string | number)[] = [],
): Record<string, JsonValue> {
  if (value === undefined) return {};
  if (typeof value !== 'object') return { [key]: value };
  if (value.kind === 'literal' || value.kind === 'raw') return { [key]: value.value };
  if (isJsonata(context)) {
    return { [key]: embed(jsonataExpression(value, scopeOf(context, base, [...at, key]))) };
  }
  if (value.kind === 'reference') return { [`${key}Path`]: context.dialect.path(value.path) };
  context.report(
    value.kind === 'jsonata' ? 'JSONATA_IN_JSONPATH' : 'PATH_REQUIRED',
    `${key} is computed by ${value.kind === 'jsonata' ? 'a jsonata(…) expression' : 'an intrinsic'}, which a JSONPath state can only take as a ${key}Path (a path): set queryLanguage: 'JSONata' on the state or workflow`,
    [...at, key],
  );
  return {};
}

/** A payload of a nested resource (ItemReader, ResultWriter): `Parameters` in JSONPath, `Arguments` in JSONata. */
export function nestedPayloadField(
  context: EmitContext,
  payload: TemplateNode | undefined,
  base: string,
  at: readonly (string | number)[],
): Record<string, JsonValue> {
  if (payload === undefined) return {};
  if (isJsonata(context))
    return { Arguments: jsonataValue(payload, scopeOf(context, base, [...at, 'Arguments'])) };
  const printed = context.dialect.template(payload, 'Parameters', (code, message, field) =>
    context.report(code, message, [...at, ...field]),
  );
  return printed === undefined ? {} : { Parameters: printed };
}
