export type { CostEstimate, CostOptions, ExpressUsage, TypeCost } from './cost/estimate.js';
export { estimateCost } from './cost/estimate.js';
export type { PriceTable, RegionPrices } from './cost/prices.js';
export { PRICES } from './cost/prices.js';
export type { CostInput, RunUsage } from './cost/usage.js';
export { RunnerUsageError, StatesError } from './errors.js';
export type { HistoryEvent } from './history.js';
export { detailsKey } from './history.js';
export { parseInput, run, start } from './run.js';
export type {
  CompiledWorkflow,
  Contracts,
  ContractViolation,
  ExecutionHandle,
  ExecutionResult,
  ExecutionStatus,
  Handlers,
  RunnableWorkflow,
  RunOptions,
  SchemaIssue,
  StandardSchema,
  StateContract,
  TaskHandler,
  TaskHandlerContext,
} from './types.js';
