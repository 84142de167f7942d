import type { AslDocument } from '../document.js';
import type { JsonValue } from '../json.js';
import type { Handlers } from './handler.js';
import type { StandardSchema } from './schema.js';

/** The schemas declared for one state; the runner checks real data against them at each boundary. */
export interface StateContract {
  /** The state's raw input. */
  readonly stateInput?: StandardSchema;
  /** The state's output (after ResultPath/OutputPath). */
  readonly stateOutput?: StandardSchema;
  /** What a task's handler receives. */
  readonly taskInput?: StandardSchema;
  /** What a task's handler returns (or a callback sends), before any service envelope. */
  readonly taskResult?: StandardSchema;
}

/** Contracts keyed by state name. */
export type Contracts = Readonly<Record<string, StateContract>>;

/**
 * A compiled workflow (what `@stepcraft/core`'s `compile()` returns), as plain data: the ASL that runs, plus the
 * side tables the runner uses. `TInput`/`TOutput` are phantom types (never present at run time) that type the
 * runner's `start()` and `run()`.
 */
export interface CompiledWorkflow<TInput = JsonValue, TOutput = JsonValue> {
  readonly definition: AslDocument;
  readonly contracts?: Contracts;
  readonly handlers?: Handlers;
  /** The state machine's name. */
  readonly name?: string;
  /** `STANDARD` or `EXPRESS` (a deployment setting; not part of the ASL document). */
  readonly type?: 'STANDARD' | 'EXPRESS';
  /** Phantom: the execution's input and output types. */
  readonly '~types'?: { readonly input: TInput; readonly output: TOutput };
}

/** The phantom types a workflow or compiled workflow carries. */
interface PhantomTypes {
  readonly input: unknown;
  readonly output: unknown;
}

/** The phantom types of `TWorkflow`, when it has them (a plain ASL document does not). */
type PhantomOf<TWorkflow> = '~types' extends keyof TWorkflow
  ? NonNullable<TWorkflow[keyof TWorkflow & '~types']> extends infer $Types extends PhantomTypes
    ? $Types
    : undefined
  : undefined;

/** The input type of a workflow or compiled workflow (from its phantom `'~types'`); JSON for a plain document. */
export type WorkflowInput<TWorkflow> =
  PhantomOf<TWorkflow> extends PhantomTypes ? PhantomOf<TWorkflow>['input'] : JsonValue;

/**
 * The output type of a workflow or compiled workflow; JSON for a plain document and for a workflow whose output is
 * not typed (`unknown`): whatever an execution outputs is JSON.
 */
export type WorkflowOutput<TWorkflow> =
  PhantomOf<TWorkflow> extends PhantomTypes ? JsonIfUnknown<PhantomOf<TWorkflow>['output']> : JsonValue;

type JsonIfUnknown<T> = unknown extends T ? JsonValue : T;

/**
 * A state as the builder of `@stepcraft/core` makes it (`task('Ask', …)`), seen structurally so the runner need
 * not depend on core: its name and its phantom input/output types (and, for a Task, its handler's under `'~task'`).
 */
export interface TypedState<TInput = unknown, TOutput = unknown> {
  readonly name: string;
  readonly '~types': { readonly input: TInput; readonly output: TOutput };
}

/** The input type of a state value; JSON for a state named by a string. */
export type StateInput<TState> = TState extends { readonly '~types': { readonly input: infer $Input } }
  ? $Input
  : JsonValue;

/**
 * What a callback task's `SendTaskSuccess` must send: the answer its task declares (the builder records a Task's
 * handler types under the phantom `'~task'`), else the state's output; JSON for a state named by a string.
 */
export type StateResult<TState> = TState extends { readonly '~task': infer $Task }
  ? [$Task] extends [never]
    ? StateOutput<TState>
    : $Task extends { readonly result: infer $Result }
      ? $Result
      : StateOutput<TState>
  : StateOutput<TState>;

/** The output type of a state value; JSON for a state named by a string. */
type StateOutput<TState> = TState extends { readonly '~types': { readonly output: infer $Output } }
  ? $Output
  : JsonValue;

declare const taskResult: unique symbol;

/** A task token that remembers what its task expects from `sendTaskSuccess` (a plain string at run time). */
export type TaskToken<TResult = JsonValue> = string & { readonly [taskResult]: TResult };

/** What `sendTaskSuccess(token, output)` accepts for `token`: the typed result, or anything JSON for a plain string. */
export type TaskTokenResult<TToken extends string> = TToken extends { readonly [taskResult]: infer $Result }
  ? $Result
  : unknown;
