import type { CompiledWorkflow, DescribeExecutionResult, FailedExecution } from '@stepcraft/core';
import { type ExecutionResult, run } from '@stepcraft/runner';

/** What `states:startExecution.sync:2` sends the handler. */
export interface StartRequest<TInput> {
  readonly StateMachineArn: string;
  readonly Input: TInput;
  readonly Name?: string;
}

/** The child executions a `runChild` handler ran, with their own histories (for tests and the curious). */
export const childRuns: ExecutionResult[] = [];

/**
 * A local stand-in for `startExecution.sync:2`: runs the compiled child workflow as an execution of its own and
 * answers with its DescribeExecution (with the child's Error and Cause when it failed); the runner then fails the
 * task with `States.TaskFailed` unless the child succeeded, as Step Functions does.
 */
export function runChild<TInput, TOutput>(child: CompiledWorkflow) {
  return async (
    request: StartRequest<TInput>,
  ): Promise<DescribeExecutionResult<TInput, TOutput> | FailedExecution> => {
    const name = request.Name ?? 'child';
    const result = await run(child, request.Input as never, {
      executionName: name,
      stateMachineName: child.name,
    });
    childRuns.push(result);
    const start = Date.parse(String(result.history[0]?.timestamp));
    const description = {
      ExecutionArn: `${request.StateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`,
      StateMachineArn: request.StateMachineArn,
      Name: name,
      Status: result.status,
      StartDate: start,
      StopDate: start + result.stats.durationMs,
      Input: request.Input,
      InputDetails: { Included: true },
      Output: result.output as TOutput,
      OutputDetails: { Included: true },
    };
    if (result.status === 'SUCCEEDED') return description;
    const { Output: _output, OutputDetails: _details, ...failed } = description;
    return { ...failed, Error: result.error ?? '', Cause: result.cause ?? '' };
  };
}
