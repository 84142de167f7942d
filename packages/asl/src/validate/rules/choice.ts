import { has, isObject, type Obj, own } from '../../json-shape.js';
import { isJsonataString } from '../../jsonata.js';
import { isDeployTimeValue } from '../../placeholders.js';
import { parseTimestamp } from '../../timestamp.js';
import { type Ctx, describe, fieldName, type Pointer, reportAt, type StateVisit } from '../context.js';
import { checkString, show } from '../values.js';
import { checkPathValue } from './paths.js';

/** What the operand of each comparison operator must be. */
type Operand = 'string' | 'number' | 'boolean' | 'timestamp' | 'path';

const OPERATORS: ReadonlyMap<string, Operand> = new Map<string, Operand>([
  ...comparisons('String', 'string'),
  ['StringMatches', 'string'],
  ...comparisons('Numeric', 'number'),
  ['BooleanEquals', 'boolean'],
  ['BooleanEqualsPath', 'path'],
  ...comparisons('Timestamp', 'timestamp'),
  ['IsNull', 'boolean'],
  ['IsPresent', 'boolean'],
  ['IsNumeric', 'boolean'],
  ['IsString', 'boolean'],
  ['IsBoolean', 'boolean'],
  ['IsTimestamp', 'boolean'],
]);

function comparisons(prefix: string, operand: Operand): [string, Operand][] {
  return ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals'].flatMap(
    (suffix): [string, Operand][] => [
      [`${prefix}${suffix}`, operand],
      [`${prefix}${suffix}Path`, 'path'],
    ],
  );
}

const COMBINATORS = ['And', 'Or', 'Not'] as const;
const JSONATA_RULE_FIELDS = new Set(['Condition', 'Next', 'Assign', 'Output', 'Comment']);

/**
 * Choice rules: JSONPath rules have exactly one comparison (with Variable) or And/Or/Not, nested rules have no Next;
 * JSONata rules have a Condition.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export function checkChoice(ctx: Ctx, visit: StateVisit): void {
  if (visit.type !== 'Choice') return;
  const choices = visit.fields.Choices;
  if (!Array.isArray(choices)) return;
  for (const [i, rule] of choices.entries()) {
    const at = ['Choices', i];
    if (!isObject(rule)) {
      reportAt(
        ctx,
        visit,
        'INVALID_TYPE',
        at,
        `${describe(visit)}: each Choice rule must be an object, got ${show(rule)}.`,
      );
      continue;
    }
    if (!has(rule, 'Next')) {
      reportAt(ctx, visit, 'MISSING_FIELD', at, `${describe(visit)}: Choice rule ${i} requires "Next".`);
    } else {
      checkString(ctx, visit, [...at, 'Next'], rule.Next);
    }
    if (visit.language === 'JSONata') checkJsonataRule(ctx, visit, at, rule);
    else checkJsonPathRule(ctx, visit, at, rule, true);
  }
}

function checkJsonataRule(ctx: Ctx, visit: StateVisit, at: Pointer, rule: Obj): void {
  for (const key of Object.keys(rule)) {
    if (JSONATA_RULE_FIELDS.has(key)) continue;
    const jsonPath =
      OPERATORS.has(key) || key === 'Variable' || (COMBINATORS as readonly string[]).includes(key);
    reportAt(
      ctx,
      visit,
      jsonPath ? 'FIELD_NOT_IN_QUERY_LANGUAGE' : 'UNKNOWN_FIELD',
      [...at, key],
      jsonPath
        ? `${describe(visit)}: "${key}" is a JSONPath Choice field; JSONata rules use "Condition": "{% … %}".`
        : `${describe(visit)}: field "${key}" is not supported in a Choice rule.`,
    );
  }
  const condition = own(rule, 'Condition');
  if (condition === undefined) {
    reportAt(
      ctx,
      visit,
      'MISSING_FIELD',
      at,
      `${describe(visit)}: a JSONata Choice rule requires "Condition".`,
    );
  } else if (typeof condition !== 'boolean' && !isJsonataString(condition) && !isDeployTimeValue(condition)) {
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      [...at, 'Condition'],
      `${describe(visit)}: Condition must be true, false or a {% %} expression, got ${show(condition)}.`,
    );
  }
}

function checkJsonPathRule(ctx: Ctx, visit: StateVisit, at: Pointer, rule: Obj, topLevel: boolean): void {
  const operators: string[] = [];
  for (const key of Object.keys(rule)) {
    if (OPERATORS.has(key) || (COMBINATORS as readonly string[]).includes(key)) operators.push(key);
    else if (key === 'Next' || key === 'Assign') {
      if (!topLevel) {
        reportAt(
          ctx,
          visit,
          key === 'Next' ? 'TRANSITION_NOT_ALLOWED' : 'UNKNOWN_FIELD',
          [...at, key],
          `${describe(visit)}: a rule nested in And/Or/Not cannot have ${key}; put it on the top-level rule.`,
        );
      }
    } else if (key === 'Condition' || key === 'Output') {
      reportAt(
        ctx,
        visit,
        'FIELD_NOT_IN_QUERY_LANGUAGE',
        [...at, key],
        `${describe(visit)}: "${key}" is only allowed in JSONata Choice rules (set "QueryLanguage": "JSONata").`,
      );
    } else if (key !== 'Variable' && key !== 'Comment') {
      reportAt(
        ctx,
        visit,
        'UNKNOWN_FIELD',
        [...at, key],
        `${describe(visit)}: field "${key}" is not supported in a Choice rule.`,
      );
    }
  }
  if (operators.length !== 1) {
    reportAt(
      ctx,
      visit,
      'CHOICE_RULE_OPERATOR',
      operators.length === 0 ? at : [...at, operators[1] as string],
      operators.length === 0
        ? `${describe(visit)}: the Choice rule needs one comparison (e.g. "Variable": "$.x", "StringEquals": "y") or And/Or/Not.`
        : `${describe(visit)}: a Choice rule takes exactly one operator, found ${operators.join(', ')}; combine them with And/Or.`,
      { operators },
    );
  }
  const operator = operators[0];
  if (operator === undefined) return;
  if (operator === 'And' || operator === 'Or')
    checkRuleList(ctx, visit, [...at, operator], own(rule, operator));
  else if (operator === 'Not') checkNested(ctx, visit, [...at, 'Not'], own(rule, 'Not'));
  else checkComparison(ctx, visit, at, rule, operator);
  if (has(rule, 'Variable') && (COMBINATORS as readonly string[]).includes(operator)) {
    reportAt(
      ctx,
      visit,
      'UNKNOWN_FIELD',
      [...at, 'Variable'],
      `${describe(visit)}: Variable is only used with a comparison operator, not with ${operator}.`,
    );
  }
  if (has(rule, 'Comment')) checkString(ctx, visit, [...at, 'Comment'], rule.Comment);
}

function checkRuleList(ctx: Ctx, visit: StateVisit, at: Pointer, rules: unknown): void {
  if (!Array.isArray(rules) || rules.length === 0) {
    reportAt(
      ctx,
      visit,
      'INVALID_VALUE',
      at,
      `${describe(visit)}: ${fieldName(at)} must be a non-empty array of rules.`,
    );
    return;
  }
  for (const [i, rule] of rules.entries()) checkNested(ctx, visit, [...at, i], rule);
}

function checkNested(ctx: Ctx, visit: StateVisit, at: Pointer, rule: unknown): void {
  if (!isObject(rule)) {
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      at,
      `${describe(visit)}: a nested Choice rule must be an object, got ${show(rule)}.`,
    );
    return;
  }
  checkJsonPathRule(ctx, visit, at, rule, false);
}

function checkComparison(ctx: Ctx, visit: StateVisit, at: Pointer, rule: Obj, operator: string): void {
  if (!has(rule, 'Variable')) {
    reportAt(
      ctx,
      visit,
      'MISSING_FIELD',
      at,
      `${describe(visit)}: the ${operator} rule requires "Variable" (e.g. "$.status").`,
    );
  } else {
    checkPathValue(ctx, visit, [...at, 'Variable'], rule.Variable);
  }
  const value = rule[operator];
  const operand = OPERATORS.get(operator);
  if (operand === 'path') {
    checkPathValue(ctx, visit, [...at, operator], value);
    return;
  }
  if (isDeployTimeValue(value)) return;
  const valid =
    operand === 'timestamp'
      ? typeof value === 'string' && parseTimestamp(value) !== undefined
      : typeof value === operand;
  if (valid && operator === 'StringMatches' && danglingBackslash(value as string)) {
    reportAt(
      ctx,
      visit,
      'INVALID_VALUE',
      [...at, operator],
      `${describe(visit)}: StringMatches pattern ends with a lone backslash; write \\\\ for a literal backslash or \\* for a literal *.`,
    );
  }
  if (!valid) {
    const expected = operand === 'timestamp' ? 'an RFC 3339 timestamp string' : `a ${operand}`;
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      [...at, operator],
      `${describe(visit)}: ${operator} must be ${expected}, got ${show(value)}.`,
    );
  }
}

/** Whether a StringMatches pattern ends inside an escape (`\*` and `\\` are its only escapes). */
function danglingBackslash(pattern: string): boolean {
  let escaped = false;
  for (const ch of pattern) escaped = !escaped && ch === '\\';
  return escaped;
}
