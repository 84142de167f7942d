import type { PathSegment, ReferencePath } from '@stepcraft/asl';
import type { AssignmentNode, FilterFields } from '../../ir/common-node.js';
import { createLiteralNode, createReferenceNode, type TemplateNode } from '../../ir/template-node.js';
import { assignTemplate, mergeAssign } from '../substitute.js';
import type {
  Draft,
  FieldPath,
  PassThroughFields,
  QueryLanguageDialect,
  Report,
  ResultFields,
  SettingFields,
  SettingKey,
} from './dialect.js';
import {
  embed,
  type JsonataScope,
  jsonataCondition,
  jsonataExpression,
  jsonataObject,
  jsonataPath,
  jsonataReference,
  jsonataValue,
  quoteJsonata,
} from './jsonata.js';

// JSONata has no InputPath, Parameters, ResultSelector, ResultPath or OutputPath: this dialect compiles them into
// the `Arguments`/`Output`/`Assign` expressions that compute the same values.

/** A printing scope where `$` is `input`. */
function scope(input: string, report: Report, field: FieldPath): JsonataScope {
  return { input, report, field };
}

/** The effective input (the JSONPath InputPath applied to `$states.input`). */
function effectiveInput(node: FilterFields): string {
  if (node.inputPath === undefined) return '$states.input';
  return node.inputPath === null ? '{}' : jsonataPath('$states.input', node.inputPath.segments);
}

/** `{% base.path %}` (just `base` without a path). */
function embedRead(base: string, path: ReferencePath | undefined): string {
  return embed(path === undefined ? base : jsonataPath(base, path.segments));
}

/** `base` with `value` set at `segments` (a JSONPath ResultPath), built as nested `$merge`s. */
function setAt(
  base: string,
  segments: readonly PathSegment[],
  value: string,
  report: Report,
  field: string,
): string {
  const [first, ...rest] = segments;
  if (first === undefined) return value;
  if (first.kind === 'index') {
    report('RESULT_PATH_INDEX', 'A ResultPath with an array index cannot be compiled to JSONata', [field]);
    return value;
  }
  const inner = setAt(jsonataPath(base, [first]), rest, value, report, field);
  return `$merge([${base}, {${quoteJsonata(first.name)}: ${inner}}])`;
}

const isRoot = (path: ReferencePath | null | undefined): boolean =>
  path === undefined || (path !== null && path.segments.length === 0);

/** ResultPath then OutputPath over `result`, as one expression. */
function placeResult(
  report: Report,
  result: string,
  resultPath: ReferencePath | null | undefined,
  outputPath: ReferencePath | null | undefined,
): string {
  const merged =
    resultPath === null
      ? '$states.input'
      : resultPath === undefined || resultPath.segments.length === 0
        ? result
        : setAt('$states.input', resultPath.segments, result, report, 'Output');
  if (outputPath === undefined) return merged;
  return outputPath === null ? '{}' : jsonataPath(merged, outputPath.segments);
}

/**
 * `Output` of a state whose result is `result` (a template read from `base`): JSON when the result is the output
 * as is, one expression when ResultPath/OutputPath reshape it, nothing when it is JSONata's default.
 */
function writeOutput(
  out: Draft<ResultFields>,
  node: { readonly resultPath?: ReferencePath | null; readonly outputPath?: ReferencePath | null },
  result: TemplateNode | undefined,
  base: string,
  isDefault: boolean,
  report: Report,
): void {
  const at = scope(base, report, ['Output']);
  if (isRoot(node.resultPath) && node.outputPath === undefined) {
    if (result !== undefined && !isDefault) out.Output = jsonataValue(result, at);
    return;
  }
  const text = result === undefined ? base : jsonataExpression(result, at);
  out.Output = embed(placeResult(report, text, node.resultPath, node.outputPath));
}

/**
 * `Assign`: `through` describes what the IR's `$` is made of (a ResultSelector, a Pass result), so reads go through
 * it; `base` is what `$` is in JSONata.
 */
function writeAssign(
  out: Draft<ResultFields>,
  assign: readonly AssignmentNode[] | undefined,
  through: TemplateNode | undefined,
  base: string,
  report: Report,
): void {
  if (assign === undefined || assign.length === 0) return;
  out.Assign = jsonataObject(assignTemplate(assign, through, report), scope(base, report, ['Assign']));
}

/** `Output` of a state without a result (Choice, Wait, Succeed): OutputPath over the effective input. */
function passThroughOutput(out: Draft<PassThroughFields>, node: FilterFields): void {
  if (node.inputPath === undefined && node.outputPath === undefined) return;
  const input = effectiveInput(node);
  if (node.outputPath === undefined) out.Output = embed(input);
  else out.Output = node.outputPath === null ? {} : embed(jsonataPath(input, node.outputPath.segments));
}

/** The whole effective input as a template (what a Pass without Result/Parameters outputs). */
const WHOLE_INPUT: TemplateNode = createReferenceNode({ root: { kind: 'input' }, segments: [] });

/**
 * The JSONata dialect: `Arguments`, `Output`, `Assign` and `{% … %}` expressions; a JSONPath InputPath,
 * ResultSelector, ResultPath or OutputPath given to the builder is folded into them.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export const jsonataDialect = Object.freeze({
  name: 'JSONata',
  input(out, node, payload, report) {
    const input = effectiveInput(node);
    if (payload !== undefined) out.Arguments = jsonataValue(payload, scope(input, report, ['Arguments']));
    else if (node.inputPath !== undefined) out.Arguments = node.inputPath === null ? {} : embed(input);
  },
  result(out, node, report) {
    writeOutput(out, node, node.resultSelector, '$states.result', false, report);
    writeAssign(out, node.assign, node.resultSelector, '$states.result', report);
  },
  // The Pass result (Result, Parameters or the effective input) is computed inside Output and Assign.
  pass(out, node, report) {
    const result: TemplateNode =
      node.result !== undefined ? createLiteralNode(node.result) : (node.parameters ?? WHOLE_INPUT);
    const input = effectiveInput(node);
    const isInput = result === WHOLE_INPUT && node.inputPath === undefined;
    writeOutput(out, node, result, input, isInput, report);
    writeAssign(out, node.assign, result, input, report);
  },
  inputPath() {},
  passThrough: passThroughOutput,
  assign(out, node, assign, report) {
    writeAssign(out, assign, undefined, effectiveInput(node), report);
  },
  setting(out, key, value, node, report) {
    if (value === undefined) return;
    // Every setting field takes a JSON value, whichever key this is.
    const fields: SettingFields<SettingKey> = out;
    const name: SettingKey = key;
    const at = (): JsonataScope => scope(effectiveInput(node), report, [name]);
    if (typeof value !== 'object') fields[name] = value;
    else if (!('kind' in value)) fields[name] = embed(jsonataReference(value, at()));
    else if (value.kind === 'literal' || value.kind === 'raw') fields[name] = value.value;
    else fields[name] = embed(jsonataExpression(value, at()));
  },
  // Credentials read the raw state input (not the effective one).
  credentials(out, template, report) {
    out.Credentials = jsonataValue(template, scope('$states.input', report, ['Credentials']));
  },
  // Items: the array the JSONPath InputPath and ItemsPath select.
  items(out, node) {
    if (node.itemsPath !== undefined) out.Items = embedRead(effectiveInput(node), node.itemsPath);
    else if (node.inputPath !== undefined) out.Items = embedRead(effectiveInput(node), undefined);
  },
  itemSelector(out, node, report) {
    if (node.itemSelector === undefined) return;
    out.ItemSelector = jsonataValue(node.itemSelector, scope(effectiveInput(node), report, ['ItemSelector']));
  },
  resourcePayload(out, node, payload, report) {
    out.Arguments = jsonataValue(payload, scope(effectiveInput(node), report, ['Arguments']));
  },
  batchInput(out, node, template, report) {
    out.BatchInput = jsonataValue(template, scope(effectiveInput(node), report, ['BatchInput']));
  },
  condition: (node, branch, report) => ({
    Condition: embed(jsonataCondition(branch.condition, scope(effectiveInput(node), report, ['Condition']))),
  }),
  ruleFields(node, branch, state, report) {
    const out: Draft<ResultFields> = {};
    if (branch.output !== undefined) {
      out.Output = jsonataValue(branch.output, scope(effectiveInput(node), report, ['Output']));
    } else if (state.Output !== undefined) out.Output = state.Output;
    if (branch.assign === undefined) {
      if (state.Assign !== undefined) out.Assign = state.Assign;
    } else {
      writeAssign(out, mergeAssign(node.assign, branch.assign), undefined, effectiveInput(node), report);
    }
    return out;
  },
  catcher(node, report) {
    const out: Draft<ResultFields> = {};
    if (node.resultPath !== undefined) {
      out.Output = embed(placeResult(report, '$states.errorOutput', node.resultPath, undefined));
    }
    writeAssign(out, node.assign, undefined, '$states.errorOutput', report);
    return out;
  },
  failText(out, key, text, report) {
    out[key] =
      typeof text === 'string' ? text : embed(jsonataExpression(text, scope('$states.input', report, [key])));
  },
} satisfies QueryLanguageDialect);
