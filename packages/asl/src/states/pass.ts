import type { JsonValue } from '../json.js';
import type { Assign, JsonPathIo, PayloadTemplate, StateBase, Transition } from './common.js';

/**
 * Pass: passes its input (or `Result`) to its output.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html
 */
export interface PassState extends StateBase, Transition, JsonPathIo {
  readonly Type: 'Pass';
  readonly Result?: JsonValue;
  readonly Parameters?: PayloadTemplate;
  readonly ResultPath?: string | null;
  readonly Output?: JsonValue;
  readonly Assign?: Assign;
}
