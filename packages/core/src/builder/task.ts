import {
  resourcePatternProblem,
  type StateContract,
  type TaskHandler,
  type TaskHandlerContext,
} from '@stepcraft/asl';
import { raise } from '../errors.js';
import {
  type CallbackResponseOf,
  contractShape,
  type HandlerAnswerOf,
  type Integration,
  type ResourcesOfIntegration,
  type TaskErrors,
  type TaskInputOf,
  type TaskResultOf,
} from '../integrations/integration.js';
import type { PayloadFor, RequestCheck } from '../integrations/request-check.js';
import type { QueryLanguage } from '../ir/common-node.js';
import { createTaskNode } from '../ir/task-node.js';
import type { TemplateNode } from '../ir/template-node.js';
import type { OrError, Param } from '../types/fit.js';
import type { Message } from '../types/messages.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type {
  Built,
  InputOfSchema,
  MaybePromise,
  OutputOfSchema,
  SchemaLike,
  Unset,
} from '../types/type-utils.js';
import { orError } from './checked.js';
import type { ContextObject, TaskContextObject } from './context.js';
import { defined } from './defined.js';
import type { InputRefs } from './dynamic.js';
import type { Arg, IsTaskToken } from './intrinsics.js';
import { parseNullablePath, parsePath } from './paths.js';
import { type Expr, type Ref, type Resolve, toTemplate } from './refs.js';
import type { BareResult, Unbare } from './result-fields.js';
import { type TaskTypes, type WorkState, WorkStateImpl } from './result-state.js';
import { recorded, runSelector, selectorRefs } from './selector.js';
import { type AfterInputPath, type InputPathCheck, isSchema } from './spec.js';

type ResolvedPayload<TPayload> = [TPayload] extends [Unset] ? Unset : Resolve<TPayload>;

type HasTaskToken<T> =
  T extends Expr<unknown>
    ? IsTaskToken<T>
    : T extends object
      ? true extends { [K in keyof T]: HasTaskToken<T[K]> }[keyof T]
        ? true
        : false
      : false;

/** A `.waitForTaskToken` task must send `$$.Task.Token` somewhere in its payload. */
export type TaskTokenCheck<
  TName extends string,
  TIntegration extends Integration,
  TPayload,
> = TIntegration['pattern'] extends 'callback'
  ? true extends HasTaskToken<TPayload>
    ? unknown
    : StepcraftTypeError<Message<'taskToken', [TName]>>
  : unknown;

/** The checks a task's type runs once its payload is known: the task token, then the request's required fields. */
export type TaskChecks<TName extends string, TIntegration extends Integration, TPayload> =
  TaskTokenCheck<TName, TIntegration, TPayload> extends infer $Token extends StepcraftTypeError<string>
    ? $Token
    : RequestCheck<TName, TIntegration, TPayload>;

/**
 * What a handler returns: the declared result, before any service envelope. A `.waitForTaskToken` task's handler
 * stands in for the service call, so it returns the service's response or nothing (AWS discards that response: the
 * token's `SendTaskSuccess` decides the result); an activity's handler is its worker and returns the result (an
 * activity has no callback pattern: its worker holds the token already).
 */
export type HandlerResultOf<TIntegration extends Integration, R> = TIntegration['pattern'] extends 'callback'
  ? // biome-ignore lint/suspicious/noConfusingVoidType: `void` accepts a handler with no return statement (`async () => {}`)
    CallbackResponseOf<TIntegration> | void
  : TIntegration['kind'] extends 'lambda-invoke'
    ? R
    : HandlerAnswerOf<TIntegration, R>;

/** What answers a task in a test (a mock, `SendTaskSuccess`): the handler's result, or for a callback the declared result. */
export type TaskAnswerOf<TIntegration extends Integration, R> = TIntegration['pattern'] extends 'callback'
  ? R
  : HandlerResultOf<TIntegration, R>;

/** The result before ResultSelector. */
type RawResult<TIntegration extends Integration, TOutputSchema extends SchemaLike> = TaskResultOf<
  TIntegration,
  OutputOfSchema<TOutputSchema>
>;

/** How `task()` is configured. */
export interface TaskSpec<
  TName extends string,
  TIntegration extends Integration,
  TInputSchema extends SchemaLike,
  TInputPath,
  TPayload,
  TOutputSchema extends SchemaLike,
  TSelected,
  TDeclared extends string = string,
> {
  /** What the task calls: `lambda.invoke('fn')`, `sqs.sendMessage(url)`, `awsSdk('s3', 'getObject')`, … */
  readonly resource: TIntegration;
  /** The state's input. Omit it to accept anything (`unknown`). */
  readonly input?: TInputSchema;
  /** Selects the part of the input the task works on. */
  readonly inputPath?: Param<TInputPath, InputPathCheck<TName, InputOfSchema<TInputSchema>, TInputPath>>;
  /**
   * Builds the payload from typed refs, run once at build time:
   * `({ input, context }) => ({ id: input.orderId, token: context.Task.Token })`.
   * For Lambda it becomes `Payload`, for SQS `MessageBody`, for SNS `Message`, for DynamoDB `Key`/`Item`.
   */
  readonly parameters?: (refs: {
    readonly input: Ref<AfterInputPath<InputOfSchema<TInputSchema>, TInputPath>>;
    readonly context: Ref<TaskContextObject>;
    // The request's shape types the returned object (literals stay literal, a wrong field errs where it is);
    // inference reads only `TPayload`.
  }) => TPayload & NoInfer<PayloadFor<TIntegration, TPayload>>;
  /** The result the resource produces (for Lambda: the function's return value, before the Invoke envelope). */
  readonly output?: TOutputSchema;
  /** The local implementation the runner calls instead of AWS. */
  readonly handler?: (
    input: TaskInputOf<
      TIntegration,
      AfterInputPath<InputOfSchema<TInputSchema>, TInputPath>,
      ResolvedPayload<TPayload>
    >,
    context: TaskHandlerContext,
  ) => MaybePromise<HandlerResultOf<TIntegration, InputOfSchema<TOutputSchema>>>;
  /** Reshapes the raw result (e.g. `lambda.payload` unwraps the Lambda envelope). */
  readonly resultSelector?: (refs: {
    readonly result: Ref<RawResult<TIntegration, TOutputSchema>>;
    readonly context: Ref<ContextObject>;
  }) => TSelected;
  /**
   * The error names the task raises besides its integration's and the `States.*` ones (a Lambda function's
   * `errorType`s, an error a handler throws), so `.retry`/`.catch` accept them; any other name is a compile error.
   * Not part of the ASL.
   * @example errors: ['PaymentDeclined'] // .catch(['PaymentDeclined'], refund)
   */
  readonly errors?: readonly TDeclared[];
  readonly comment?: string;
  /** Pins this state's query language, whatever the workflow's. */
  readonly queryLanguage?: QueryLanguage;
  /** Fails the task with `States.Timeout` after this many seconds. */
  readonly timeoutSeconds?: number;
  /** Like `timeoutSeconds`, read from the input. */
  readonly timeoutSecondsPath?: string;
  /** Fails the task with `States.Timeout` when no heartbeat arrives for this long (activities, callbacks). */
  readonly heartbeatSeconds?: number;
  readonly heartbeatSecondsPath?: string;
  /**
   * A role to assume for the call (cross-account), constant or read from the state's input.
   * @example credentials: ({ input }) => ({ roleArn: input.roleArn }) // "Credentials": { "RoleArn.$": "$.roleArn" }
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-access-cross-acct-resources.html
   */
  readonly credentials?:
    | TaskCredentials
    | ((refs: InputRefs<InputOfSchema<TInputSchema>>) => TaskCredentials);
}

/** The role a Task assumes for its call. */
export interface TaskCredentials {
  readonly roleArn: Arg<string>;
}

type TaskResult<TIntegration extends Integration, TOutputSchema extends SchemaLike, TSelected> = [
  TSelected,
] extends [Unset]
  ? RawResult<TIntegration, TOutputSchema>
  : [TSelected] extends [Expr<unknown>]
    ? BareResult<Resolve<TSelected>>
    : Resolve<TSelected>;

/**
 * A Task state. Its input is the `input` schema's type, its result is what the resource returns (typed per
 * integration), and its output is the result until `.resultPath()`/`.outputPath()` say otherwise.
 * @example
 * task('ProcessPayment', { resource: lambda.invoke('Payment'), input: Order, output: Payment, resultSelector: lambda.payload })
 *   .resultPath('$.payment')
 * // "ProcessPayment": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
 * //   "Parameters": { "FunctionName": "Payment", "Payload.$": "$" }, "ResultSelector": { … }, "ResultPath": "$.payment", … }
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 */
export function task<
  const TName extends string,
  TIntegration extends Integration,
  TInputSchema extends SchemaLike = SchemaLike<unknown>,
  const TInputPath extends string | null | undefined = undefined,
  const TPayload = Unset,
  TOutputSchema extends SchemaLike = SchemaLike<unknown>,
  TSelected = Unset,
  const TDeclared extends string = never,
>(
  name: TName,
  spec: TaskSpec<
    TName,
    TIntegration,
    TInputSchema,
    TInputPath,
    TPayload,
    TOutputSchema,
    TSelected,
    TDeclared
  >,
): Built<
  OrError<
    TaskChecks<TName, TIntegration, TPayload>,
    WorkState<
      TName,
      InputOfSchema<TInputSchema>,
      TaskResult<TIntegration, TOutputSchema, TSelected>,
      Unbare<TaskResult<TIntegration, TOutputSchema, TSelected>>,
      ResourcesOfIntegration<TIntegration>,
      TaskTypes<
        TaskInputOf<
          TIntegration,
          AfterInputPath<InputOfSchema<TInputSchema>, TInputPath>,
          ResolvedPayload<TPayload>
        >,
        TaskAnswerOf<TIntegration, InputOfSchema<TOutputSchema>>
      >,
      TaskErrors<TIntegration, TDeclared>
    >
  >
> {
  const resource = spec.resource as Integration;
  // The types offer patterns only where AWS has them; JavaScript callers and casts learn it here.
  const patternProblem = resourcePatternProblem(resource.resource);
  if (patternProblem !== undefined) {
    raise(
      'RESOURCE_PATTERN_UNSUPPORTED',
      `"${name}": Resource ${JSON.stringify(resource.resource)} ${patternProblem.message}`,
      name,
      { resource: resource.resource },
    );
  }
  const payload = runSelector(spec.parameters, `Parameters of "${name}"`, name);
  if (resource.resource.endsWith('.waitForTaskToken') && !mentionsTaskToken(payload)) {
    raise(
      'TASK_TOKEN_MISSING',
      `"${name}" waits for a task token: put context.Task.Token in its parameters`,
      name,
    );
  }
  const inputPath = parseNullablePath(spec.inputPath as string | null | undefined, 'InputPath', name);
  const node = createTaskNode({
    name,
    resource: resource.resource,
    ...defined('comment', spec.comment),
    ...defined('queryLanguage', spec.queryLanguage),
    ...defined('inputPath', inputPath),
    ...defined('parameters', resource.parameters(payload)),
    ...defined('resultSelector', runSelector(spec.resultSelector, `ResultSelector of "${name}"`, name)),
    ...defined(
      'timeoutSeconds',
      spec.timeoutSecondsPath === undefined
        ? spec.timeoutSeconds
        : parsePath(spec.timeoutSecondsPath, 'TimeoutSecondsPath', name),
    ),
    ...defined(
      'heartbeatSeconds',
      spec.heartbeatSecondsPath === undefined
        ? spec.heartbeatSeconds
        : parsePath(spec.heartbeatSecondsPath, 'HeartbeatSecondsPath', name),
    ),
    ...defined('credentials', credentials(name, spec.credentials)),
    ...defined('handler', spec.handler as TaskHandler | undefined),
    contract: taskContract(spec.input, spec.output, resource, {
      hasPayload: payload !== undefined || inputPath !== undefined,
      hasResultSelector: spec.resultSelector !== undefined,
    }),
    retry: [],
    catch: [],
  });
  if (spec.timeoutSeconds !== undefined && spec.timeoutSecondsPath !== undefined) {
    raise('EXCLUSIVE_FIELDS', `"${name}" has both timeoutSeconds and timeoutSecondsPath; keep one`, name, {
      fields: ['TimeoutSeconds', 'TimeoutSecondsPath'],
    });
  }
  if (spec.heartbeatSeconds !== undefined && spec.heartbeatSecondsPath !== undefined) {
    raise(
      'EXCLUSIVE_FIELDS',
      `"${name}" has both heartbeatSeconds and heartbeatSecondsPath; keep one`,
      name,
      {
        fields: ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
      },
    );
  }
  return orError(
    new WorkStateImpl<
      TName,
      InputOfSchema<TInputSchema>,
      TaskResult<TIntegration, TOutputSchema, TSelected>,
      Unbare<TaskResult<TIntegration, TOutputSchema, TSelected>>,
      ResourcesOfIntegration<TIntegration>,
      TaskTypes<
        TaskInputOf<
          TIntegration,
          AfterInputPath<InputOfSchema<TInputSchema>, TInputPath>,
          ResolvedPayload<TPayload>
        >,
        TaskAnswerOf<TIntegration, InputOfSchema<TOutputSchema>>
      >,
      TaskErrors<TIntegration, TDeclared>
    >(name, node, []),
  );
}

function credentials(
  name: string,
  value: TaskSpec<string, Integration, SchemaLike, unknown, unknown, SchemaLike, unknown>['credentials'],
): TemplateNode | undefined {
  if (value === undefined) return undefined;
  const where = `Credentials of "${name}"`;
  return recorded(where, name, () => {
    const given = typeof value === 'function' ? value(selectorRefs()) : value;
    return toTemplate({ RoleArn: given.roleArn }, where);
  });
}

// Which schema applies where is the integration's rule (`contractShape`).
function taskContract(
  input: SchemaLike | undefined,
  output: SchemaLike | undefined,
  resource: Integration,
  task: { hasPayload: boolean; hasResultSelector: boolean },
): StateContract {
  const schema = (s: SchemaLike | undefined) => (isSchema(s) ? s : undefined);
  const shape = contractShape(resource);
  return {
    ...defined('stateInput', schema(input)),
    ...defined('taskInput', shape.handlerGetsPayload && !task.hasPayload ? schema(input) : undefined),
    ...defined('taskResult', shape.output === 'nested' ? undefined : schema(output)),
    ...defined(
      'stateOutput',
      shape.output === 'result' && !task.hasResultSelector ? schema(output) : undefined,
    ),
  };
}

function mentionsTaskToken(node: TemplateNode | undefined): boolean {
  if (node === undefined) return false;
  switch (node.kind) {
    case 'reference': {
      const [first, second] = node.path.segments;
      return (
        node.path.root.kind === 'context' &&
        first?.kind === 'field' &&
        first.name === 'Task' &&
        second?.kind === 'field' &&
        second.name === 'Token'
      );
    }
    case 'intrinsic':
      return node.args.some(mentionsTaskToken);
    case 'object':
      return node.entries.some((e) => mentionsTaskToken(e.value));
    case 'array':
      return node.items.some(mentionsTaskToken);
    case 'literal':
    case 'raw': {
      // Raw ASL may carry the token as a JSONPath reference or inside a JSONata expression.
      const text = JSON.stringify(node.value);
      return text.includes('$$.Task.Token') || text.includes('$states.context.Task.Token');
    }
    case 'jsonata':
      return node.expression.includes('$states.context.Task.Token');
  }
}
