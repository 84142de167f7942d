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
  Names,
  OutputOf,
  ResourcesOf,
  StateNames,
} from './builder/chain.js';
export type {
  ChoiceRuleOptions,
  ChoiceRuleOutputOptions,
  ChoiceSpec,
  ChoiceState,
} from './builder/choice.js';
export { choice } from './builder/choice.js';
export { and, not, or } from './builder/conditions.js';
export type { ContextObject, MapItemContextObject, TaskContextObject, TaskToken } from './builder/context.js';
export type { Describable } from './builder/describable.js';
export type { Dynamic, InputRefs } from './builder/dynamic.js';
export type {
  CatchOptions,
  ErrorHandling,
  ErrorName,
  ErrorOutput,
  RetryOptions,
} from './builder/error-handling.js';
export type { FailSpec } from './builder/fail.js';
export { fail } from './builder/fail.js';
export type { Fragment, LaterTarget, Seq } from './builder/fragment.js';
export type { Arg, CarriesTaskToken } from './builder/intrinsics.js';
export { raw, States } from './builder/intrinsics.js';
export type { Later, LaterSpec } from './builder/later.js';
export { later } from './builder/later.js';
export type {
  DistributedOptions,
  ItemBatcherOptions,
  ItemReaderOptions,
  MapSpec,
  ResultWriterOptions,
  S3Object,
  S3Prefix,
} from './builder/map.js';
export { map } from './builder/map.js';
export type { ParallelSpec } from './builder/parallel.js';
export { parallel } from './builder/parallel.js';
export type { PassSpec } from './builder/pass.js';
export { pass } from './builder/pass.js';
export type { Condition, Expr, PathExpr, Ref, Resolve, TemplateValue } from './builder/refs.js';
export type { BareResult, OutputFiltered, ResultFields } from './builder/result-fields.js';
export type { PassState, TaskTypes, WorkState } from './builder/result-state.js';
export type { CommonSpec } from './builder/spec.js';
export type { SucceedSpec } from './builder/succeed.js';
export { succeed } from './builder/succeed.js';
export type { TaskAnswerOf, TaskCredentials, TaskSpec } from './builder/task.js';
export { task } from './builder/task.js';
export { typed } from './builder/typed.js';
export type { Assignable, Assignment, Variable } from './builder/variable.js';
export { jsonata, variable } from './builder/variable.js';
export type { WaitSpec, WaitState } from './builder/wait.js';
export { wait } from './builder/wait.js';
export type { Workflow, WorkflowOptions, WorkflowStart } from './builder/workflow.js';
export { isWorkflow, workflow } from './builder/workflow.js';
export type { CompilableWorkflow, CompiledWorkflow, CompileOptions } from './compile/compile.js';
export { compile } from './compile/compile.js';
export { stringifyAsl } from './compile/stable-json.js';
export { CompileError } from './errors.js';
export { activity } from './integrations/activity.js';
export { awsSdk, resource, startExecutionSync } from './integrations/aws-sdk.js';
export { dynamodb } from './integrations/dynamodb.js';
export type {
  AttributeValue,
  DynamoDbGetItemResult,
  DynamoDbWriteResult,
  Integration,
  IntegrationKind,
  IntegrationPattern,
  IntegrationTypes,
  LambdaInvokeResult,
  ResourcesOfIntegration,
  SnsPublishResult,
  SqsSendMessageResult,
} from './integrations/integration.js';
export { lambda } from './integrations/lambda.js';
export type { Placeholder, ResourceTag } from './integrations/placeholder.js';
export { placeholder } from './integrations/placeholder.js';
export { sns } from './integrations/sns.js';
export { sqs } from './integrations/sqs.js';
export type { QueryLanguage } from './ir/common-node.js';
export type { WorkflowNode } from './ir/workflow-node.js';
export type { InvalidPath, PathValue, SetAt } from './types/paths.js';
export type { StepcraftTypeError } from './types/type-error.js';
export type {
  InputOfSchema,
  JsonLiteral,
  OutputOfSchema,
  Same,
  SchemaLike,
  Simplify,
  Unset,
} from './types/type-utils.js';
