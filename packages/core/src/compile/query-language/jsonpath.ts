import type { ChoiceRuleExpression, JsonObject, JsonValue, PathSegment, ReferencePath } from '@stepcraft/asl';
import type { ConditionNode } from '../../ir/choice-rule-node.js';
import type { FailText } from '../../ir/fail-node.js';
import type { IntrinsicNode, TemplateNode } from '../../ir/template-node.js';
import { defineKey } from '../define-key.js';
import type { QueryLanguageDialect, Report } from './dialect.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Prints a reference path: `.name` for identifiers, `['odd name']` otherwise, `[n]` for indexes.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 */
function printPath(path: ReferencePath): string {
  const root =
    path.root.kind === 'context' ? '$$' : path.root.kind === 'variable' ? `$${path.root.name}` : '$';
  let text = root;
  // Indexed loops over the IR's frozen arrays: for…of there allocates an iterator result per item in V8.
  for (let i = 0; i < path.segments.length; i++) {
    const s = path.segments[i] as PathSegment;
    if (s.kind === 'index') text += `[${s.index}]`;
    else if (IDENTIFIER.test(s.name)) text += `.${s.name}`;
    else text += `['${s.name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
  }
  return text;
}

// Inside an intrinsic's string literal, ' { } \ are reserved (Format's template keeps its {} placeholders).
function quote(text: string, isFormatTemplate: boolean): string {
  const escaped = text.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
  return `'${isFormatTemplate ? escaped : escaped.replaceAll('{', '\\{').replaceAll('}', '\\}')}'`;
}

function printIntrinsic(node: IntrinsicNode, report: Report, field: readonly (string | number)[]): string {
  const args = node.args.map((arg, i) =>
    printArg(arg, node.name === 'States.Format' && i === 0, report, field),
  );
  return `${node.name}(${args.join(', ')})`;
}

function printArg(
  node: TemplateNode,
  isFormatTemplate: boolean,
  report: Report,
  field: readonly (string | number)[],
): string {
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
  field: readonly (string | number)[],
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
        defineKey(out, `${key}.$`, printPath(value.path));
        break;
      case 'intrinsic':
        defineKey(out, `${key}.$`, printIntrinsic(value, report, [...field, key]));
        break;
      case 'object':
        defineKey(out, key, printTemplateObject(value.entries, [...field, key], report));
        break;
      case 'jsonata':
        reportJsonata(report, [...field, key]);
        break;
      case 'array':
        if (value.items.some((item) => item.kind === 'object' || item.kind === 'array')) {
          // Objects inside arrays keep their `k.$` fields (AWS's ECS ContainerOverrides and EventBridge Entries
          // examples); only a bare path beside them has no JSONPath form.
          const items = templateArray(value.items, [...field, key], report);
          if (items === undefined) {
            report(
              'TEMPLATE_ARRAY',
              `"${key}": a JSONPath array cannot mix paths with objects or arrays; ` +
                'put each path in an object field, or use raw(…)',
              [...field, key],
            );
          } else defineKey(out, key, items);
        } else {
          // An array mixing constants and paths becomes one States.Array call.
          defineKey(
            out,
            `${key}.$`,
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

// An array of constants and object templates, printed as is; `undefined` when an item is a bare path or call.
function templateArray(
  items: readonly TemplateNode[],
  field: readonly (string | number)[],
  report: Report,
): JsonValue[] | undefined {
  const out: JsonValue[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as TemplateNode;
    if (item.kind === 'literal' || item.kind === 'raw') out.push(item.value);
    else if (item.kind === 'object') out.push(printTemplateObject(item.entries, [...field, i], report));
    else if (item.kind === 'array') {
      const nested = templateArray(item.items, [...field, i], report);
      if (nested === undefined) return undefined;
      out.push(nested);
    } else return undefined;
  }
  return out;
}

function reportJsonata(report: Report, field: readonly (string | number)[]): string {
  report(
    'JSONATA_IN_JSONPATH',
    "jsonata(…) expressions need the JSONata query language: set queryLanguage: 'JSONata' on the state or workflow",
    field,
  );
  return 'null';
}

/** The JSONPath dialect: `.$` keys, reference paths, intrinsic calls, JSONPath Choice rules. */
export const jsonPathDialect: QueryLanguageDialect = Object.freeze({
  name: 'JSONPath',
  path: printPath,
  template(node: TemplateNode, field: string, report: Report): JsonObject | undefined {
    if (node.kind === 'object') return printTemplateObject(node.entries, [field], report);
    if (node.kind === 'jsonata') {
      reportJsonata(report, [field]);
      return undefined;
    }
    if ((node.kind === 'literal' || node.kind === 'raw') && isObject(node.value)) return node.value;
    report('TEMPLATE_NOT_OBJECT', `${field} must be an object: return { … } from the selector`, [field]);
    return undefined;
  },
  condition(node: ConditionNode, report: Report): ChoiceRuleExpression {
    switch (node.kind) {
      case 'and':
        return { And: node.rules.map((r) => jsonPathDialect.condition(r, report)) };
      case 'or':
        return { Or: node.rules.map((r) => jsonPathDialect.condition(r, report)) };
      case 'not':
        return { Not: jsonPathDialect.condition(node.rule, report) };
      case 'comparison': {
        const operand = node.operand;
        const isPath =
          typeof operand === 'object' &&
          operand !== null &&
          !Array.isArray(operand) &&
          operand.kind === 'reference';
        const rule: Record<string, JsonValue> = { Variable: printPath(node.variable.path) };
        if (isPath) rule[`${node.operator}Path`] = printPath((operand as { path: ReferencePath }).path);
        else rule[node.operator] = operand as JsonValue;
        return rule as ChoiceRuleExpression;
      }
    }
  },
  failText(node: FailText, field: 'Error' | 'Cause'): Record<string, JsonValue> {
    if (typeof node === 'string') return { [field]: node };
    if (node.kind === 'jsonata') return {};
    const text = node.kind === 'reference' ? printPath(node.path) : printIntrinsic(node, () => undefined, []);
    return { [`${field}Path`]: text };
  },
});

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
