/**
 * An execution's status as `DescribeExecution` reports it. Anything but `SUCCEEDED` fails a `.sync` task with
 * `States.TaskFailed`.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeExecution.html
 */
export type DescribedExecutionStatus =
  | 'RUNNING'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'TIMED_OUT'
  | 'ABORTED'
  | 'PENDING_REDRIVE';

/**
 * DescribeExecution's response, as a `states:startExecution` `.sync` task (Input/Output as JSON text) and `.sync:2`
 * (parsed) return it; dates are epoch milliseconds. One shape for the integration's types (core) and the local
 * child executions (runner).
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeExecution.html
 */
export interface DescribeExecutionResult<TInput, TOutput> {
  readonly ExecutionArn: string;
  readonly StateMachineArn: string;
  readonly Name: string;
  readonly Status: DescribedExecutionStatus;
  readonly StartDate: number;
  readonly StopDate: number;
  readonly Input: TInput;
  readonly InputDetails: { readonly Included: boolean };
  readonly Output: TOutput;
  readonly OutputDetails: { readonly Included: boolean };
  readonly RedriveCount?: number;
  readonly RedriveStatus?: string;
}

/** DescribeExecution of an execution that did not succeed: no `Output`, its `Error` and `Cause` instead. */
export interface FailedExecution<TInput = unknown>
  extends Omit<DescribeExecutionResult<TInput, unknown>, 'Output' | 'OutputDetails'> {
  readonly Error?: string;
  readonly Cause?: string;
}
