import type {
  AslDocument,
  CompiledWorkflow,
  Diagnostic,
  Handlers,
  JsonValue,
  SchemaIssue,
  StateContract,
  StateInput,
  StateResult,
  TaskToken,
  TaskTokenResult,
  TypedState,
} from '@stepcraft/asl';
import type { HistoryEvent } from './history.js';
import type { StateInspection } from './inspection.js';

/** An ASL document or a compiled workflow (told apart by `definition`). */
export type RunnableWorkflow = AslDocument | CompiledWorkflow<unknown, unknown>;

/** Options of `run()` / `start()`. A value of the wrong kind or out of range throws a `RunnerUsageError`. */
export interface RunOptions {
  /** Per-state or per-resource handlers; they win over the compiled workflow's own. */
  readonly handlers?: Handlers;
  /**
   * `virtual` (default): simulated time that moves only while the caller awaits the execution (see the README's
   * time policy). `real`: waits really wait.
   */
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
  /** Default: the compiled workflow's `type`, else STANDARD. */
  readonly stateMachineType?: 'STANDARD' | 'EXPRESS';
  /** Aborting it stops the execution (status ABORTED). */
  readonly signal?: AbortSignal;
  /** Validate the definition before running (default true). */
  readonly validate?: boolean;
  /** Require ARN-shaped Task resources when validating (default false for local runs). */
  readonly checkArn?: boolean;
  /** Record what each state did, step by step, in `ExecutionResult.inspections` (AWS TestState's inspection data). */
  readonly inspect?: boolean;
  /**
   * Real milliseconds a pending handler holds virtual time (default 2,000). A handler that has not settled by then
   * is treated as still running on the virtual clock: its TimeoutSeconds, HeartbeatSeconds or the execution's
   * timeout fire as on AWS, and with no timeout at all the run ends with `Stepcraft.Stalled`.
   */
  readonly handlerGraceMs?: number;
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

/** What every execution result holds, whatever its status. */
interface ResultBase {
  readonly history: readonly HistoryEvent[];
  readonly stats: {
    readonly transitions: number;
    readonly events: number;
    /** Duration on the execution's clock (simulated under the virtual clock). */
    readonly durationMs: number;
    /** Real time spent. */
    readonly wallMs: number;
  };
  /** Validation findings when the definition was rejected (`Stepcraft.InvalidDefinition`). */
  readonly diagnostics?: readonly Diagnostic[];
  readonly contractViolations?: readonly ContractViolation[];
  /** What each state did (with `inspect: true`), in the order the states were entered. */
  readonly inspections?: readonly StateInspection[];
}

/** A successful execution, with its output. */
export interface SucceededResult<TOutput = JsonValue> extends ResultBase {
  readonly status: 'SUCCEEDED';
  readonly output: TOutput;
  readonly error?: undefined;
  readonly cause?: undefined;
}

/** An execution that failed, timed out or was aborted, with AWS's error and cause (either may be absent). */
export interface FailedResult extends ResultBase {
  readonly status: 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  readonly output?: undefined;
  readonly error?: string;
  readonly cause?: string;
}

/** The outcome of an execution, discriminated by `status`; `output` is typed by the workflow's output. */
export type ExecutionResult<TOutput = JsonValue> = SucceededResult<TOutput> | FailedResult;

/** A callback task waiting for its token, as `waitForTaskToken` hands it out. */
export interface TaskTokenRequest<TInput = JsonValue, TResult = JsonValue> {
  /** The token; `sendTaskSuccess(token, output)` is typed by the state's result. */
  readonly token: TaskToken<TResult>;
  readonly state: string;
  /** The state's input. */
  readonly input: TInput;
  /** What the task sent to its service (the handler's input: the SQS message, the Lambda payload…). */
  readonly parameters: JsonValue;
}

/** A state of the workflow: its builder value (typed by it) or its name. */
export type StateRef = TypedState | string;

/** A running execution. */
export interface ExecutionHandle<TOutput = JsonValue> {
  /**
   * How the execution ends. Awaiting it (calling its `then`) lets virtual time move: until then, time stands still
   * while the test holds control, as in Temporal's time-skipping test environment.
   */
  readonly result: Promise<ExecutionResult<TOutput>>;
  /**
   * Runs the execution (virtual time may move meanwhile) until `state` waits for a task token, then hands out that
   * token, the state's input and what it sent; each call hands out the next waiting token of that state. Rejects
   * with a `RunnerUsageError` if the execution ends first.
   */
  waitForTaskToken<TState extends StateRef>(
    state: TState,
  ): Promise<TaskTokenRequest<StateInput<TState>, StateResult<TState>>>;
  /**
   * Completes a waiting callback task with `output` (`SendTaskSuccess`): its result is exactly this JSON. Throws a
   * `TaskTokenError` naming why when no task waits for the token, and a `RunnerUsageError` when `output` is not JSON.
   */
  sendTaskSuccess<TToken extends string>(token: TToken, output: TaskTokenResult<TToken>): void;
  /** Fails a waiting callback task with exactly `error` and `cause` (`SendTaskFailure`). */
  sendTaskFailure(token: string, error?: string, cause?: string): void;
  /** Resets a waiting task's `HeartbeatSeconds` timer (`SendTaskHeartbeat`). */
  sendTaskHeartbeat(token: string): void;
  /**
   * Runs the execution while virtual time moves `ms` milliseconds forward, firing the timers on the way; resolves
   * once time got there and nothing more can run (or the execution ended).
   */
  advance(ms: number): Promise<void>;
  /** The execution's current time. */
  now(): Date;
  /** Stops the execution (status ABORTED). */
  abort(error?: string, cause?: string): void;
  /** The events so far. */
  history(): readonly HistoryEvent[];
}
