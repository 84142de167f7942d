import type { JsonValue } from '@stepcraft/asl';
import { raise } from '../errors.js';
import {
  type ComparisonOperator,
  type ConditionNode,
  createAndNode,
  createComparisonNode,
  createNotNode,
  createOrNode,
} from '../ir/choice-rule-node.js';
import type { ReferenceNode } from '../ir/template-node.js';
import { boxNode, type Condition, unboxNode } from './refs.js';

// Method name on a ref → ASL operator. The `…Path` form is chosen by the operand (a ref) at emit time.
const OPERATORS: Readonly<Record<string, ComparisonOperator>> = Object.freeze({
  stringEquals: 'StringEquals',
  stringLessThan: 'StringLessThan',
  stringGreaterThan: 'StringGreaterThan',
  stringLessThanEquals: 'StringLessThanEquals',
  stringGreaterThanEquals: 'StringGreaterThanEquals',
  stringMatches: 'StringMatches',
  numericEquals: 'NumericEquals',
  numericLessThan: 'NumericLessThan',
  numericGreaterThan: 'NumericGreaterThan',
  numericLessThanEquals: 'NumericLessThanEquals',
  numericGreaterThanEquals: 'NumericGreaterThanEquals',
  booleanEquals: 'BooleanEquals',
  timestampEquals: 'TimestampEquals',
  timestampLessThan: 'TimestampLessThan',
  timestampGreaterThan: 'TimestampGreaterThan',
  timestampLessThanEquals: 'TimestampLessThanEquals',
  timestampGreaterThanEquals: 'TimestampGreaterThanEquals',
  isNull: 'IsNull',
  isPresent: 'IsPresent',
  isNumeric: 'IsNumeric',
  isString: 'IsString',
  isBoolean: 'IsBoolean',
  isTimestamp: 'IsTimestamp',
});

const OPERAND_TYPE: Readonly<Partial<Record<ComparisonOperator, 'string' | 'number' | 'boolean'>>> =
  Object.freeze({
    StringEquals: 'string',
    StringLessThan: 'string',
    StringGreaterThan: 'string',
    StringLessThanEquals: 'string',
    StringGreaterThanEquals: 'string',
    StringMatches: 'string',
    NumericEquals: 'number',
    NumericLessThan: 'number',
    NumericGreaterThan: 'number',
    NumericLessThanEquals: 'number',
    NumericGreaterThanEquals: 'number',
    BooleanEquals: 'boolean',
    TimestampEquals: 'string',
    TimestampLessThan: 'string',
    TimestampGreaterThan: 'string',
    TimestampLessThanEquals: 'string',
    TimestampGreaterThanEquals: 'string',
  });

/** Whether `name` is a comparison method a ref can be called with (`stringEquals`, `isPresent`, …). */
export function isComparisonMethod(name: string): boolean {
  return Object.hasOwn(OPERATORS, name);
}

/** Builds the comparison node for `variable.<method>(operand)`; checks at run time what types check statically. */
export function comparisonMethod(method: string, variable: ReferenceNode, operand: unknown): ConditionNode {
  const operator = OPERATORS[method] as ComparisonOperator;
  const expected = OPERAND_TYPE[operator];
  if (expected === undefined) {
    // Is* tests take an optional boolean (`false` negates).
    if (operand !== undefined && typeof operand !== 'boolean') {
      return raise('CHOICE_OPERAND', `${method}() takes an optional boolean, got ${typeof operand}`);
    }
    return createComparisonNode({ operator, variable, operand: operand ?? true });
  }
  const boxed = unboxNode(operand);
  if (boxed !== undefined) {
    if (boxed.kind !== 'reference' || operator === 'StringMatches') {
      return raise('CHOICE_OPERAND', `${method}() compares with a literal or a path, not a computed value`);
    }
    return createComparisonNode({ operator, variable, operand: boxed });
  }
  if (typeof operand !== expected || (typeof operand === 'number' && !Number.isFinite(operand))) {
    return raise(
      'CHOICE_OPERAND',
      `${method}() needs a ${expected} operand, got ${JSON.stringify(operand) ?? typeof operand}`,
    );
  }
  return createComparisonNode({ operator, variable, operand: operand as JsonValue });
}

function conditionOf(value: Condition, where: string): ConditionNode {
  const node = unboxNode(value);
  if (node?.kind === 'comparison' || node?.kind === 'and' || node?.kind === 'or' || node?.kind === 'not')
    return node;
  return raise('CHOICE_CONDITION', `${where} takes conditions such as input.x.numericEquals(1)`);
}

/**
 * True when every condition holds (ASL `And`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export function and(...conditions: [Condition, Condition, ...Condition[]]): Condition {
  return boxNode(createAndNode(conditions.map((c) => conditionOf(c, 'and()'))));
}

/** True when any condition holds (ASL `Or`). */
export function or(...conditions: [Condition, Condition, ...Condition[]]): Condition {
  return boxNode(createOrNode(conditions.map((c) => conditionOf(c, 'or()'))));
}

/** True when the condition does not hold (ASL `Not`). */
export function not(condition: Condition): Condition {
  return boxNode(createNotNode(conditionOf(condition, 'not()')));
}

/** The IR node of a condition returned by a `when` callback. */
export function toConditionNode(value: unknown, where: string): ConditionNode {
  return conditionOf(value as Condition, where);
}
