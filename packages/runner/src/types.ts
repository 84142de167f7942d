import type {
  AslDocument,
  CompiledWorkflow,
  Diagnostic,
  Handlers,
  JsonValue,
  SchemaIssue,
  StateContract,
} from '@stepcraft/asl';
import type { HistoryEvent } from './history.js';

/** An ASL document or a compiled workflow (told apart by `definition`). */
export type RunnableWorkflow = AslDocument | CompiledWorkflow<unknown, unknown>;

/** Options of `run()` / `start()`. */
export interface RunOptions {
  /** Per-state or per-resource handlers; they win over the compiled workflow's own. */
  readonly handlers?: Handlers;
  /** `virtual` (default): simulated time, instant waits. `real`: waits really wait. */
  readonly clock?: 'virtual' | 'real';
  /** Execution start time; default 2024-01-01T00:00:00.000Z in virtual mode (reproducible), now in real mode. */
  readonly startTime?: Date | string;
  /** Seed of the random source (task tokens, request ids, UUIDs, jitter). Default 0. */
  readonly seed?: number;
  readonly executionName?: string;
  readonly stateMachineName?: string;
  readonly region?: string;
  readonly accountId?: string;
  /** Stops the execution with `Stepcraft.TransitionLimitExceeded` after this many state transitions. Default 1 000 000. */
  readonly maxTransitions?: number;
  /** AWS fails an execution at 25 000 history events; so do we. */
  readonly maxHistoryEvents?: number;
  /** Keep the history events (default true). Off saves time and memory; events are still counted. */
  readonly recordHistory?: boolean;
  /** What a schema mismatch does: fail the execution (default), only report it, or skip checks. */
  readonly contracts?: 'fail' | 'report' | 'off';
  readonly stateMachineType?: 'STANDARD' | 'EXPRESS';
  /** Aborting it stops the execution (status ABORTED). */
  readonly signal?: AbortSignal;
  /** Validate the definition before running (default true). */
  readonly validate?: boolean;
  /** Require ARN-shaped Task resources when validating (default false for local runs). */
  readonly checkArn?: boolean;
}

/** A schema mismatch found with `contracts: 'report'` (or the one that failed the run with `'fail'`). */
export interface ContractViolation {
  readonly state: string;
  readonly kind: keyof StateContract;
  readonly message: string;
  readonly issues: readonly SchemaIssue[];
}

/** How an execution ended. */
export type ExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** The outcome of `run()`. */
export interface ExecutionResult {
  readonly status: ExecutionStatus;
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
  readonly history: readonly HistoryEvent[];
  readonly stats: {
    readonly transitions: number;
    readonly events: number;
    /** Simulated duration under the virtual clock. */
    readonly durationMs: number;
    /** Real time spent. */
    readonly wallMs: number;
  };
  /** Validation findings when the definition was rejected (`Stepcraft.InvalidDefinition`). */
  readonly diagnostics?: readonly Diagnostic[];
  readonly contractViolations?: readonly ContractViolation[];
}

/** A running execution. */
export interface ExecutionHandle {
  readonly result: Promise<ExecutionResult>;
  sendTaskSuccess(token: string, output: unknown): void;
  sendTaskFailure(token: string, error?: string, cause?: string): void;
  sendTaskHeartbeat(token: string): void;
  /** Stops the execution (status ABORTED). */
  abort(error?: string, cause?: string): void;
  /** The events so far. */
  history(): readonly HistoryEvent[];
}
