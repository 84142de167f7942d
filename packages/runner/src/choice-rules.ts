import {
  type ChoiceComparison,
  type ChoiceRuleExpression,
  type JsonValue,
  parseTimestamp,
} from '@stepcraft/asl';
import { StatesError } from './errors.js';
import { boundedMemo } from './io/cache.js';
import { evaluatePath } from './io/path.js';
import type { EvaluationScope } from './io/scope.js';

type Operator = Exclude<keyof ChoiceComparison, 'Variable'>;
type Family = 'String' | 'Numeric' | 'Boolean' | 'Timestamp';
type Relation = 'Equals' | 'LessThan' | 'GreaterThan' | 'LessThanEquals' | 'GreaterThanEquals';

/** A comparison operator, e.g. `NumericLessThanEqualsPath` → Numeric, LessThanEquals, operand from a path. */
interface Comparison {
  readonly family: Family;
  readonly relation: Relation;
  readonly viaPath: boolean;
}

const FAMILIES: readonly Family[] = ['String', 'Numeric', 'Boolean', 'Timestamp'];
const RELATIONS: readonly Relation[] = [
  'Equals',
  'LessThan',
  'GreaterThan',
  'LessThanEquals',
  'GreaterThanEquals',
];
const COMPARISONS: ReadonlyMap<string, Comparison> = new Map(
  FAMILIES.flatMap((family) =>
    (family === 'Boolean' ? (['Equals'] as const) : RELATIONS).flatMap((relation) =>
      [false, true].map(
        (viaPath) => [`${family}${relation}${viaPath ? 'Path' : ''}`, { family, relation, viaPath }] as const,
      ),
    ),
  ),
);
const TYPE_TESTS: ReadonlyMap<string, (value: JsonValue) => boolean> = new Map([
  ['IsNull', (value: JsonValue) => value === null],
  ['IsNumeric', (value: JsonValue) => typeof value === 'number'],
  ['IsString', (value: JsonValue) => typeof value === 'string'],
  ['IsBoolean', (value: JsonValue) => typeof value === 'boolean'],
  ['IsTimestamp', (value: JsonValue) => typeof value === 'string' && parseTimestamp(value) !== undefined],
]);

/**
 * Evaluates a JSONPath Choice rule: And/Or (short-circuit), Not, or `Variable` + one operator. Values of the wrong
 * type compare false; a `Variable` or `…Path` operand that selects nothing throws `States.Runtime`, except for
 * `IsPresent`, which is then false.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export function evaluateChoiceRule(rule: ChoiceRuleExpression, scope: EvaluationScope): boolean {
  if (rule.And !== undefined) return rule.And.every((inner) => evaluateChoiceRule(inner, scope));
  if (rule.Or !== undefined) return rule.Or.some((inner) => evaluateChoiceRule(inner, scope));
  if (rule.Not !== undefined) return !evaluateChoiceRule(rule.Not, scope);
  const operator = operatorOf(rule);
  const expected: unknown = rule[operator];
  const variable = rule.Variable;
  if (typeof variable !== 'string') throw ruleError(`the rule with ${operator} needs a Variable path`);
  const value = evaluatePath(variable, scope);
  if (operator === 'IsPresent') return (value !== undefined) === flag(operator, expected);
  if (value === undefined) throw invalidConditionPath(variable);
  const typeTest = TYPE_TESTS.get(operator);
  if (typeTest !== undefined) return typeTest(value) === flag(operator, expected);
  if (operator === 'StringMatches') {
    if (typeof expected !== 'string') throw ruleError('StringMatches needs a string pattern');
    return typeof value === 'string' && wildcardMatches(compilePattern(expected), value);
  }
  const comparison = COMPARISONS.get(operator) as Comparison;
  let operand = expected as JsonValue | undefined;
  if (comparison.viaPath) {
    if (typeof expected !== 'string') throw ruleError(`${operator} needs a path string`);
    operand = evaluatePath(expected, scope);
    if (operand === undefined) throw invalidConditionPath(expected);
  }
  return compare(comparison, value, operand as JsonValue);
}

function operatorOf(rule: ChoiceRuleExpression): Operator {
  for (const key of Object.keys(rule)) {
    if (COMPARISONS.has(key) || TYPE_TESTS.has(key) || key === 'IsPresent' || key === 'StringMatches')
      return key as Operator;
  }
  throw ruleError('the rule has no comparison operator, And, Or or Not');
}

function flag(operator: string, expected: unknown): boolean {
  if (typeof expected !== 'boolean') throw ruleError(`${operator} must be true or false`);
  return expected;
}

function ruleError(message: string): StatesError {
  return new StatesError('States.Runtime', `Invalid Choice rule: ${message}.`);
}

function invalidConditionPath(path: string): StatesError {
  return new StatesError(
    'States.Runtime',
    `Invalid path '${path}': The choice state's condition path references an invalid value.`,
  );
}

/** Compares when both sides have the family's type; otherwise the rule is simply false. */
function compare(comparison: Comparison, left: JsonValue, right: JsonValue): boolean {
  let a: string | number | boolean;
  let b: string | number | boolean;
  if (comparison.family === 'Timestamp') {
    const l = typeof left === 'string' ? parseTimestamp(left) : undefined;
    const r = typeof right === 'string' ? parseTimestamp(right) : undefined;
    if (l === undefined || r === undefined) return false;
    [a, b] = [l, r];
  } else {
    const type =
      comparison.family === 'String' ? 'string' : comparison.family === 'Numeric' ? 'number' : 'boolean';
    if (typeof left !== type || typeof right !== type) return false;
    [a, b] = [left as string | number | boolean, right as string | number | boolean];
  }
  switch (comparison.relation) {
    case 'Equals':
      return a === b;
    case 'LessThan':
      return a < b;
    case 'GreaterThan':
      return a > b;
    case 'LessThanEquals':
      return a <= b;
    case 'GreaterThanEquals':
      return a >= b;
  }
}

/** The literal pieces between unescaped `*`s (`\*` = literal star, `\\` = literal backslash). */
const compilePattern = boundedMemo(4096, (pattern: string): readonly string[] => {
  const pieces: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') {
      pieces.push(current);
      current = '';
    } else if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === '*' || next === '\\') {
        current += next;
        i++;
      } else {
        throw ruleError(
          `StringMatches pattern '${pattern}' has a backslash that escapes neither '*' nor '\\'`,
        );
      }
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
});

/**
 * Whole-string wildcard match without backtracking: the first piece must be a prefix, the last a suffix, and the
 * ones between are found leftmost in order (leftmost is always safe for `*`-only patterns). O(text × pattern).
 */
function wildcardMatches(pieces: readonly string[], text: string): boolean {
  const first = pieces[0] as string;
  if (pieces.length === 1) return text === first;
  const last = pieces[pieces.length - 1] as string;
  if (first.length + last.length > text.length || !text.startsWith(first) || !text.endsWith(last))
    return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] as string;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}
