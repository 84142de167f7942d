import type { AslState, Contracts, Handlers, JsonObject, JsonValue, QueryLanguage } from '@stepcraft/asl';
import type { Clock } from './clock.js';
import { StatesError } from './errors.js';
import type { HistoryRecorder, Lane } from './history.js';
import type { Stop } from './stop.js';
import type { ContractViolation } from './types.js';
import type { VariableScope } from './variables.js';

/** Why an execution stopped early (not a state failure): a timeout, an abort, a limit, a contract. */
export interface Termination {
  readonly status: 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  readonly error: string;
  readonly cause: string | undefined;
}

/** The reason given to aborted signals: fibers that see it unwind without running Catch or Retry. */
export const INTERRUPT: unique symbol = Symbol('stepcraft.interrupt');

/** Whether `e` is the interrupt (an aborted branch, iteration or execution). */
export const isInterrupt = (e: unknown): boolean => e === INTERRUPT;

/** A pending callback task (`.waitForTaskToken`, activity), resolved through `sendTask*`. */
export interface TokenWaiter {
  succeed(output: unknown): void;
  fail(error: string | undefined, cause: string | undefined): void;
  heartbeat(): void;
}

/** Options after defaults. */
export interface Settings {
  readonly handlers: Handlers | undefined;
  readonly region: string;
  readonly accountId: string;
  readonly maxTransitions: number;
  readonly maxHistoryEvents: number;
  readonly recordHistory: boolean;
  readonly contracts: 'fail' | 'report' | 'off';
  readonly stateMachineType: 'STANDARD' | 'EXPRESS';
}

/** Everything one execution shares across its fibers. */
export interface Execution {
  readonly settings: Settings;
  readonly clock: Clock;
  /** The clock's current time as ISO 8601 text (cached while the time does not move). */
  readonly stamp: () => string;
  readonly history: HistoryRecorder;
  readonly random: () => number;
  readonly tokens: Map<string, TokenWaiter>;
  readonly workflowHandlers: Handlers | undefined;
  readonly contracts: Contracts | undefined;
  readonly violations: ContractViolation[];
  readonly queryLanguage: QueryLanguage;
  /** `$$.Execution` and `$$.StateMachine`, shared by every context object. */
  readonly contextExecution: JsonObject;
  readonly contextStateMachine: JsonObject;
  /** The last entry context object per state name (see `entryContext`). */
  entryContexts: Map<string, JsonObject> | undefined;
  /** Stopped (with `INTERRUPT`) when the execution terminates. */
  readonly signal: Stop;
  transitions: number;
  termination: Termination | undefined;
  /** Stops everything; the first termination wins. */
  terminate(termination: Termination): void;
}

/** One sequence of states being run: the top level, a Parallel branch or a Map iteration. */
export interface Fiber extends Lane {
  readonly exec: Execution;
  readonly vars: VariableScope;
  readonly signal: Stop;
  /**
   * Runs beside sibling fibers (Parallel branches, Map iterations): each state then takes a microtask between its
   * work and its exit, so siblings interleave their events as AWS records them (all entries, then all exits).
   */
  readonly concurrent?: boolean;
}

/** A state being run: its name, when it was entered, its query language and its context object. */
export interface StateRun {
  readonly name: string;
  readonly state: AslState;
  readonly enteredEventId: number;
  readonly enteredTime: string;
  readonly jsonata: boolean;
  /**
   * `$$` for the current attempt (RetryCount and Task.Token change between attempts); undefined until first read
   * for states that do not set it themselves (see `contextOf`).
   */
  context: JsonValue | undefined;
}

/** Throws the interrupt if `signal` was aborted. */
export function checkSignal(signal: Stop): void {
  if (signal.aborted) throw signal.reason;
}

/** Fails the execution at once (not catchable): limits, contracts, a missing handler. */
export function fatal(exec: Execution, error: string, cause: string): never {
  exec.terminate({ status: 'FAILED', error, cause });
  throw INTERRUPT;
}

/** Errors whose cause is final (from handlers, Fail states, branches): not prefixed with the state location again. */
export const located = new WeakSet<StatesError>();

/** A `StatesError` that is passed on exactly as it is. */
export function verbatim(error: string, cause: string | undefined): StatesError {
  const e = new StatesError(error, cause);
  located.add(e);
  return e;
}
