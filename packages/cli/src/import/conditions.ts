import { type JsonValue, parseReferencePath } from '@stepcraft/asl';
import { printRef, type Scope } from './expressions.js';
import { isObject, printJson } from './json.js';
import { type LeafType, type Shape, walk } from './shape.js';

// ASL comparison operator → [ref method, operand type].
const OPERATORS: Readonly<Record<string, readonly [string, LeafType | 'flag']>> = {
  StringEquals: ['stringEquals', 'string'],
  StringLessThan: ['stringLessThan', 'string'],
  StringGreaterThan: ['stringGreaterThan', 'string'],
  StringLessThanEquals: ['stringLessThanEquals', 'string'],
  StringGreaterThanEquals: ['stringGreaterThanEquals', 'string'],
  StringMatches: ['stringMatches', 'string'],
  NumericEquals: ['numericEquals', 'number'],
  NumericLessThan: ['numericLessThan', 'number'],
  NumericGreaterThan: ['numericGreaterThan', 'number'],
  NumericLessThanEquals: ['numericLessThanEquals', 'number'],
  NumericGreaterThanEquals: ['numericGreaterThanEquals', 'number'],
  BooleanEquals: ['booleanEquals', 'boolean'],
  TimestampEquals: ['timestampEquals', 'string'],
  TimestampLessThan: ['timestampLessThan', 'string'],
  TimestampGreaterThan: ['timestampGreaterThan', 'string'],
  TimestampLessThanEquals: ['timestampLessThanEquals', 'string'],
  TimestampGreaterThanEquals: ['timestampGreaterThanEquals', 'string'],
  IsNull: ['isNull', 'flag'],
  IsPresent: ['isPresent', 'flag'],
  IsNumeric: ['isNumeric', 'flag'],
  IsString: ['isString', 'flag'],
  IsBoolean: ['isBoolean', 'flag'],
  IsTimestamp: ['isTimestamp', 'flag'],
};

/** A Choice rule (without `Next`/`Comment`) as a condition expression over refs, or `undefined`. */
export function printCondition(rule: JsonValue, scope: Scope): string | undefined {
  if (!isObject(rule)) return undefined;
  const keys = Object.keys(rule).filter((k) => k !== 'Next' && k !== 'Comment');
  if (keys.length === 1 && (keys[0] === 'And' || keys[0] === 'Or')) {
    const list = rule[keys[0]];
    // Comments inside nested rules have no builder form.
    if (!Array.isArray(list) || list.length < 2 || list.some((r) => isObject(r) && 'Comment' in r))
      return undefined;
    const parts = list.map((r) => printCondition(r, scope));
    if (parts.some((p) => p === undefined)) return undefined;
    return `${keys[0] === 'And' ? 'and' : 'or'}(${parts.join(', ')})`;
  }
  if (keys.length === 1 && keys[0] === 'Not') {
    if (isObject(rule.Not) && 'Comment' in rule.Not) return undefined;
    const inner = printCondition(rule.Not as JsonValue, scope);
    return inner === undefined ? undefined : `not(${inner})`;
  }
  const variable = rule.Variable;
  const operator = keys.find((k) => k !== 'Variable');
  if (keys.length !== 2 || typeof variable !== 'string' || operator === undefined) return undefined;
  const isPath = operator.endsWith('Path') && OPERATORS[operator.slice(0, -4)] !== undefined;
  const entry = OPERATORS[isPath ? operator.slice(0, -4) : operator];
  if (entry === undefined) return undefined;
  const [method, type] = entry;
  const operand = rule[operator] as JsonValue;
  let argument: string | undefined;
  if (isPath) {
    if (type === 'flag' || method === 'stringMatches' || typeof operand !== 'string') return undefined;
    argument = printRef(operand, scope, type);
  } else if (type === 'flag') {
    if (typeof operand !== 'boolean') return undefined;
    argument = operand ? '' : 'false';
  } else {
    if (typeof operand !== type) return undefined;
    argument = printJson(operand);
  }
  const ref = printRef(variable, scope, type === 'flag' ? 'unknown' : primitiveRead(variable, scope, type));
  if (argument === undefined || ref === undefined) return undefined;
  if (method === 'isPresent' || method === 'isNull')
    mayBe(variable, scope, method === 'isPresent' ? 'optional' : 'nullable');
  else if (type !== 'flag') mayBeScalar(variable, scope, type);
  return `${ref}.${method}(${argument})`;
}

// A field read elsewhere as some primitive (an intrinsic's argument) is compared as the operator's type: core
// offers a comparison only on a field of that type. Stricter than AWS (another type just fails the rule), never
// looser.
function primitiveRead(variable: string, scope: Scope, type: LeafType): LeafType {
  const parsed = parseReferencePath(variable);
  if (!parsed.ok || parsed.value.root.kind !== 'input' || scope.data === undefined) return 'unknown';
  return walk(scope.data.shape, parsed.value.segments)?.leaf === 'primitive' ? type : 'unknown';
}

// A field compared as a primitive where other reads need an object or array (`"No messages"` or a list) may be
// either: its schema becomes a union, on which core offers the comparison.
function mayBeScalar(variable: string, scope: Scope, type: LeafType): void {
  const node = nodeAt(variable, scope);
  if (node !== undefined && (node.element !== undefined || node.fields.size > 0))
    node.scalar = node.scalar === undefined || node.scalar === type ? type : 'primitive';
}

// A field tested for presence (or null) may be missing (or null), whatever else reads it.
function mayBe(variable: string, scope: Scope, flag: 'optional' | 'nullable'): void {
  const node = nodeAt(variable, scope);
  if (node !== undefined) node[flag] = true;
}

function nodeAt(variable: string, scope: Scope): Shape | undefined {
  const parsed = parseReferencePath(variable);
  if (!parsed.ok || parsed.value.root.kind !== 'input' || scope.data === undefined) return undefined;
  return walk(scope.data.shape, parsed.value.segments);
}
