import type { ChoiceRuleExpression, JsonObject, JsonValue, PathSegment, ReferencePath } from '@stepcraft/asl';
import type { ComparisonNode, ConditionNode } from '../../ir/choice-rule-node.js';
import type { IntrinsicNode, ReferenceNode, TemplateNode } from '../../ir/template-node.js';
import { defineKey } from '../define-key.js';
import type { FieldPath, Report } from './dialect.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Prints a reference path: `.name` for identifiers, `['odd name']` otherwise, `[n]` for indexes.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 */
export function printPath(path: ReferencePath): string {
  // The builder shares frozen paths between states (`$.result` in every state of a chain): each prints once.
  const known = PRINTED.get(path);
  if (known !== undefined) return known;
  let text = path.root.kind === 'context' ? '$$' : path.root.kind === 'variable' ? `$${path.root.name}` : '$';
  // Indexed loops over the IR's frozen arrays: for…of there allocates an iterator result per item in V8.
  for (let i = 0; i < path.segments.length; i++) {
    const s = path.segments[i] as PathSegment;
    text += s.kind === 'index' ? `[${s.index}]` : fieldText(s.name);
  }
  if (Object.isFrozen(path)) PRINTED.set(path, text);
  return text;
}

const PRINTED = new WeakMap<ReferencePath, string>();

// Workflows print the same field names over and over: each name's text is worked out once.
const FIELD_TEXT = new Map<string, string>();

function fieldText(name: string): string {
  let text = FIELD_TEXT.get(name);
  if (text === undefined) {
    text = IDENTIFIER.test(name) ? `.${name}` : `['${name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
    if (FIELD_TEXT.size < MEMO_LIMIT) FIELD_TEXT.set(name, text);
  }
  return text;
}

// The `key.$` form of a template key, made once per key: the same string object is then a known property name.
const PATH_KEYS = new Map<string, string>();

function pathKey(key: string): string {
  let text = PATH_KEYS.get(key);
  if (text === undefined) {
    text = `${key}.$`;
    if (PATH_KEYS.size < MEMO_LIMIT) PATH_KEYS.set(key, text);
  }
  return text;
}

/** Bounds the memos above: names come from user code, so their number is not ours to cap otherwise. */
const MEMO_LIMIT = 10_000;

// Inside an intrinsic's string literal, ' { } \ are reserved (Format's template keeps its {} placeholders).
function quote(text: string, isFormatTemplate: boolean): string {
  const escaped = text.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
  return `'${isFormatTemplate ? escaped : escaped.replaceAll('{', '\\{').replaceAll('}', '\\}')}'`;
}

function printIntrinsic(node: IntrinsicNode, report: Report, field: FieldPath): string {
  const args = node.args.map((arg, i) =>
    printArg(arg, node.name === 'States.Format' && i === 0, report, field),
  );
  return `${node.name}(${args.join(', ')})`;
}

function printArg(node: TemplateNode, isFormatTemplate: boolean, report: Report, field: FieldPath): string {
  switch (node.kind) {
    case 'reference':
      return printPath(node.path);
    case 'intrinsic':
      return printIntrinsic(node, report, field);
    case 'literal':
    case 'raw': {
      const value = node.value;
      if (typeof value === 'string') return node.kind === 'raw' ? value : quote(value, isFormatTemplate);
      if (typeof value === 'number' || typeof value === 'boolean' || value === null)
        return JSON.stringify(value);
      report(
        'INTRINSIC_ARGUMENT',
        'Intrinsic arguments must be strings, numbers, booleans, null, paths or calls',
        field,
      );
      return 'null';
    }
    case 'jsonata':
      return reportJsonata(report, field);
    case 'object':
    case 'array':
      report(
        'INTRINSIC_ARGUMENT',
        'Intrinsic arguments cannot be objects or arrays built inline; pass a path',
        field,
      );
      return 'null';
  }
}

function printTemplateObject(
  entries: readonly { key: string; value: TemplateNode }[],
  field: FieldPath,
  report: Report,
): JsonObject {
  const out: JsonObject = {};
  for (let i = 0; i < entries.length; i++) {
    const { key, value } = entries[i] as { key: string; value: TemplateNode };
    switch (value.kind) {
      case 'literal':
      case 'raw':
        defineKey(out, key, value.value);
        break;
      case 'reference':
        defineKey(out, pathKey(key), printPath(value.path));
        break;
      case 'intrinsic':
        defineKey(out, pathKey(key), printIntrinsic(value, report, [...field, key]));
        break;
      case 'object':
        defineKey(out, key, printTemplateObject(value.entries, [...field, key], report));
        break;
      case 'jsonata':
        reportJsonata(report, [...field, key]);
        break;
      case 'array':
        if (value.items.some((item) => item.kind === 'object' || item.kind === 'array')) {
          report(
            'TEMPLATE_ARRAY',
            `"${key}": JSONPath templates cannot hold objects or arrays with references inside an array; ` +
              'build the array with States.array(…) of paths, or use raw(…)',
            [...field, key],
          );
        } else {
          // An array mixing constants and paths becomes one States.Array call.
          defineKey(
            out,
            pathKey(key),
            printIntrinsic({ kind: 'intrinsic', name: 'States.Array', args: value.items }, report, [
              ...field,
              key,
            ]),
          );
        }
        break;
    }
  }
  return out;
}

/**
 * A payload template as a JSONPath object (`key.$` for computed values); reports and returns `undefined` when the
 * template is not an object or holds what JSONPath cannot write.
 */
export function printTemplate(node: TemplateNode, report: Report, field: FieldPath): JsonObject | undefined {
  if (node.kind === 'object') return printTemplateObject(node.entries, field, report);
  if (node.kind === 'jsonata') {
    reportJsonata(report, field);
    return undefined;
  }
  if ((node.kind === 'literal' || node.kind === 'raw') && isObject(node.value)) return node.value;
  report(
    'TEMPLATE_NOT_OBJECT',
    `${field[field.length - 1]} must be an object: return { … } from the selector`,
    field,
  );
  return undefined;
}

/** A Choice condition as a JSONPath rule (`Variable` + one operator, or `And`/`Or`/`Not`). */
export function printCondition(node: ConditionNode): ChoiceRuleExpression {
  switch (node.kind) {
    case 'and':
      return { And: node.rules.map(printCondition) };
    case 'or':
      return { Or: node.rules.map(printCondition) };
    case 'not':
      return { Not: printCondition(node.rule) };
    case 'comparison': {
      const operand = node.operand;
      const rule: Record<string, JsonValue> = { Variable: printPath(node.variable.path) };
      if (isReference(operand)) rule[`${node.operator}Path`] = printPath(operand.path);
      else rule[node.operator] = operand;
      // The builder pairs each operator with an operand of its type (builder/conditions.ts); ASL's type gives each
      // operator its own value type, which a computed key cannot show.
      return rule as ChoiceRuleExpression;
    }
  }
}

/** A Fail's computed Error/Cause as a `…Path` value: a reference path or an intrinsic call. */
export function printFailPath(node: ReferenceNode | IntrinsicNode, report: Report, field: FieldPath): string {
  return node.kind === 'reference' ? printPath(node.path) : printIntrinsic(node, report, field);
}

/** Reports a `jsonata(…)` value in a JSONPath state. */
export function reportJsonata(report: Report, field: FieldPath): string {
  report(
    'JSONATA_IN_JSONPATH',
    "jsonata(…) expressions need the JSONata query language: set queryLanguage: 'JSONata' on the state or workflow",
    field,
  );
  return 'null';
}

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a comparison operand is a path (compare with another value of the data) rather than a constant. */
export function isReference(operand: ComparisonNode['operand']): operand is ReferenceNode {
  return typeof operand === 'object' && operand !== null && !Array.isArray(operand) && 'kind' in operand;
}
