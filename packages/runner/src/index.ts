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
export type { CostEstimate, CostOptions, ExpressUsage, TypeCost } from './cost/estimate.js';
export { estimateCost } from './cost/estimate.js';
export type { PriceTable, RegionPrices } from './cost/prices.js';
export { PRICES } from './cost/prices.js';
export type { CostInput, RunUsage } from './cost/usage.js';
export { RunnerUsageError, StatesError, TaskTokenError, type TaskTokenProblem } from './errors.js';
export type { ExecutionLogEvent, ExecutionLogOptions, LogLevel } from './execution-logs.js';
export { executionLogs } from './execution-logs.js';
export type { HistoryEvent } from './history.js';
export { detailsKey } from './history.js';
export type { StateInspection } from './inspection.js';
export { lazyPromise } from './lazy-promise.js';
export { parseInput, run, start } from './run.js';
export { type RunRecord, type RunSource, runRecordJson, toRunRecord } from './run-record.js';
export type {
  ChildExecutionDescription,
  ChildExecutionOptions,
  ChildExecutionRequest,
  ChildExecutionStart,
  ChildRun,
  FailedChildExecution,
} from './services/child-execution.js';
export { childExecution, startChildExecution } from './services/child-execution.js';
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
