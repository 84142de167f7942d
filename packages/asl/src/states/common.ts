import type { AslState } from '../document.js';
import type { JsonObject, JsonValue } from '../json.js';

/** `JSONPath` (the default) or `JSONata`, per document or per state. */
export type QueryLanguage = 'JSONPath' | 'JSONata';

/**
 * A JSONata expression as ASL writes it: the whole string is `{% … %}`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export type JsonataString = `{%${string}%}`;

/** A payload template (Parameters, ResultSelector, ItemSelector, …): keys ending in `.$` hold paths or intrinsic calls. */
export type PayloadTemplate = JsonObject;

/** Variable assignments: JSONPath states use payload-template values, JSONata states JSON values with `{% %}` strings. */
export type Assign = JsonObject;

/** Fields every state may carry. */
export interface StateBase {
  readonly Comment?: string;
  readonly QueryLanguage?: QueryLanguage;
}

/** `Next` or `End: true`, for the states that transition. */
export interface Transition {
  readonly Next?: string;
  readonly End?: boolean;
}

/** One entry of `Retry`. */
export interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
  readonly MaxDelaySeconds?: number;
  readonly JitterStrategy?: 'FULL' | 'NONE';
  readonly Comment?: string;
}

/** One entry of `Catch`. `ResultPath` is JSONPath-only, `Output` JSONata-only. */
export interface Catcher {
  readonly ErrorEquals: readonly string[];
  readonly Next: string;
  readonly ResultPath?: string | null;
  readonly Output?: JsonValue;
  readonly Assign?: Assign;
  readonly Comment?: string;
}

/** JSONPath input/output filters shared by most states. */
export interface JsonPathIo {
  readonly InputPath?: string | null;
  readonly OutputPath?: string | null;
}

/** A nested state machine: a Parallel branch or a Map processor. */
export interface SubMachine {
  readonly Comment?: string;
  readonly StartAt: string;
  readonly States: Readonly<Record<string, AslState>>;
}
