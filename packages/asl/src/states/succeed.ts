import type { JsonValue } from '../json.js';
import type { JsonPathIo, StateBase } from './common.js';

/**
 * Succeed: ends the execution (or the branch/iteration) successfully.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html
 */
export interface SucceedState extends StateBase, JsonPathIo {
  readonly Type: 'Succeed';
  readonly Output?: JsonValue;
}
