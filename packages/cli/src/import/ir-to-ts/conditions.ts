import type { ReferencePath } from '@stepcraft/asl';
import type { ComparisonNode, ComparisonOperator, ConditionNode } from '@stepcraft/core/ir';
import { printJson } from '../source-text.js';
import { printRef, type Scope } from './expressions.js';
import { type LeafType, type Shape, walk } from './shape.js';

// Each operator's ref method and operand type.
const OPERATORS: Readonly<Record<ComparisonOperator, readonly [string, LeafType | 'flag']>> = {
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

/** A Choice condition as a condition expression over refs, or `undefined` when the typed refs cannot say it. */
export function printCondition(node: ConditionNode, scope: Scope): string | undefined {
  switch (node.kind) {
    case 'and':
    case 'or': {
      // The builder's and()/or() take two rules or more.
      if (node.rules.length < 2) return undefined;
      const parts = node.rules.map((r) => printCondition(r, scope));
      if (parts.some((p) => p === undefined)) return undefined;
      return `${node.kind}(${parts.join(', ')})`;
    }
    case 'not': {
      const inner = printCondition(node.rule, scope);
      return inner === undefined ? undefined : `not(${inner})`;
    }
    case 'comparison':
      return printComparison(node, scope);
  }
}

function printComparison(node: ComparisonNode, scope: Scope): string | undefined {
  const [method, type] = OPERATORS[node.operator];
  const operand = node.operand;
  const variable = node.variable.path;
  let argument: string | undefined;
  if (isReference(operand)) {
    if (type === 'flag' || method === 'stringMatches') return undefined;
    argument = printRef(operand.path, scope, type);
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

function isReference(
  operand: ComparisonNode['operand'],
): operand is Extract<ComparisonNode['operand'], { kind: 'reference' }> {
  return (
    typeof operand === 'object' && operand !== null && !Array.isArray(operand) && operand.kind === 'reference'
  );
}

// A field read elsewhere as some primitive (an intrinsic's argument) is compared as the operator's type: core
// offers a comparison only on a field of that type. Stricter than AWS (another type just fails the rule), never
// looser.
function primitiveRead(variable: ReferencePath, scope: Scope, type: LeafType): LeafType {
  if (variable.root.kind !== 'input' || scope.data === undefined) return 'unknown';
  return walk(scope.data.shape, variable.segments)?.leaf === 'primitive' ? type : 'unknown';
}

// A field compared as a primitive where other reads need an object or array (`"No messages"` or a list) may be
// either: its schema becomes a union, on which core offers the comparison.
function mayBeScalar(variable: ReferencePath, scope: Scope, type: LeafType): void {
  const node = nodeAt(variable, scope);
  if (node !== undefined && (node.element !== undefined || node.fields.size > 0))
    node.scalar = node.scalar === undefined || node.scalar === type ? type : 'primitive';
}

// A field tested for presence (or null) may be missing (or null), whatever else reads it.
function mayBe(variable: ReferencePath, scope: Scope, flag: 'optional' | 'nullable'): void {
  const node = nodeAt(variable, scope);
  if (node !== undefined) node[flag] = true;
}

function nodeAt(variable: ReferencePath, scope: Scope): Shape | undefined {
  if (variable.root.kind !== 'input' || scope.data === undefined) return undefined;
  return walk(scope.data.shape, variable.segments);
}
