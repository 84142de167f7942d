import type { JsonValue } from '@stepcraft/asl';

/**
 * A schema as the runner sees it: a Standard Schema v1 (zod 4 schemas are). Core keeps the user's object as is.
 * @see https://standardschema.dev
 */
export interface Schema {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => SchemaResult | Promise<SchemaResult>;
  };
}

/** A Standard Schema validation result: the (possibly transformed) value, or issues. */
export interface SchemaResult {
  readonly value?: unknown;
  readonly issues?:
    | readonly {
        readonly message: string;
        readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
      }[]
    | undefined;
}

/** The schemas known for one state; the runner checks real data against them at each boundary. */
export interface StateContract {
  /** The state's raw input. */
  readonly stateInput?: Schema;
  /** The state's output (after ResultPath/OutputPath). */
  readonly stateOutput?: Schema;
  /** What a task's handler receives. */
  readonly taskInput?: Schema;
  /** What a task's handler returns, before any service envelope. */
  readonly taskResult?: Schema;
}

/** What the runner passes to a task handler besides its input. */
export interface TaskHandlerContext {
  readonly stateName: string;
  readonly resource: string;
  readonly taskToken?: string;
  readonly context: JsonValue;
  readonly signal: AbortSignal;
  heartbeat(): void;
  /** Waits on the execution's clock (simulated by the local runner). */
  sleep(seconds: number): Promise<void>;
  sendTaskSuccess(token: string, output: JsonValue): void;
  sendTaskFailure(token: string, error?: string, cause?: string): void;
}

// A method signature is compared bivariantly, so typed handlers `(input: Order) => …` are storable here.
interface HandlerMethod {
  handle(input: JsonValue, context: TaskHandlerContext): unknown;
}

/** A task's local implementation, used by the runner in place of the AWS resource. */
export type TaskHandler = HandlerMethod['handle'];
