import type { JsonValue } from '../json.js';
import type { Assign, JsonPathIo, StateBase } from './common.js';

/** The comparison operators of a JSONPath Choice rule (exactly one per data-test rule). */
export interface ChoiceComparison {
  readonly Variable?: string;
  readonly StringEquals?: string;
  readonly StringEqualsPath?: string;
  readonly StringLessThan?: string;
  readonly StringLessThanPath?: string;
  readonly StringGreaterThan?: string;
  readonly StringGreaterThanPath?: string;
  readonly StringLessThanEquals?: string;
  readonly StringLessThanEqualsPath?: string;
  readonly StringGreaterThanEquals?: string;
  readonly StringGreaterThanEqualsPath?: string;
  readonly StringMatches?: string;
  readonly NumericEquals?: number;
  readonly NumericEqualsPath?: string;
  readonly NumericLessThan?: number;
  readonly NumericLessThanPath?: string;
  readonly NumericGreaterThan?: number;
  readonly NumericGreaterThanPath?: string;
  readonly NumericLessThanEquals?: number;
  readonly NumericLessThanEqualsPath?: string;
  readonly NumericGreaterThanEquals?: number;
  readonly NumericGreaterThanEqualsPath?: string;
  readonly BooleanEquals?: boolean;
  readonly BooleanEqualsPath?: string;
  readonly TimestampEquals?: string;
  readonly TimestampEqualsPath?: string;
  readonly TimestampLessThan?: string;
  readonly TimestampLessThanPath?: string;
  readonly TimestampGreaterThan?: string;
  readonly TimestampGreaterThanPath?: string;
  readonly TimestampLessThanEquals?: string;
  readonly TimestampLessThanEqualsPath?: string;
  readonly TimestampGreaterThanEquals?: string;
  readonly TimestampGreaterThanEqualsPath?: string;
  readonly IsNull?: boolean;
  readonly IsPresent?: boolean;
  readonly IsNumeric?: boolean;
  readonly IsString?: boolean;
  readonly IsBoolean?: boolean;
  readonly IsTimestamp?: boolean;
}

/** A JSONPath rule without `Next` (inside And/Or/Not). */
export interface ChoiceRuleExpression extends ChoiceComparison {
  readonly And?: readonly ChoiceRuleExpression[];
  readonly Or?: readonly ChoiceRuleExpression[];
  readonly Not?: ChoiceRuleExpression;
  readonly Comment?: string;
}

/** A top-level Choice rule: JSONPath comparison / And / Or / Not, or a JSONata `Condition`; always with `Next`. */
export interface ChoiceRule extends ChoiceRuleExpression {
  readonly Next: string;
  /** JSONata: `true`, `false` or a `{% %}` expression. */
  readonly Condition?: boolean | string;
  readonly Assign?: Assign;
  /** JSONata only. */
  readonly Output?: JsonValue;
}

/**
 * Choice: picks the first rule that matches, else `Default`, else fails with `States.NoChoiceMatched`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export interface ChoiceState extends StateBase, JsonPathIo {
  readonly Type: 'Choice';
  readonly Choices: readonly ChoiceRule[];
  readonly Default?: string;
  readonly Output?: JsonValue;
  readonly Assign?: Assign;
}
