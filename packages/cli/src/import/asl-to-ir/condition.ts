import type { JsonObject, JsonValue } from '@stepcraft/asl';
import {
  type ComparisonOperator,
  type ConditionNode,
  createAndNode,
  createComparisonNode,
  createNotNode,
  createOrNode,
  createReferenceNode,
} from '@stepcraft/core/ir';
import { canonicalPath, readPath } from '../paths.js';
import { isObject } from '../source-text.js';

const OPERATORS: ReadonlySet<ComparisonOperator> = new Set<ComparisonOperator>([
  'StringEquals',
  'StringLessThan',
  'StringGreaterThan',
  'StringLessThanEquals',
  'StringGreaterThanEquals',
  'StringMatches',
  'NumericEquals',
  'NumericLessThan',
  'NumericGreaterThan',
  'NumericLessThanEquals',
  'NumericGreaterThanEquals',
  'BooleanEquals',
  'TimestampEquals',
  'TimestampLessThan',
  'TimestampGreaterThan',
  'TimestampLessThanEquals',
  'TimestampGreaterThanEquals',
  'IsNull',
  'IsPresent',
  'IsNumeric',
  'IsString',
  'IsBoolean',
  'IsTimestamp',
]);

const isOperator = (name: string): name is ComparisonOperator => OPERATORS.has(name as ComparisonOperator);

/**
 * A JSONPath Choice rule's test (its fields other than `skip`) as an IR condition, or `undefined` when the IR
 * cannot say it as written: a nested rule with a comment, an unknown operator, a path core would spell otherwise.
 */
export function readCondition(rule: JsonObject, skip: ReadonlySet<string>): ConditionNode | undefined {
  const keys = Object.keys(rule).filter((key) => !skip.has(key));
  const [first] = keys;
  if (keys.length === 1 && (first === 'And' || first === 'Or')) {
    const list = rule[first];
    if (!Array.isArray(list)) return undefined;
    const rules = nestedRules(list);
    if (rules === undefined) return undefined;
    return first === 'And' ? createAndNode(rules) : createOrNode(rules);
  }
  if (keys.length === 1 && first === 'Not') {
    const inner = nestedRule(rule.Not as JsonValue);
    return inner === undefined ? undefined : createNotNode(inner);
  }
  const variable = rule.Variable;
  const operator = keys.find((key) => key !== 'Variable');
  if (keys.length !== 2 || typeof variable !== 'string' || operator === undefined) return undefined;
  const path = readCanonical(variable);
  if (path === undefined) return undefined;
  const operand = rule[operator] as JsonValue;
  // An object operand would read as a reference node in the IR (and no operator takes one).
  if (isOperator(operator))
    return isObject(operand) ? undefined : createComparisonNode({ operator, variable: path, operand });
  const base = operator.slice(0, -'Path'.length);
  if (!operator.endsWith('Path') || !isOperator(base) || typeof operand !== 'string') return undefined;
  const other = readCanonical(operand);
  return other === undefined
    ? undefined
    : createComparisonNode({ operator: base, variable: path, operand: other });
}

const NOTHING: ReadonlySet<string> = new Set();

function nestedRule(rule: JsonValue): ConditionNode | undefined {
  return isObject(rule) ? readCondition(rule, NOTHING) : undefined;
}

function nestedRules(list: readonly JsonValue[]): ConditionNode[] | undefined {
  const rules: ConditionNode[] = [];
  for (const rule of list) {
    const node = nestedRule(rule);
    if (node === undefined) return undefined;
    rules.push(node);
  }
  return rules;
}

function readCanonical(text: string) {
  const path = readPath(text, 'data-or-context');
  return path !== undefined && canonicalPath(path) === text ? createReferenceNode(path) : undefined;
}
