import type { JsonValue } from '@stepcraft/asl';
import { freeze, frozen } from './freeze.js';
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

/** True when every rule is (ASL `And`). */
export interface AndNode {
  readonly kind: 'and';
  readonly rules: readonly ConditionNode[];
}

/** True when any rule is (ASL `Or`). */
export interface OrNode {
  readonly kind: 'or';
  readonly rules: readonly ConditionNode[];
}

/** True when the rule is not (ASL `Not`). */
export interface NotNode {
  readonly kind: 'not';
  readonly rule: ConditionNode;
}

/** A boolean condition of a Choice rule. */
export type ConditionNode = ComparisonNode | AndNode | OrNode | NotNode;

/** Builds a frozen comparison. */
export function createComparisonNode(fields: Omit<ComparisonNode, 'kind'>): ComparisonNode {
  return freeze({ kind: 'comparison', ...fields });
}

/** Builds a frozen `And`. */
export function createAndNode(rules: readonly ConditionNode[]): AndNode {
  return freeze({ kind: 'and', rules: frozen(rules) });
}

/** Builds a frozen `Or`. */
export function createOrNode(rules: readonly ConditionNode[]): OrNode {
  return freeze({ kind: 'or', rules: frozen(rules) });
}

/** Builds a frozen `Not`. */
export function createNotNode(rule: ConditionNode): NotNode {
  return freeze({ kind: 'not', rule });
}
