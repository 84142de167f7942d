import type { DescribedExecutionStatus, DescribeExecutionResult, FailedExecution } from '@stepcraft/asl';
import {
  type CallbackIntegration,
  type ChildTypes,
  callbackPattern,
  createIntegration,
  type Integration,
  mergePayload,
  type SdkMetadata,
} from './integration.js';

/**
 * The StartExecution request (`StateMachineArn` is given to `stepFunctions.startExecution`). With a typed child,
 * `Input` must be the child's input; `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID` (`context.Execution.Id`) links the
 * child to this execution in the console.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
export interface StartExecutionRequest<TInput> {
  readonly StateMachineArn: string;
  readonly Input: unknown extends TInput
    ? unknown
    : TInput & { readonly AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID?: string };
  readonly Name?: string;
  readonly TraceHeader?: string;
}

/** StartExecution's response (fire-and-forget, and the TaskSubmitted output of `.sync`); dates are epoch ms. */
export interface StartExecutionResult extends SdkMetadata {
  readonly ExecutionArn: string;
  readonly StartDate: number;
}

/** An execution's status, as DescribeExecution reports it (one definition, in `@stepcraft/asl`). */
export type ExecutionStatus = DescribedExecutionStatus;

export type { DescribeExecutionResult, FailedExecution };

/**
 * The errors a StartExecution task raises, as `StepFunctions.<Exception>`; with `.sync`, a child that does not
 * succeed fails the task with `States.TaskFailed` (cause: the child's DescribeExecution response, with its
 * `Error` and `Cause`).
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html#API_StartExecution_Errors
 */
export const STEP_FUNCTIONS_ERRORS = Object.freeze([
  'StepFunctions.AWSStepFunctionsException',
  'StepFunctions.ExecutionAlreadyExistsException',
  'StepFunctions.ExecutionLimitExceededException',
  'StepFunctions.InvalidArnException',
  'StepFunctions.InvalidExecutionInputException',
  'StepFunctions.InvalidNameException',
  'StepFunctions.KmsAccessDeniedException',
  'StepFunctions.KmsThrottlingException',
  'StepFunctions.StateMachineDeletingException',
  'StepFunctions.StateMachineDoesNotExistException',
  'StepFunctions.ValidationException',
] as const);

/** An error name of the Step Functions integration. */
export type StepFunctionsError = (typeof STEP_FUNCTIONS_ERRORS)[number];

/** A workflow (from `workflow()`), seen only for its input and output types. */
export interface ChildWorkflow<TInput = unknown, TOutput = unknown> {
  readonly '~types': { readonly input: TInput; readonly output: TOutput };
}

/** `startExecution`: fire-and-forget, waiting for the child with `.sync()` / `.sync2()`, or for a callback. */
export interface StartExecutionIntegration<TData>
  extends CallbackIntegration<'states-start-execution', never, TData> {
  /** `.sync`: waits for the child; its `Input` and `Output` come back as JSON text. */
  sync(): Integration<'states-start-execution', 'sync', never, TData>;
  /** `.sync:2`: waits for the child; its `Input` and `Output` come back parsed (typed by the child workflow). */
  sync2(): Integration<'states-start-execution', 'sync:2', never, TData>;
}

const RESOURCE = 'arn:aws:states:::states:startExecution';

// The child only types the integration here; the types flow through `TData`.
function startExecutionOf<TData>(stateMachineArn: string, _child: unknown): StartExecutionIntegration<TData> {
  const parameters = mergePayload({ StateMachineArn: stateMachineArn }, 'Step Functions StartExecution');
  const at = <TPattern extends 'request-response' | 'sync' | 'sync:2'>(pattern: TPattern, suffix: string) =>
    createIntegration<'states-start-execution', TPattern, never, TData>(
      'states-start-execution',
      pattern,
      `${RESOURCE}${suffix}`,
      parameters,
    );
  const base = at('request-response', '');
  return Object.freeze({
    ...base,
    sync: () => at('sync', '.sync'),
    sync2: () => at('sync:2', '.sync:2'),
    ...callbackPattern(base),
  });
}

/**
 * AWS Step Functions integrations: nested workflows.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
export const stepFunctions = Object.freeze({
  /**
   * `arn:aws:states:::states:startExecution`: starts the state machine `stateMachineArn`. Pass the child workflow
   * to type its `Input` (checked against the child's input) and, with `.sync2()`, the `Output` it returns.
   * @example
   * task('Fulfil', { resource: stepFunctions.startExecution(fulfilmentArn, fulfilment).sync2(), parameters: ({ input, context }) => ({ Input: { orderId: input.orderId, AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: context.Execution.Id } }) })
   * // "Resource": "arn:aws:states:::states:startExecution.sync:2",
   * // "Parameters": { "StateMachineArn": "arn:…:stateMachine:Fulfilment", "Input": { "orderId.$": "$.orderId", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id" } }
   */
  startExecution<TChild extends ChildWorkflow = ChildWorkflow>(
    stateMachineArn: string,
    child?: TChild,
  ): StartExecutionIntegration<ChildTypes<TChild['~types']['input'], TChild['~types']['output']>> {
    return startExecutionOf(stateMachineArn, child);
  },
  /** The error names StartExecution tasks raise. */
  errors: STEP_FUNCTIONS_ERRORS,
});
