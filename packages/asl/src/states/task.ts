import type { JsonObject, JsonValue } from '../json.js';
import type {
  Assign,
  Catcher,
  JsonPathIo,
  PayloadTemplate,
  Retrier,
  StateBase,
  Transition,
} from './common.js';

/**
 * Task: calls a resource (Lambda, an optimized integration, `aws-sdk:*`, an activity).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 */
export interface TaskState extends StateBase, Transition, JsonPathIo {
  readonly Type: 'Task';
  readonly Resource: string;
  readonly Parameters?: PayloadTemplate;
  readonly ResultSelector?: PayloadTemplate;
  readonly ResultPath?: string | null;
  /** JSONata: the resource's input. */
  readonly Arguments?: JsonValue;
  /** JSONata: the state's output (default: the result). */
  readonly Output?: JsonValue;
  readonly Assign?: Assign;
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
  /** Integer seconds, or a `{% %}` expression in JSONata. */
  readonly TimeoutSeconds?: number | string;
  readonly TimeoutSecondsPath?: string;
  readonly HeartbeatSeconds?: number | string;
  readonly HeartbeatSecondsPath?: string;
  readonly Credentials?: JsonObject | string;
}
