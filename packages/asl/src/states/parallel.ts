import type { JsonValue } from '../json.js';
import type {
  Assign,
  Catcher,
  JsonPathIo,
  PayloadTemplate,
  Retrier,
  StateBase,
  SubMachine,
  Transition,
} from './common.js';

/**
 * Parallel: runs every branch on the same input; the result is the array of branch outputs, in branch order.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html
 */
export interface ParallelState extends StateBase, Transition, JsonPathIo {
  readonly Type: 'Parallel';
  readonly Branches: readonly SubMachine[];
  readonly Parameters?: PayloadTemplate;
  readonly ResultSelector?: PayloadTemplate;
  readonly ResultPath?: string | null;
  readonly Arguments?: JsonValue;
  readonly Output?: JsonValue;
  readonly Assign?: Assign;
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
}
