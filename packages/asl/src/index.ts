export type { CodeInfo, DiagnosticOrigin, NoFields } from './code-info.js';
export type { CompileCode } from './compile-codes.js';
export type {
  DescribedExecutionStatus,
  DescribeExecutionResult,
  FailedExecution,
} from './contracts/execution.js';
export type { Handlers, TaskHandler, TaskHandlerContext } from './contracts/handler.js';
export type { SchemaIssue, SchemaResult, StandardSchema } from './contracts/schema.js';
export type {
  CompiledWorkflow,
  Contracts,
  StateContract,
  StateInput,
  StateResult,
  TaskToken,
  TaskTokenResult,
  TypedState,
  WorkflowInput,
  WorkflowOutput,
} from './contracts/workflow.js';
export type {
  Diagnostic,
  DiagnosticBase,
  DiagnosticCode,
  DiagnosticFields,
  FieldsArgument,
} from './diagnostic.js';
export {
  AslValidationError,
  createDiagnostic,
  DIAGNOSTIC_CODES,
  formatDiagnostics,
  pointerOf,
  pointerSegment,
} from './diagnostic.js';
export type { AslDocument, AslState, StateOfType, StateType } from './document.js';
export { STATE_TYPES } from './document.js';
export { failStateError } from './fail-state.js';
export type { IntrinsicArg, IntrinsicCall } from './intrinsics/ast.js';
export { INTRINSIC_FUNCTIONS } from './intrinsics/functions.js';
export { parseIntrinsic } from './intrinsics/parse.js';
export type { JsonObject, JsonValue } from './json.js';
export { jsonByteLength } from './json-size.js';
export { isJsonataString, jsonataBody } from './jsonata.js';
export type { ParseResult } from './parse-result.js';
export type { JsonPathInfo } from './paths/jsonpath.js';
export { checkJsonPath, isDefiniteSegment, parseJsonPath } from './paths/jsonpath.js';
export type {
  JsonPath,
  JsonPathFilter,
  JsonPathOperand,
  JsonPathOperator,
  JsonPathRoot,
  JsonPathSegment,
  JsonPathSelector,
} from './paths/jsonpath-ast.js';
export type { PathSegment, ReferencePath } from './paths/reference-path.js';
export { parseReferencePath } from './paths/reference-path.js';
export { hasPlaceholder, isDeployTimeValue, isPlaceholder, substitutePlaceholders } from './placeholders.js';
export type { ResourcePatternProblem } from './resource-pattern.js';
export { resourcePatternProblem } from './resource-pattern.js';
export type { ChoiceComparison, ChoiceRule, ChoiceRuleExpression, ChoiceState } from './states/choice.js';
export type {
  Assign,
  Catcher,
  JsonataString,
  JsonPathIo,
  PayloadTemplate,
  QueryLanguage,
  Retrier,
  StateBase,
  SubMachine,
  Transition,
} from './states/common.js';
export type { FailState } from './states/fail.js';
export type {
  ItemBatcher,
  ItemProcessor,
  ItemReader,
  MapState,
  ProcessorConfig,
  ResultWriter,
} from './states/map.js';
export type { ParallelState } from './states/parallel.js';
export type { PassState } from './states/pass.js';
export type { SucceedState } from './states/succeed.js';
export type { TaskState } from './states/task.js';
export type { WaitState } from './states/wait.js';
export { closestName } from './suggest.js';
export { parseTimestamp } from './timestamp.js';
export type { ValidateCode } from './validate/codes.js';
export type { ValidateOptions } from './validate/context.js';
export { variableNameProblem } from './validate/rules/assign.js';
export type { ExpressUnsupported } from './validate/rules/express.js';
export { EXPRESS_UNSUPPORTED, expressUnsupported } from './validate/rules/express.js';
export { assertValid, validate } from './validate/validate.js';
