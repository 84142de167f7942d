import type {
  CompiledWorkflow,
  DescribeExecutionResult,
  FailedExecution,
  Handlers,
  JsonValue,
  TaskHandlerContext,
} from '@stepcraft/asl';
import { run } from '../run.js';
import type { ExecutionResult } from '../types.js';

/**
 * What a `states:startExecution` task sends (`StateMachineArn`, `Input` as JSON or JSON text, `Name`). A type, not
 * an interface, so a handler taking it fits the runner's `Handlers` (JSON in).
 */
export type ChildExecutionRequest<TInput> = {
  readonly StateMachineArn: string;
  readonly Input?: TInput | string;
  readonly Name?: string;
};

/** The child's `DescribeExecution` response once it ended (`.sync`, `.sync:2`). */
export type ChildExecutionDescription<TInput, TOutput> = DescribeExecutionResult<TInput, TOutput>;

/** The `DescribeExecution` response of a child that did not succeed: its `Error` and `Cause`, no `Output`. */
export interface FailedChildExecution<TInput> extends FailedExecution<TInput> {
  readonly Error: string;
  readonly Cause: string;
}

/** StartExecution's response (the request-response pattern, which does not wait for the child). */
export interface ChildExecutionStart {
  readonly ExecutionArn: string;
  readonly StartDate: number;
}

/** One child execution a `childExecution` handler ran. */
export interface ChildRun {
  /** The child's execution ARN, as the parent's task result names it. */
  readonly executionArn: string;
  /** The parent execution that started it (`$$.Execution.Id`). */
  readonly parentExecutionArn: string;
  readonly parentState: string;
  /** The child's own result: its status, output and history. */
  readonly result: ExecutionResult;
}

/** How a `childExecution` handler runs the child. */
export interface ChildExecutionOptions {
  /** Handlers for the child's tasks (they win over the compiled child's own). */
  readonly handlers?: Handlers;
  /** Called with each child execution when it ends (its history is its own, as on AWS). */
  readonly onRun?: (run: ChildRun) => void;
}

/**
 * A handler for a `states:startExecution.sync` / `.sync:2` task that runs `child` locally, as an execution of its
 * own: with its own input, output and history, started at the parent's current time under the request's `Name` (or
 * one derived from the parent's), linked to the parent by its ARN in the task's result (and by
 * `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID` when the parent passes it in the input, as AWS recommends). The
 * parent's clock waits for the child's duration and the answer is the child's DescribeExecution; the runner then
 * fails the task with `States.TaskFailed` unless the child succeeded, and hands the child's Input and Output over as
 * JSON text (`.sync`) or parsed (`.sync:2`). For a task that does not wait, see `startChildExecution`.
 * @example task('Fulfil', { resource: stepFunctions.startExecution(arn, child).sync2(), handler: childExecution(compile(child)), … })
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
export function childExecution<TInput, TOutput>(
  child: CompiledWorkflow<TInput, TOutput>,
  options: ChildExecutionOptions = {},
): (
  request: ChildExecutionRequest<TInput>,
  context: TaskHandlerContext,
) => Promise<ChildExecutionDescription<TInput, TOutput> | FailedChildExecution<TInput>> {
  const runChild = childRunner(child, options);
  return async (request, context) => {
    const { executionArn, input, name, start, result } = await runChild(request, context);
    // The parent waits for the child: its clock moves by the child's duration.
    if (result.stats.durationMs > 0) await context.sleep(result.stats.durationMs / 1000);
    const description = {
      ExecutionArn: executionArn,
      StateMachineArn: request.StateMachineArn,
      Name: name,
      Status: result.status,
      StartDate: start,
      StopDate: start + result.stats.durationMs,
      Input: input,
      InputDetails: { Included: true },
    };
    if (result.status === 'SUCCEEDED') {
      return { ...description, Output: result.output as TOutput, OutputDetails: { Included: true } };
    }
    return { ...description, Error: result.error ?? '', Cause: result.cause ?? '' };
  };
}

/**
 * A handler for a request-response `states:startExecution` task (the parent does not wait): runs `child` locally as
 * `childExecution` does, and answers with StartExecution's `{ ExecutionArn, StartDate }`.
 */
export function startChildExecution<TInput, TOutput>(
  child: CompiledWorkflow<TInput, TOutput>,
  options: ChildExecutionOptions = {},
): (request: ChildExecutionRequest<TInput>, context: TaskHandlerContext) => Promise<ChildExecutionStart> {
  const runChild = childRunner(child, options);
  return async (request, context) => {
    const { executionArn, start } = await runChild(request, context);
    return { ExecutionArn: executionArn, StartDate: start };
  };
}

/** Runs the child for one request, and reports it. */
function childRunner<TInput, TOutput>(
  child: CompiledWorkflow<TInput, TOutput>,
  options: ChildExecutionOptions,
) {
  let started = 0;
  return async (request: ChildExecutionRequest<TInput>, context: TaskHandlerContext) => {
    started++;
    const parent = executionOf(context.context);
    const machine = request.StateMachineArn.split(':').at(-1) || (child.name ?? 'Child');
    const name = request.Name ?? `${parent.name}-${context.stateName}-${started}`.slice(0, 80);
    const input = (
      typeof request.Input === 'string' ? JSON.parse(request.Input) : (request.Input ?? {})
    ) as TInput;
    const startDate = Date.parse(parent.enteredTime);
    const result = (await run(child as CompiledWorkflow<unknown, unknown>, input as JsonValue, {
      ...(options.handlers === undefined ? {} : { handlers: options.handlers }),
      executionName: name,
      stateMachineName: machine,
      ...(Number.isNaN(startDate) ? {} : { startTime: new Date(startDate) }),
    })) as ExecutionResult;
    const kind = child.type === 'EXPRESS' ? ':express:' : ':execution:';
    const executionArn = `${request.StateMachineArn.replace(':stateMachine:', kind)}:${name}`;
    options.onRun?.({ executionArn, parentExecutionArn: parent.id, parentState: context.stateName, result });
    return { executionArn, input, name, start: Number.isNaN(startDate) ? 0 : startDate, result };
  };
}

/** The parent's execution ARN and name, and when the task's state was entered, from its context object. */
function executionOf(context: JsonValue): { id: string; name: string; enteredTime: string } {
  const object = (value: JsonValue | undefined) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const root = object(context);
  const execution = object(root.Execution);
  const state = object(root.State);
  return {
    id: String(execution.Id ?? ''),
    name: String(execution.Name ?? 'execution'),
    enteredTime: String(state.EnteredTime ?? ''),
  };
}
