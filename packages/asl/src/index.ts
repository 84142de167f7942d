export type { AslDocument, AslState, StateOfType, StateType } from './document.js';
export { STATE_TYPES } from './document.js';
export type { JsonObject, JsonValue } from './json.js';
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
export type { ItemBatcher, ItemProcessor, ItemReader, MapState, ProcessorConfig, ResultWriter } from './states/map.js';
export type { ParallelState } from './states/parallel.js';
export type { PassState } from './states/pass.js';
export type { SucceedState } from './states/succeed.js';
export type { TaskState } from './states/task.js';
export type { WaitState } from './states/wait.js';
export type { Diagnostic } from './diagnostic.js';
export { AslValidationError, formatDiagnostics, pointerOf, pointerSegment } from './diagnostic.js';
