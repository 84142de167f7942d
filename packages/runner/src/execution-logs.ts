import type { JsonObject } from '@stepcraft/asl';
import type { HistoryEvent } from './history.js';
import type { ExecutionResult } from './types.js';

/**
 * A state machine's `LoggingConfiguration.level`: which event types reach CloudWatch Logs.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/cloudwatch-log-level.html
 */
export type LogLevel = 'ALL' | 'ERROR' | 'FATAL' | 'OFF';

/** How the state machine logs (`LoggingConfiguration`). */
export interface ExecutionLogOptions {
  /** Default `ALL`. */
  readonly level?: LogLevel;
  /** `includeExecutionData`: with `false`, the events' `input`, `output` and `parameters` are left out. Default `true`. */
  readonly includeExecutionData?: boolean;
  /** The execution's ARN, written in every log event (default: an Express execution ARN of the runner's account). */
  readonly executionArn?: string;
}

/**
 * One CloudWatch Logs event of an execution, as Step Functions writes it for a logged state machine (the only record
 * an Express execution leaves, as it has no `GetExecutionHistory`): the history event with its ids and epoch
 * milliseconds as strings, the execution ARN, and its `*EventDetails` as `details`.
 */
export interface ExecutionLogEvent {
  readonly id: string;
  readonly type: string;
  readonly details?: JsonObject;
  readonly previous_event_id: string;
  readonly event_timestamp: string;
  readonly execution_arn: string;
  readonly redrive_count: string;
}

// AWS's table of which event types each level logs (ALL logs everything, OFF nothing).
const FATAL: ReadonlySet<string> = new Set(['ExecutionAborted', 'ExecutionFailed', 'ExecutionTimedOut']);
const ERROR: ReadonlySet<string> = new Set([
  ...FATAL,
  'FailStateEntered',
  'LambdaFunctionFailed',
  'LambdaFunctionScheduleFailed',
  'LambdaFunctionStartFailed',
  'LambdaFunctionTimedOut',
  'MapIterationAborted',
  'MapIterationFailed',
  'MapRunAborted',
  'MapRunFailed',
  'MapStateAborted',
  'MapStateFailed',
  'ParallelStateAborted',
  'ParallelStateFailed',
  'TaskFailed',
  'TaskStartFailed',
  'TaskStateAborted',
  'TaskSubmitFailed',
  'TaskTimedOut',
  'WaitStateAborted',
]);

const EXECUTION_DATA = new Set(['input', 'output', 'parameters']);

const DEFAULT_ARN = 'arn:aws:states:us-east-1:123456789012:express:StateMachine:local';

/**
 * What a run would have logged to CloudWatch Logs, event by event, under a logging configuration: how an Express
 * workflow's execution is seen on AWS (it has no execution history API), for tests that read it the way a log query
 * would. The event fields follow the log records Step Functions writes (LocalStack writes the same ones).
 * @example executionLogs(await run(compiled, input, { stateMachineType: 'EXPRESS' }), { level: 'ERROR' })
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
 */
export function executionLogs(
  result: Pick<ExecutionResult<unknown>, 'history'>,
  options: ExecutionLogOptions = {},
): ExecutionLogEvent[] {
  const level = options.level ?? 'ALL';
  if (level === 'OFF') return [];
  const withData = options.includeExecutionData ?? true;
  const arn = options.executionArn ?? DEFAULT_ARN;
  const logged = level === 'ALL' ? undefined : level === 'ERROR' ? ERROR : FATAL;
  const events: ExecutionLogEvent[] = [];
  for (const event of result.history) {
    if (logged !== undefined && !logged.has(event.type)) continue;
    const details = detailsOf(event, withData);
    events.push({
      id: String(event.id),
      type: event.type,
      ...(details === undefined ? {} : { details }),
      previous_event_id: String(event.previousEventId),
      event_timestamp: String(Date.parse(event.timestamp)),
      execution_arn: arn,
      redrive_count: '0',
    });
  }
  return events;
}

function detailsOf(event: HistoryEvent, withData: boolean): JsonObject | undefined {
  for (const key of Object.keys(event)) {
    if (!key.endsWith('EventDetails')) continue;
    const details = event[key as `${string}EventDetails`];
    if (details === undefined) return undefined;
    if (withData) return details;
    return Object.fromEntries(Object.entries(details).filter(([field]) => !EXECUTION_DATA.has(field)));
  }
  return undefined;
}
