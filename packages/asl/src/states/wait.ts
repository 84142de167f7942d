import type { JsonValue } from '../json.js';
import type { Assign, JsonPathIo, StateBase, Transition } from './common.js';

/**
 * Wait: delays for `Seconds` or until `Timestamp` (or their `*Path` forms). Exactly one is given.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 */
export interface WaitState extends StateBase, Transition, JsonPathIo {
  readonly Type: 'Wait';
  /** Non-negative integer, or a `{% %}` expression in JSONata. */
  readonly Seconds?: number | string;
  readonly SecondsPath?: string;
  readonly Timestamp?: string;
  readonly TimestampPath?: string;
  readonly Output?: JsonValue;
  readonly Assign?: Assign;
}
