export type {
  CompiledWorkflow,
  Contracts,
  Handlers,
  SchemaIssue,
  StandardSchema,
  StateContract,
  TaskHandler,
  TaskHandlerContext,
} from '@stepcraft/asl';
export { RunnerUsageError, StatesError } from './errors.js';
export type { HistoryEvent } from './history.js';
export { detailsKey } from './history.js';
export { parseInput, run, start } from './run.js';
export type {
  ContractViolation,
  ExecutionHandle,
  ExecutionResult,
  ExecutionStatus,
  RunnableWorkflow,
  RunOptions,
} from './types.js';
