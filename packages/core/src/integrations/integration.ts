import type { JsonValue } from '@stepcraft/asl';
import { raise } from '../errors.js';
import {
  createLiteralNode,
  createObjectTemplateNode,
  createReferenceNode,
  type TemplateNode,
} from '../ir/template-node.js';
import type { Unset } from '../types/type-utils.js';
import type { ApiGatewayError, ApiGatewayInvokeRequest, ApiGatewayInvokeResult } from './api-gateway.js';
import type { BatchError, BatchJobDetail, BatchSubmitJobRequest, BatchSubmitJobResult } from './batch.js';
import type {
  DynamoDbDeleteItemRequest,
  DynamoDbError,
  DynamoDbQueryRequest,
  DynamoDbQueryResult,
  DynamoDbSdkError,
  DynamoDbUpdateItemRequest,
  Item,
} from './dynamodb.js';
import type { EcsError, EcsRunTaskRequest, EcsRunTaskResult, EcsTask } from './ecs.js';
import type { EventBridgeError, PutEventsRequest, PutEventsResult } from './eventbridge.js';
import type { GlueError, GlueJobRun, GlueStartJobRunRequest, GlueStartJobRunResult } from './glue.js';
import type { HttpError, HttpInvokeRequest, HttpInvokeResult } from './http.js';
import type {
  CreateModelRequest,
  CreateTrainingJobRequest,
  CreateTransformJobRequest,
  DescribeTrainingJobResult,
  DescribeTransformJobResult,
  InvokeEndpointRequest,
  InvokeEndpointResult,
  SageMakerError,
  SageMakerRuntimeError,
} from './sagemaker.js';
import type { LambdaError, SnsError, SqsError } from './service-errors.js';
import type {
  DescribeExecutionResult,
  FailedExecution,
  StartExecutionRequest,
  StartExecutionResult,
  StepFunctionsError,
} from './step-functions.js';

/**
 * How Step Functions waits for a service: plain call, run-a-job (`.sync`, or `.sync:2` whose child execution's
 * Input/Output come back parsed) or callback (`.waitForTaskToken`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html
 */
export type IntegrationPattern = 'request-response' | 'sync' | 'sync:2' | 'callback';

/**
 * A task resource: its ARN, how the user's payload becomes the service's `Parameters`, and (in types) what the
 * handler receives and what the task returns.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html
 */
export interface Integration<
  TKind extends IntegrationKind = IntegrationKind,
  TPattern extends IntegrationPattern = IntegrationPattern,
  // `string` when unknown (a constraint); helpers that hold no placeholder say `never`.
  TResources extends string = string,
  TData = unknown,
> {
  /** Types only: the placeholders this integration's resource fields hold (`ResourceTag`s). */
  readonly '~resources'?: TResources;
  readonly kind: TKind;
  readonly pattern: TPattern;
  readonly resource: string;
  /** Wraps the payload template (`undefined` = the effective input, `$`) into the resource's Parameters. */
  readonly parameters: ParametersBuilder;
  /** Phantom: what the integration knows about its data (for `startExecution`: the child's input and output). */
  readonly '~data'?: TData;
}

/** How an integration wraps the payload template (`undefined` = the effective input, `$`) into its Parameters. */
export type ParametersBuilder = (payload: TemplateNode | undefined) => TemplateNode | undefined;

/**
 * A service integration that also offers the callback pattern (`.waitForTaskToken`), as AWS lists it per service.
 * Only service integrations (`arn:aws:states:::<service>:<api>`) have it: a Lambda function ARN or an activity used
 * directly as the resource does not (an activity already hands its worker a task token).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token
 */
export interface CallbackIntegration<
  TKind extends IntegrationKind,
  TResources extends string = never,
  TData = unknown,
> extends Integration<TKind, 'request-response', TResources, TData> {
  /**
   * The callback pattern: the task pauses until `SendTaskSuccess`/`SendTaskFailure` with its token; its result is
   * what the callback sends (typed by the task's `output` schema). Put `context.Task.Token` in the payload.
   */
  waitForTaskToken(): Integration<TKind, 'callback', TResources, TData>;
}

/** An integration that also runs as a job (`.sync`): the task waits until the job ends. */
export interface SyncIntegration<
  TKind extends IntegrationKind,
  TResources extends string = never,
  TData = unknown,
> extends Integration<TKind, 'request-response', TResources, TData> {
  /** `.sync`: waits for the job; the result is the job's final description, and a failed job fails the task. */
  sync(): Integration<TKind, 'sync', TResources, TData>;
}

/** What a child workflow's types are, as `startExecution` sees them. */
export interface ChildTypes<TInput, TOutput> {
  readonly input: TInput;
  readonly output: TOutput;
}

/** The placeholders (`ResourceTag`s) an integration's resource fields hold. */
export type ResourcesOfIntegration<TIntegration extends Integration> = Exclude<
  TIntegration['~resources'],
  undefined
>;

/** Lambda's Invoke response, as `arn:aws:states:::lambda:invoke` returns it. */
export interface LambdaInvokeResult<TPayload> {
  readonly ExecutedVersion: string;
  readonly Payload: TPayload;
  readonly SdkHttpMetadata: SdkHttpMetadata;
  readonly SdkResponseMetadata: { readonly RequestId: string };
  readonly StatusCode: number;
}

/** The HTTP metadata optimized integrations built on the AWS SDK for Java add to a response. */
export interface SdkHttpMetadata {
  readonly AllHttpHeaders?: Readonly<Record<string, readonly string[]>>;
  readonly HttpHeaders: Readonly<Record<string, string>>;
  readonly HttpStatusCode: number;
}

/** `SdkHttpMetadata` and `SdkResponseMetadata`, as request-response optimized integrations return them. */
export interface SdkMetadata {
  readonly SdkHttpMetadata?: SdkHttpMetadata;
  readonly SdkResponseMetadata?: { readonly RequestId: string };
}

/** SQS SendMessage response. */
export interface SqsSendMessageResult {
  readonly MD5OfMessageBody: string;
  readonly MessageId: string;
  readonly SequenceNumber?: string;
}

/** SNS Publish response. */
export interface SnsPublishResult {
  readonly MessageId: string;
  readonly SequenceNumber?: string;
}

/**
 * A DynamoDB attribute value. Numbers travel as strings (`{ "N": "5" }`), as DynamoDB's API requires: a number in
 * `N` is a compile error; convert a numeric ref with `dynamodb.N(ref)`.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html
 */
export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly B: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly M: Readonly<Record<string, AttributeValue>> }
  | { readonly L: readonly AttributeValue[] }
  | { readonly SS: readonly string[] }
  | { readonly NS: readonly string[] }
  | { readonly BS: readonly string[] };

/** DynamoDB GetItem response. */
export interface DynamoDbGetItemResult extends SdkMetadata {
  readonly Item?: Item;
}

/** DynamoDB PutItem / UpdateItem / DeleteItem response (`Attributes` with `ReturnValues`). */
export interface DynamoDbWriteResult extends SdkMetadata {
  readonly Attributes?: Item;
}

/**
 * Per integration kind, given the payload type `P`, the declared result `R` and the integration's data `D`:
 * - `taskInput`: what the handler receives;
 * - `request`: what the `parameters` selector must return, checked field by field (`api` names the call in
 *   messages); absent when the payload is free-form (a Lambda's `Payload`, `aws-sdk:*`);
 * - `merged`: the payload's fields are merged into the Parameters next to the fields the helper fixed (without
 *   `parameters`, only those are sent), instead of becoming one field (`Key`, `Item`, …; default: the input);
 * - `result`: what a request-response call returns; `sync` / `sync2`: what `.sync` / `.sync:2` return;
 * - `failedJob`: a `.sync` job's final description when it failed, where it differs from `sync`'s;
 * - `errors`: the error names the service raises (Retry/Catch accept them).
 * A lookup table instead of higher-kinded types.
 */
export interface IntegrationTypes<P, R, D> {
  'lambda-invoke': { taskInput: P; result: LambdaInvokeResult<R>; errors: LambdaError };
  'lambda-function': { taskInput: P; result: R; errors: LambdaError };
  'sqs-send-message': {
    taskInput: { QueueUrl: string; MessageBody: P };
    result: SqsSendMessageResult;
    errors: SqsError;
  };
  'sns-publish': { taskInput: { TopicArn: string; Message: P }; result: SnsPublishResult; errors: SnsError };
  'dynamodb-get-item': {
    api: 'DynamoDB GetItem';
    request: Item;
    taskInput: { TableName: string; Key: P };
    result: DynamoDbGetItemResult;
    errors: DynamoDbError;
  };
  'dynamodb-put-item': {
    api: 'DynamoDB PutItem';
    request: Item;
    taskInput: { TableName: string; Item: P };
    result: DynamoDbWriteResult;
    errors: DynamoDbError;
  };
  'dynamodb-update-item': {
    merged: true;
    api: 'DynamoDB UpdateItem';
    request: Omit<DynamoDbUpdateItemRequest, 'TableName'>;
    taskInput: { TableName: string } & P;
    result: DynamoDbWriteResult;
    errors: DynamoDbError;
  };
  'dynamodb-delete-item': {
    merged: true;
    api: 'DynamoDB DeleteItem';
    request: Omit<DynamoDbDeleteItemRequest, 'TableName'>;
    taskInput: { TableName: string } & P;
    result: DynamoDbWriteResult;
    errors: DynamoDbError;
  };
  'dynamodb-query': {
    merged: true;
    api: 'DynamoDB Query';
    request: Omit<DynamoDbQueryRequest, 'TableName'>;
    taskInput: { TableName: string } & P;
    result: DynamoDbQueryResult;
    errors: DynamoDbSdkError;
  };
  'ecs-run-task': {
    merged: true;
    api: 'ECS RunTask';
    request: Omit<EcsRunTaskRequest, 'Cluster' | 'TaskDefinition'>;
    taskInput: { Cluster: string; TaskDefinition: string } & P;
    result: EcsRunTaskResult;
    sync: EcsTask;
    errors: EcsError;
  };
  'glue-start-job-run': {
    merged: true;
    api: 'Glue StartJobRun';
    request: Omit<GlueStartJobRunRequest, 'JobName'>;
    taskInput: { JobName: string } & P;
    result: GlueStartJobRunResult;
    sync: GlueJobRun;
    errors: GlueError;
  };
  'batch-submit-job': {
    merged: true;
    api: 'Batch SubmitJob';
    request: Omit<BatchSubmitJobRequest, 'JobQueue' | 'JobDefinition'>;
    taskInput: { JobQueue: string; JobDefinition: string } & P;
    result: BatchSubmitJobResult;
    sync: BatchJobDetail;
    errors: BatchError;
  };
  'sagemaker-create-training-job': {
    merged: true;
    api: 'SageMaker CreateTrainingJob';
    request: CreateTrainingJobRequest;
    taskInput: P;
    result: { readonly TrainingJobArn: string } & SdkMetadata;
    sync: DescribeTrainingJobResult;
    errors: SageMakerError;
  };
  'sagemaker-create-model': {
    merged: true;
    api: 'SageMaker CreateModel';
    request: CreateModelRequest;
    taskInput: P;
    result: { readonly ModelArn: string } & SdkMetadata;
    errors: SageMakerError;
  };
  'sagemaker-create-transform-job': {
    merged: true;
    api: 'SageMaker CreateTransformJob';
    request: CreateTransformJobRequest;
    taskInput: P;
    result: { readonly TransformJobArn: string } & SdkMetadata;
    sync: DescribeTransformJobResult;
    errors: SageMakerError;
  };
  'sagemaker-invoke-endpoint': {
    merged: true;
    api: 'SageMaker Runtime InvokeEndpoint';
    request: Omit<InvokeEndpointRequest, 'EndpointName'>;
    taskInput: { EndpointName: string } & P;
    result: InvokeEndpointResult;
    errors: SageMakerRuntimeError;
  };
  'apigateway-invoke': {
    merged: true;
    api: 'API Gateway invoke';
    request: Omit<ApiGatewayInvokeRequest, 'ApiEndpoint'>;
    taskInput: { ApiEndpoint: string } & P;
    result: ApiGatewayInvokeResult<R>;
    errors: ApiGatewayError;
  };
  'events-put-events': {
    merged: true;
    api: 'EventBridge PutEvents';
    request: PutEventsRequest;
    taskInput: P;
    result: PutEventsResult;
    errors: EventBridgeError;
  };
  'states-start-execution': {
    merged: true;
    api: 'Step Functions StartExecution';
    request: Omit<StartExecutionRequest<InputOfChild<D>>, 'StateMachineArn'>;
    taskInput: { StateMachineArn: string } & P;
    result: StartExecutionResult;
    sync: DescribeExecutionResult<string, string>;
    sync2: DescribeExecutionResult<InputOfChild<D>, OutputOfChild<D>>;
    failedJob: FailedExecution;
    errors: StepFunctionsError;
  };
  'http-invoke': {
    merged: true;
    api: 'HTTP Task';
    request: HttpInvokeRequest;
    taskInput: { InvocationConfig: { ConnectionArn: string } } & P;
    result: HttpInvokeResult<R>;
    errors: HttpError;
  };
  // Their errors are not known here (the service's SDK names, a worker's, anything), so every name goes.
  'aws-sdk': { taskInput: P; result: R; errors: string };
  activity: { taskInput: P; result: R; errors: string };
  resource: { taskInput: P; result: R; errors: string };
}

/** Whether a kind merges its payload into the request (see `IntegrationTypes`). */
export type IsMerged<TIntegration extends Integration> =
  Entry<TIntegration, unknown, unknown> extends { merged: true } ? true : false;

type InputOfChild<D> = D extends ChildTypes<infer $Input, unknown> ? $Input : unknown;
type OutputOfChild<D> = D extends ChildTypes<unknown, infer $Output> ? $Output : unknown;

/** The integration kinds. */
export type IntegrationKind = keyof IntegrationTypes<unknown, unknown, unknown>;

/** The phantom data of an integration. */
export type DataOf<TIntegration extends Integration> = NonNullable<TIntegration['~data']>;

type Entry<TIntegration extends Integration, P, R> = IntegrationTypes<
  P,
  R,
  DataOf<TIntegration>
>[TIntegration['kind']];

/**
 * What the `parameters` selector of a task on `TIntegration` must return (`Unset` when anything goes: the payload
 * is the service's free-form part, such as a Lambda's `Payload`).
 */
export type RequestOf<TIntegration extends Integration> =
  Entry<TIntegration, unknown, unknown> extends { request: infer $Request } ? $Request : Unset;

/** The API name of a request kind, for messages. */
export type ApiOf<TIntegration extends Integration> =
  Entry<TIntegration, unknown, unknown> extends { api: infer $Api extends string } ? $Api : 'the service';

/**
 * What the handler of a task on `TIntegration` receives, given the effective input and the payload the
 * `parameters` selector resolved to (`Unset` when there is none: the effective input is the payload, except for
 * kinds that merge their payload, which then send only their fixed fields).
 */
export type TaskInputOf<TIntegration extends Integration, TEffective, P> = Entry<
  TIntegration,
  [P] extends [Unset] ? (IsMerged<TIntegration> extends true ? unknown : TEffective) : P,
  unknown
>['taskInput'];

/** What a task on `TIntegration` returns (before ResultSelector) when its declared result is `R`. */
export type TaskResultOf<
  TIntegration extends Integration,
  R,
> = TIntegration['pattern'] extends 'request-response'
  ? Entry<TIntegration, unknown, R>['result']
  : TIntegration['pattern'] extends 'sync'
    ? Entry<TIntegration, unknown, R> extends { sync: infer $Job }
      ? $Job
      : R
    : TIntegration['pattern'] extends 'sync:2'
      ? Entry<TIntegration, unknown, R> extends { sync2: infer $Job }
        ? $Job
        : R
      : R;

/**
 * The error names a task on `TIntegration` may fail with, besides the `States.*` ones: its integration's, and
 * `TDeclared`, the task's own (a Lambda function's error types, a handler's). Any name (`string`) when the
 * integration's errors are not known, or for a callback, whose sender names the error.
 */
export type TaskErrors<
  TIntegration extends Integration,
  TDeclared extends string,
> = TIntegration['pattern'] extends 'callback' ? string : ErrorsOf<TIntegration> | TDeclared;

/**
 * What the handler (or mock) of a task on `TIntegration` answers with, given the declared result `R`: the result,
 * except for `.sync`, where it is the job's final description, failed or not (the runner then fails the task with
 * `States.TaskFailed` when the job failed).
 */
export type HandlerAnswerOf<TIntegration extends Integration, R> = TIntegration['pattern'] extends
  | 'sync'
  | 'sync:2'
  ? Entry<TIntegration, unknown, R> extends { failedJob: infer $Failed }
    ? TaskResultOf<TIntegration, R> | $Failed
    : TaskResultOf<TIntegration, R>
  : TaskResultOf<TIntegration, R>;

/**
 * The service's response to the call a `.waitForTaskToken` task makes: AWS records it in `TaskSubmitted` and then
 * discards it, the task's result being what `SendTaskSuccess` sends. A Lambda function's return value can be anything.
 */
export type CallbackResponseOf<TIntegration extends Integration> =
  TIntegration['kind'] extends 'lambda-invoke' ? unknown : Entry<TIntegration, unknown, unknown>['result'];

/** The error names a task on `TIntegration` may fail with, besides `States.*` and its handler's own. */
export type ErrorsOf<TIntegration extends Integration> = Entry<TIntegration, unknown, unknown>['errors'];

/**
 * Where a task's declared schemas apply, per integration (the runner checks real data against them):
 * - `handlerGetsPayload`: with neither InputPath nor parameters, the handler receives the state's input itself;
 * - `output`: the declared `output` schema is the task's whole result (`'result'`), only what the handler returns
 *   before the service wraps it (`'handler'`, e.g. Lambda's Invoke envelope), or nested in a fixed service response
 *   the runner does not unwrap (`'nested'`: no run-time check).
 */
export function contractShape(integration: Integration): {
  readonly handlerGetsPayload: boolean;
  readonly output: 'result' | 'handler' | 'nested';
} {
  const { kind, pattern } = integration;
  const passThrough =
    kind === 'lambda-function' || kind === 'aws-sdk' || kind === 'activity' || kind === 'resource';
  return {
    handlerGetsPayload: passThrough || kind === 'lambda-invoke',
    output:
      passThrough || pattern === 'callback'
        ? 'result'
        : kind === 'lambda-invoke' || LEGACY_SERVICE_KINDS.has(kind)
          ? 'handler'
          : 'nested',
  };
}

// Kinds whose declared `output` has always described what their handler returns (the service response).
const LEGACY_SERVICE_KINDS: ReadonlySet<IntegrationKind> = new Set([
  'sqs-send-message',
  'sns-publish',
  'dynamodb-get-item',
  'dynamodb-put-item',
  'dynamodb-update-item',
]);

/** Builds an integration value: one pattern, no other (see `createCallbackIntegration`, `createSyncIntegration`). */
export function createIntegration<
  TKind extends IntegrationKind,
  TPattern extends IntegrationPattern,
  TResources extends string = never,
  TData = unknown,
>(
  kind: TKind,
  pattern: TPattern,
  resource: string,
  parameters: ParametersBuilder,
): Integration<TKind, TPattern, TResources, TData> {
  return Object.freeze({ kind, pattern, resource, parameters });
}

/** Builds a service integration that also offers `.waitForTaskToken()`. */
export function createCallbackIntegration<TKind extends IntegrationKind, TResources extends string = never>(
  kind: TKind,
  resource: string,
  parameters: ParametersBuilder,
): CallbackIntegration<TKind, TResources> {
  const base = createIntegration<TKind, 'request-response', TResources>(
    kind,
    'request-response',
    resource,
    parameters,
  );
  return Object.freeze({ ...base, ...callbackPattern(base) });
}

/** The `.waitForTaskToken()` method of a service integration, from its request-response form. */
export function callbackPattern<TKind extends IntegrationKind, TResources extends string, TData>(
  base: Integration<TKind, 'request-response', TResources, TData>,
): Pick<CallbackIntegration<TKind, TResources, TData>, 'waitForTaskToken'> {
  const { kind, resource, parameters } = base;
  return {
    waitForTaskToken: () =>
      createIntegration<TKind, 'callback', TResources, TData>(
        kind,
        'callback',
        `${resource}.waitForTaskToken`,
        parameters,
      ),
  };
}

/** Builds an integration that also offers `.sync()`. */
export function createSyncIntegration<TKind extends IntegrationKind, TResources extends string = never>(
  kind: TKind,
  resource: string,
  parameters: ParametersBuilder,
): SyncIntegration<TKind, TResources> {
  return Object.freeze({
    ...createIntegration<TKind, 'request-response', TResources>(
      kind,
      'request-response',
      resource,
      parameters,
    ),
    sync: () => createIntegration<TKind, 'sync', TResources>(kind, 'sync', `${resource}.sync`, parameters),
  });
}

/** The Parameters object `{ ...fixed, [payloadKey]: payload ?? $ }` most integrations build. */
export function wrapPayload(
  fixed: Readonly<Record<string, JsonValue>>,
  payloadKey: string,
): (payload: TemplateNode | undefined) => TemplateNode {
  return (payload) =>
    createObjectTemplateNode([
      ...fixedEntries(fixed),
      { key: payloadKey, value: payload ?? createReferenceNode({ root: { kind: 'input' }, segments: [] }) },
    ]);
}

/**
 * The Parameters object of a request kind: the helper's fixed fields, then the fields the `parameters` selector
 * returns (no selector: the fixed fields alone), which must include `required`. `api` names the call in messages.
 */
export function mergePayload(
  fixed: Readonly<Record<string, JsonValue>>,
  api: string,
  required: readonly string[] = [],
): (payload: TemplateNode | undefined) => TemplateNode {
  return (payload) => {
    const entries = payload === undefined ? [] : payloadEntries(payload);
    if (entries === undefined) {
      return raise(
        'INTEGRATION_PARAMETERS',
        `${api} needs parameters returning an object of request fields ({ … }), not a single value`,
      );
    }
    const clash = entries.find((e) => Object.hasOwn(fixed, e.key));
    if (clash !== undefined) {
      return raise(
        'INTEGRATION_PARAMETERS',
        `${api}: "${clash.key}" is already given to the helper; remove it from the parameters`,
      );
    }
    // The types require these already; JavaScript callers and casts learn it here.
    const missing = required.filter((key) => !entries.some((e) => e.key === key));
    if (missing.length > 0) {
      return raise(
        'INTEGRATION_PARAMETERS',
        `${api} requires ${missing.map((key) => `"${key}"`).join(', ')}: return ${missing.length > 1 ? 'them' : 'it'} from the task's parameters`,
      );
    }
    return createObjectTemplateNode([...fixedEntries(fixed), ...entries]);
  };
}

function fixedEntries(fixed: Readonly<Record<string, JsonValue>>): { key: string; value: TemplateNode }[] {
  return Object.entries(fixed).map(([key, value]) => ({ key, value: createLiteralNode(value) }));
}

function payloadEntries(payload: TemplateNode): readonly { key: string; value: TemplateNode }[] | undefined {
  if (payload.kind === 'object') return payload.entries;
  if (payload.kind === 'literal' && isObject(payload.value)) {
    return Object.entries(payload.value).map(([key, value]) => ({ key, value: createLiteralNode(value) }));
  }
  return undefined;
}

function isObject(value: JsonValue): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
