import { isJsonataString, jsonataBody } from '@stepcraft/asl';
import { isRecord, own } from '../json-data.js';
import { shorten } from './text.js';

const RELATIONS = [
  ['Equals', '=='],
  ['LessThan', '<'],
  ['GreaterThan', '>'],
  ['LessThanEquals', '<='],
  ['GreaterThanEquals', '>='],
] as const;

// Every comparison operator with its symbol; `…Path` forms compare with another path, written bare.
const COMPARISONS: readonly (readonly [operator: string, symbol: string])[] = [
  ...['String', 'Numeric', 'Timestamp'].flatMap((kind) =>
    RELATIONS.map(([relation, symbol]) => [`${kind}${relation}`, symbol] as const),
  ),
  ['BooleanEquals', '=='],
  ['StringMatches', 'matches'],
];

// Type tests: the words for `true` and for `false`.
const TESTS: readonly (readonly [operator: string, yes: string, no: string])[] = [
  ['IsPresent', 'is present', 'is absent'],
  ['IsNull', 'is null', 'is not null'],
  ['IsNumeric', 'is numeric', 'is not numeric'],
  ['IsString', 'is string', 'is not string'],
  ['IsBoolean', 'is boolean', 'is not boolean'],
  ['IsTimestamp', 'is timestamp', 'is not timestamp'],
];

/**
 * A short readable label for a Choice rule: `$.payment.status == "DECLINED"`, `$.n > 3 and $.ok == true`,
 * or a JSONata `Condition` without its `{% %}`; cut at `LABEL_MAX` code points.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export function choiceLabel(rule: Record<string, unknown>): string {
  const condition = own(rule, 'Condition');
  if (typeof condition === 'boolean') return String(condition);
  if (typeof condition === 'string')
    return shorten(isJsonataString(condition) ? jsonataBody(condition) : condition);
  return shorten(expression(rule));
}

/** One JSONPath rule expression; anything malformed reads `?` instead of throwing. */
function expression(rule: unknown): string {
  if (!isRecord(rule)) return '?';
  const and = own(rule, 'And');
  if (Array.isArray(and)) return and.map(operand).join(' and ') || '?';
  const or = own(rule, 'Or');
  if (Array.isArray(or)) return or.map(operand).join(' or ') || '?';
  if (Object.hasOwn(rule, 'Not')) return `not ${operand(own(rule, 'Not'))}`;
  const variable = own(rule, 'Variable');
  const subject = typeof variable === 'string' ? variable : '?';
  for (const [operator, symbol] of COMPARISONS) {
    if (Object.hasOwn(rule, operator)) return `${subject} ${symbol} ${JSON.stringify(own(rule, operator))}`;
    const path = own(rule, `${operator}Path`);
    if (typeof path === 'string') return `${subject} ${symbol} ${path}`;
  }
  for (const [operator, yes, no] of TESTS) {
    const value = own(rule, operator);
    if (typeof value === 'boolean') return `${subject} ${value ? yes : no}`;
  }
  return `${subject} ?`;
}

/** A nested expression, parenthesised when it is compound so `and`/`or`/`not` read unambiguously. */
function operand(rule: unknown): string {
  const text = expression(rule);
  const isCompound = isRecord(rule) && ['And', 'Or', 'Not'].some((key) => Object.hasOwn(rule, key));
  return isCompound ? `(${text})` : text;
}
