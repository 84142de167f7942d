import type { JsonValue } from '@stepcraft/asl';
import { freeze } from './freeze.js';
import type { ReferenceNode } from './template-node.js';

/** The data-test operators of a Choice rule, without the `Path` suffix (chosen at emit time by the operand). */
export type ComparisonOperator =
  | 'StringEquals'
  | 'StringLessThan'
  | 'StringGreaterThan'
  | 'StringLessThanEquals'
  | 'StringGreaterThanEquals'
  | 'StringMatches'
  | 'NumericEquals'
  | 'NumericLessThan'
  | 'NumericGreaterThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThanEquals'
  | 'BooleanEquals'
  | 'TimestampEquals'
  | 'TimestampLessThan'
  | 'TimestampGreaterThan'
  | 'TimestampLessThanEquals'
  | 'TimestampGreaterThanEquals'
  | 'IsNull'
  | 'IsPresent'
  | 'IsNumeric'
  | 'IsString'
  | 'IsBoolean'
  | 'IsTimestamp';

/** `variable <operator> operand`; a reference operand compares against another value (the `…Path` form). */
export interface ComparisonNode {
  readonly kind: 'comparison';
  readonly operator: ComparisonOperator;
  readonly variable: ReferenceNode;
  readonly operand: JsonValue | ReferenceNode;
}

export interface AndNode {
  readonly kind: 'and';
  readonly rules: readonly ConditionNode[];
}

export interface OrNode {
  readonly kind: 'or';
  readonly rules: readonly ConditionNode[];
}

export interface NotNode {
  readonly kind: 'not';
  readonly rule: ConditionNode;
}

/** A boolean condition of a Choice rule. */
export type ConditionNode = ComparisonNode | AndNode | OrNode | NotNode;

export function createComparisonNode(fields: Omit<ComparisonNode, 'kind'>): ComparisonNode {
  return freeze({ kind: 'comparison', ...fields });
}

export function createAndNode(rules: readonly ConditionNode[]): AndNode {
  return freeze({ kind: 'and', rules: freeze([...rules]) });
}

export function createOrNode(rules: readonly ConditionNode[]): OrNode {
  return freeze({ kind: 'or', rules: freeze([...rules]) });
}

export function createNotNode(rule: ConditionNode): NotNode {
  return freeze({ kind: 'not', rule });
}
