import type { JsonObject, JsonValue, PathSegment, ReferencePath } from '@stepcraft/asl';
import type { ConditionNode } from '../../ir/choice-rule-node.js';
import type { IntrinsicNode, ObjectTemplateNode, TemplateNode } from '../../ir/template-node.js';
import { defineKey } from '../define-key.js';
import type { FieldPath, Report } from './dialect.js';
import { isReference } from './jsonpath.js';

/** Where a printer stands: what `$` (an input-rooted reference) means, and where to report problems. */
export interface JsonataScope {
  /** The JSONata expression that input-rooted references start from (`$states.input`, `$states.result`, …). */
  readonly input: string;
  readonly report: Report;
  readonly field: FieldPath;
}

/** Wraps an expression as an ASL JSONata string. */
export function embed(expression: string): string {
  return `{% ${expression} %}`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);
const SIMPLE_BASE = /^\$[A-Za-z_][A-Za-z0-9_.]*$/;

/** A JSONata string literal: single quotes unless the text holds one (JSONata has no `\'` escape). */
export function quoteJsonata(text: string): string {
  const json = JSON.stringify(text);
  return text.includes("'") ? json : `'${json.slice(1, -1).replaceAll('\\"', '"')}'`;
}

/** `base` followed by `segments`, e.g. `$states.input.order.items[0]`. */
export function jsonataPath(base: string, segments: readonly PathSegment[]): string {
  if (segments.length === 0) return base;
  let text = SIMPLE_BASE.test(base) ? base : `(${base})`;
  for (const segment of segments) {
    if (segment.kind === 'index') text += `[${segment.index}]`;
    else if (IDENTIFIER.test(segment.name) && !KEYWORDS.has(segment.name)) text += `.${segment.name}`;
    else if (!segment.name.includes('`')) text += `.\`${segment.name}\``;
    else text = `$lookup(${text}, ${quoteJsonata(segment.name)})`;
  }
  return text;
}

/** A reference path read in `scope` (`$states.context…` for `$$`, `$name…` for a variable). */
export function jsonataReference(path: ReferencePath, scope: JsonataScope): string {
  const base =
    path.root.kind === 'context'
      ? '$states.context'
      : path.root.kind === 'variable'
        ? `$${path.root.name}`
        : scope.input;
  return jsonataPath(base, path.segments);
}

/** A JSON literal as a JSONata expression. */
function literalExpression(value: JsonValue): string {
  if (typeof value === 'string') return quoteJsonata(value);
  if (Array.isArray(value)) return `[${value.map(literalExpression).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${quoteJsonata(k)}: ${literalExpression(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

// A JSONata array constructor splices array values into the array; this keeps an array value as one element.
function arrayItem(node: TemplateNode, scope: JsonataScope): string {
  const text = jsonataExpression(node, scope);
  if (node.kind === 'literal' || node.kind === 'raw' || node.kind === 'object' || node.kind === 'array')
    return text;
  return `($__item := ${text}; $type($__item) = 'array' ? [[$__item]] : $__item)`;
}

/** A template as one JSONata expression. */
export function jsonataExpression(node: TemplateNode, scope: JsonataScope): string {
  switch (node.kind) {
    case 'reference':
      return jsonataReference(node.path, scope);
    case 'literal':
    case 'raw':
      return literalExpression(node.value);
    case 'object':
      return `{${node.entries
        .map(
          (e) =>
            `${quoteJsonata(e.key)}: ${jsonataExpression(e.value, { ...scope, field: [...scope.field, e.key] })}`,
        )
        .join(', ')}}`;
    case 'array':
      return `[${node.items.map((item) => arrayItem(item, scope)).join(', ')}]`;
    case 'intrinsic':
      return intrinsicExpression(node, scope);
    case 'jsonata':
      return `(${node.expression})`;
  }
}

/**
 * A template as an ASL JSONata field value: objects and arrays stay JSON, with `{% %}` strings where values are
 * computed (each is then evaluated on its own, exactly like a JSONPath template's `.$` keys).
 */
export function jsonataValue(node: TemplateNode, scope: JsonataScope): JsonValue {
  switch (node.kind) {
    case 'literal':
      return escapeLiterals(node.value);
    case 'raw':
      return node.value;
    case 'object':
      return jsonataObject(node, scope);
    case 'array':
      return node.items.map((item, i) => jsonataValue(item, { ...scope, field: [...scope.field, i] }));
    default:
      return embed(jsonataExpression(node, scope));
  }
}

/** An object template as a JSON object whose computed values are `{% %}` strings. */
export function jsonataObject(node: ObjectTemplateNode, scope: JsonataScope): JsonObject {
  const out: JsonObject = {};
  for (const e of node.entries) {
    defineKey(out, e.key, jsonataValue(e.value, { ...scope, field: [...scope.field, e.key] }));
  }
  return out;
}

// A literal string shaped like `{% … %}` would be evaluated: print it as a JSONata string instead.
function escapeLiterals(value: JsonValue): JsonValue {
  if (typeof value === 'string') {
    return value.startsWith('{%') && value.endsWith('%}') ? embed(quoteJsonata(value)) : value;
  }
  if (Array.isArray(value)) return value.map(escapeLiterals);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) defineKey(out, k, escapeLiterals(v));
    return out;
  }
  return value;
}

// `[…]` escapes for a regular-expression character class or literal text.
function regexEscape(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}/-]/g, '\\$&');
}

function intrinsicExpression(node: IntrinsicNode, scope: JsonataScope): string {
  const arg = (i: number): string => {
    const a = node.args[i];
    return a === undefined ? 'null' : jsonataExpression(a, scope);
  };
  const args = node.args.map((_, i) => arg(i));
  switch (node.name) {
    case 'States.Format':
      return formatExpression(node, scope);
    case 'States.StringToJson':
      return `$parse(${arg(0)})`;
    case 'States.JsonToString':
      // `$string` leaves strings unquoted; wrapping in an object and cutting `{"v":` … `}` gives real JSON text.
      return `($__json := $string({'v': ${arg(0)}}); $substring($__json, 5, $length($__json) - 6))`;
    case 'States.Array':
      return `[${node.args.map((a) => arrayItem(a, scope)).join(', ')}]`;
    case 'States.ArrayPartition':
      return `$partition(${args.join(', ')})`;
    case 'States.ArrayContains':
      return `($__value := ${arg(1)}; $count($filter(${arg(0)}, function($__e) { $__e = $__value })) > 0)`;
    case 'States.ArrayRange':
      return `$range(${args.join(', ')})`;
    case 'States.ArrayGetItem':
      return `${arg(0).startsWith('$') ? arg(0) : `(${arg(0)})`}[${arg(1)}]`;
    case 'States.ArrayLength':
      return `$count(${arg(0)})`;
    case 'States.ArrayUnique':
      return `$distinct(${arg(0)})`;
    case 'States.Base64Encode':
      return `$base64encode(${arg(0)})`;
    case 'States.Base64Decode':
      return `$base64decode(${arg(0)})`;
    case 'States.Hash':
      return `$hash(${args.join(', ')})`;
    case 'States.JsonMerge':
      return `$merge([${arg(0)}, ${arg(1)}])`;
    case 'States.MathRandom':
      return `($floor($random(${node.args.length > 2 ? arg(2) : ''}) * (${arg(1)} - ${arg(0)})) + ${arg(0)})`;
    case 'States.MathAdd':
      return `(${arg(0)} + ${arg(1)})`;
    case 'States.StringSplit':
      return splitExpression(node, scope);
    case 'States.UUID':
      return '$uuid()';
  }
}

// States.Format: `{}` placeholders become string concatenation (`&` prints values as Format does).
function formatExpression(node: IntrinsicNode, scope: JsonataScope): string {
  const [template, ...values] = node.args;
  if (template?.kind !== 'literal' || typeof template.value !== 'string') {
    scope.report(
      'INTRINSIC_UNSUPPORTED',
      'In JSONata, States.format(…) needs a constant template string',
      scope.field,
    );
    return "''";
  }
  const parts = template.value.split('{}');
  if (parts.length - 1 !== values.length) {
    scope.report(
      'INTRINSIC_ARGUMENT',
      `States.format: the template has ${parts.length - 1} placeholders but ${values.length} values were given`,
      scope.field,
    );
  }
  const pieces: string[] = [];
  parts.forEach((text, i) => {
    if (text !== '') pieces.push(quoteJsonata(text));
    const value = values[i];
    if (i < parts.length - 1 && value !== undefined)
      pieces.push(`$string(${jsonataExpression(value, scope)})`);
  });
  return pieces.length === 0 ? "''" : `(${pieces.join(' & ')})`;
}

// States.StringSplit splits on every character of the delimiter string and drops empty parts.
function splitExpression(node: IntrinsicNode, scope: JsonataScope): string {
  const [text, delimiters] = node.args;
  const subject = text === undefined ? "''" : jsonataExpression(text, scope);
  const isConstant = delimiters?.kind === 'literal' && typeof delimiters.value === 'string';
  const parts = isConstant
    ? delimiters.value === ''
      ? `[${subject}]`
      : `$split(${subject}, /[${regexEscape(delimiters.value as string)}]/)`
    : `$reduce($split(${delimiters === undefined ? "''" : jsonataExpression(delimiters, scope)}, ''), function($__parts, $__d) { $__parts.$split($, $__d) }, [${subject}])`;
  return `[$filter(${parts}, function($__t) { $__t != '' })]`;
}

const TIMESTAMP = String.raw`/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/`;

const ORDER: Readonly<Record<string, string>> = Object.freeze({
  Equals: '=',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
});

/**
 * A Choice condition as a JSONata boolean expression. Comparisons are guarded by type, as a JSONPath rule is
 * simply false (not an error) when the value has another type.
 */
export function jsonataCondition(node: ConditionNode, scope: JsonataScope): string {
  switch (node.kind) {
    case 'and':
      return `(${node.rules.map((r) => jsonataCondition(r, scope)).join(' and ')})`;
    case 'or':
      return `(${node.rules.map((r) => jsonataCondition(r, scope)).join(' or ')})`;
    case 'not':
      return `$not(${jsonataCondition(node.rule, scope)})`;
    case 'comparison': {
      const value = jsonataReference(node.variable.path, scope);
      const operand = node.operand;
      const isPath = isReference(operand);
      const other = isPath ? jsonataReference(operand.path, scope) : literalExpression(operand);
      const expected = operand === true;
      const test = (text: string) => (expected ? text : `$not(${text})`);
      const op = node.operator;
      switch (op) {
        case 'IsNull':
          return test(`${value} = null`);
        case 'IsPresent':
          return test(`$exists(${value})`);
        case 'IsNumeric':
          return test(`$type(${value}) = 'number'`);
        case 'IsString':
          return test(`$type(${value}) = 'string'`);
        case 'IsBoolean':
          return test(`$type(${value}) = 'boolean'`);
        case 'IsTimestamp':
          return test(`($type(${value}) = 'string' and $contains(${value}, ${TIMESTAMP}))`);
        case 'StringMatches':
          return `($type(${value}) = 'string' and $contains(${value}, /^${matchPattern(String(operand))}$/))`;
        case 'BooleanEquals':
          return `${value} = ${other}`;
      }
      const [, kind, relation] = /^(String|Numeric|Timestamp)(.*)$/.exec(op) ?? [];
      const symbol = ORDER[relation ?? ''] ?? '=';
      const type = kind === 'Numeric' ? 'number' : 'string';
      const guard = `$type(${value}) = '${type}'${isPath ? ` and $type(${other}) = '${type}'` : ''}`;
      if (kind === 'Timestamp') {
        return `(${guard} and $toMillis(${value}) ${symbol} $toMillis(${other}))`;
      }
      return `(${guard} and ${value} ${symbol} ${other})`;
    }
  }
}

// StringMatches: `*` is any run of characters, `\*` a literal star; everything else is literal.
function matchPattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && pattern[i + 1] === '*') {
      out += '\\*';
      i++;
    } else if (c === '*') out += '[\\s\\S]*';
    else out += regexEscape(c);
  }
  return out;
}
