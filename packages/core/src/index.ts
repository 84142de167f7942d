// The contract types shared with the runner and the CLI are declared once, in @stepcraft/asl; `Schema` is core's
// older name for `StandardSchema`.
export type {
  Contracts,
  Handlers,
  SchemaIssue,
  SchemaResult,
  StandardSchema as Schema,
  StandardSchema,
  StateContract,
  TaskHandler,
  TaskHandlerContext,
} from '@stepcraft/asl';
export type { Assigns, ResultRefs } from './builder/assign.js';
export type {
  AnyChain,
  Chain,
  ChainNames,
  ChainTypes,
  FirstOf,
  InputOf,
  Joined,
  Names,
  OutputOf,
  ResourcesOf,
  StateNames,
  WireCheck,
} from './builder/chain.js';
export type { ChoiceSpec, ChoiceState, RuleTargetCheck } from './builder/choice.js';
export { choice } from './builder/choice.js';
export type {
  ChoiceRefs,
  ChoiceRuleOptions,
  ChoiceRuleOutputOptions,
  TargetCheck,
} from './builder/choice-rules.js';
export type { ChoiceSwitch } from './builder/choice-switch.js';
export { and, not, or } from './builder/conditions.js';
export type { ContextObject, MapItemContextObject, TaskContextObject, TaskToken } from './builder/context.js';
export type { Describable } from './builder/describable.js';
export type { Dynamic, InputRefs } from './builder/dynamic.js';
export type {
  AllowedErrorName,
  CatchCheck,
  CatcherFields,
  CatchOptions,
  ErrorHandling,
  ErrorName,
  ErrorOutput,
  RetryOptions,
  StatesErrorName,
} from './builder/error-handling.js';
export type { FailSpec, FailTextSpec } from './builder/fail.js';
export { fail } from './builder/fail.js';
export type { Fragment, LaterTarget, Seq } from './builder/fragment.js';
export type { Arg, CarriesTaskToken, IsTaskToken } from './builder/intrinsics.js';
export { raw, States } from './builder/intrinsics.js';
export type { Later, LaterSpec } from './builder/later.js';
export { later } from './builder/later.js';
export type {
  DistributedOptions,
  ItemBatcherOptions,
  ItemOf,
  ItemReaderOptions,
  ItemsPathCheck,
  IterationOf,
  MapBatcher,
  MapSpec,
  ProcessorCheck,
  ResultWriterOptions,
  S3Object,
  S3Prefix,
} from './builder/map.js';
export { map } from './builder/map.js';
export type { BranchesCheck, BranchOutputs, ParallelSpec } from './builder/parallel.js';
export { parallel } from './builder/parallel.js';
export type { PassSpec } from './builder/pass.js';
export { pass } from './builder/pass.js';
export type {
  ArrayOps,
  Condition,
  Expr,
  LeafOps,
  PathExpr,
  Ref,
  Resolve,
  TemplateValue,
} from './builder/refs.js';
export type {
  BareResult,
  OutputFiltered,
  OutputPathCheck,
  OutputPathValue,
  Rebuild,
  ResultFields,
  ResultPathCheck,
  ResultPathOutput,
  ResultState,
  Unbare,
} from './builder/result-fields.js';
export type { PassState, TaskTypes, WorkState } from './builder/result-state.js';
export type {
  AfterInputPath,
  CommonSpec,
  DeclaredInput,
  InputPathCheck,
  MaybeSchema,
  PassThrough,
} from './builder/spec.js';
export type { SucceedSpec } from './builder/succeed.js';
export { succeed } from './builder/succeed.js';
export type {
  HandlerResultOf,
  TaskAnswerOf,
  TaskCredentials,
  TaskSpec,
  TaskTokenCheck,
} from './builder/task.js';
export { task } from './builder/task.js';
export { typed } from './builder/typed.js';
export { unchecked } from './builder/unchecked.js';
export type { Assignable, AssignCheck, Assignment, Variable, VariableValue } from './builder/variable.js';
export { jsonata, variable } from './builder/variable.js';
export type { TypedPathCheck, WaitFor, WaitSpec, WaitState } from './builder/wait.js';
export { wait } from './builder/wait.js';
export type { Workflow, WorkflowOptions, WorkflowStart } from './builder/workflow.js';
export { isWorkflow, workflow } from './builder/workflow.js';
export type { CompilableWorkflow, CompiledWorkflow, CompileOptions } from './compile/compile.js';
export { compile } from './compile/compile.js';
export { stringifyAsl } from './compile/stable-json.js';
export { CompileError } from './errors.js';
export { activity } from './integrations/activity.js';
export type {
  ApiGatewayError,
  ApiGatewayInvokeRequest,
  ApiGatewayInvokeResult,
  HttpMethod,
} from './integrations/api-gateway.js';
export { apiGateway } from './integrations/api-gateway.js';
export type { ResourceIntegration } from './integrations/aws-sdk.js';
export { awsSdk, resource, startExecutionSync } from './integrations/aws-sdk.js';
export type {
  BatchError,
  BatchJobDetail,
  BatchJobStatus,
  BatchSubmitJobRequest,
  BatchSubmitJobResult,
} from './integrations/batch.js';
export { BATCH_ERRORS, batch } from './integrations/batch.js';
export type {
  DynamoDbDeleteItemRequest,
  DynamoDbError,
  DynamoDbQueryRequest,
  DynamoDbQueryResult,
  DynamoDbSdkError,
  DynamoDbUpdateItemRequest,
  Item,
} from './integrations/dynamodb.js';
export { DYNAMODB_ERRORS, DYNAMODB_SDK_ERRORS, dynamodb } from './integrations/dynamodb.js';
export type {
  EcsContainer,
  EcsContainerOverride,
  EcsError,
  EcsRunTaskRequest,
  EcsRunTaskResult,
  EcsTask,
  NameValue,
} from './integrations/ecs.js';
export { ECS_ERRORS, ecs } from './integrations/ecs.js';
export type {
  EventBridgeError,
  PutEventsEntry,
  PutEventsRequest,
  PutEventsResult,
} from './integrations/eventbridge.js';
export { EVENTBRIDGE_ERRORS, eventBridge } from './integrations/eventbridge.js';
export type {
  GlueError,
  GlueJobRun,
  GlueJobRunState,
  GlueStartJobRunRequest,
  GlueStartJobRunResult,
} from './integrations/glue.js';
export { GLUE_ERRORS, glue } from './integrations/glue.js';
export type { HttpError, HttpInvokeRequest, HttpInvokeResult } from './integrations/http.js';
export { http } from './integrations/http.js';
export type {
  AttributeValue,
  CallbackIntegration,
  CallbackResponseOf,
  ChildTypes,
  DynamoDbGetItemResult,
  DynamoDbWriteResult,
  ErrorsOf,
  HandlerAnswerOf,
  Integration,
  IntegrationKind,
  IntegrationPattern,
  IntegrationTypes,
  LambdaInvokeResult,
  ResourcesOfIntegration,
  SdkHttpMetadata,
  SdkMetadata,
  SnsPublishResult,
  SqsSendMessageResult,
  SyncIntegration,
  TaskErrors,
  TaskInputOf,
  TaskResultOf,
} from './integrations/integration.js';
export { lambda } from './integrations/lambda.js';
export type { Placeholder, ResourceTag } from './integrations/placeholder.js';
export { placeholder } from './integrations/placeholder.js';
export type { PayloadFor, RequestCheck, Template } from './integrations/request-check.js';
export type {
  CreateModelRequest,
  CreateTrainingJobRequest,
  CreateTransformJobRequest,
  DescribeTrainingJobResult,
  DescribeTransformJobResult,
  InvokeEndpointRequest,
  InvokeEndpointResult,
  S3DataSource,
  SageMakerError,
  SageMakerRuntimeError,
  SageMakerTag,
  TrainingChannel,
  TrainingJobStatus,
  TransformJobStatus,
} from './integrations/sagemaker.js';
export { SAGEMAKER_ERRORS, SAGEMAKER_RUNTIME_ERRORS, sagemaker } from './integrations/sagemaker.js';
export type { LambdaError, SnsError, SqsError } from './integrations/service-errors.js';
export { LAMBDA_ERRORS, SNS_ERRORS, SQS_ERRORS } from './integrations/service-errors.js';
export { sns } from './integrations/sns.js';
export { sqs } from './integrations/sqs.js';
export type {
  ChildWorkflow,
  DescribeExecutionResult,
  ExecutionStatus,
  FailedExecution,
  StartExecutionIntegration,
  StartExecutionRequest,
  StartExecutionResult,
  StepFunctionsError,
} from './integrations/step-functions.js';
export { STEP_FUNCTIONS_ERRORS, stepFunctions } from './integrations/step-functions.js';
export type { QueryLanguage } from './ir/common-node.js';
export type { WorkflowNode } from './ir/workflow-node.js';
export type { CountOf, Describe, FirstMember, Join, LastOf } from './types/describe.js';
export type { CovariantParam, Fit, OrError, Param, Source } from './types/fit.js';
export type { Message, MessageKey, Messages } from './types/messages.js';
export type { IsSame, Needs, Resolved, Same, Seen } from './types/pass-through.js';
export type {
  ApplyResultPath,
  CheckPath,
  CheckResultPath,
  InvalidPath,
  ParsePath,
  PathKey,
  PathValue,
  SetAt,
  ValueAtPath,
} from './types/paths.js';
export type { Pending, SpecKeys } from './types/spec-keys.js';
export type { StepcraftTypeError } from './types/type-error.js';
export type {
  Built,
  InputOfSchema,
  JsonLiteral,
  MaybePromise,
  OutputOfSchema,
  Primitive,
  SchemaLike,
  Simplify,
  Unset,
} from './types/type-utils.js';
