export type {
  CompiledWorkflow,
  Contracts,
  Handlers,
  SchemaIssue,
  StandardSchema,
  StateContract,
  TaskHandler,
  TaskHandlerContext,
  TaskToken,
} from '@stepcraft/asl';
export { RunnerUsageError, StatesError, TaskTokenError, type TaskTokenProblem } from './errors.js';
export type { HistoryEvent } from './history.js';
export { detailsKey } from './history.js';
export type { StateInspection } from './inspection.js';
export { parseInput, run, start } from './run.js';
export { type RunRecord, type RunSource, runRecordJson, toRunRecord } from './run-record.js';
export type {
  ContractViolation,
  ExecutionHandle,
  ExecutionResult,
  ExecutionStatus,
  FailedResult,
  RunnableWorkflow,
  RunOptions,
  StateRef,
  SucceededResult,
  TaskTokenRequest,
} from './types.js';
