import type { AslDocument, JsonValue } from '@stepcraft/asl';
import type { HistoryEvent } from '@stepcraft/runner';

/** How an execution ended. */
export type RunStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/**
 * What one state did, as AWS TestState's `inspectionData` shows it: the value after each I/O step. Recorded for
 * every state entered when the runner runs with `inspect: true`; a field is absent when its step does not apply.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_InspectionData.html
 */
export interface StateInspection {
  /** Id of this state's `…StateEntered` event in the history. */
  readonly enteredEventId: number;
  readonly state: string;
  /** Enclosing Map/Parallel states, outermost first, with the iteration or branch index (empty at top level). */
  readonly path: readonly { readonly state: string; readonly index: number }[];
  /** The state's raw input. */
  readonly input: JsonValue;
  readonly afterInputPath?: JsonValue;
  /** After JSONPath `Parameters` / `ItemSelector`. */
  readonly afterParameters?: JsonValue;
  /** After JSONata `Arguments`. */
  readonly afterArguments?: JsonValue;
  /** The task result, a Pass state's `Result`, a Map/Parallel result array. */
  readonly result?: JsonValue;
  readonly afterResultSelector?: JsonValue;
  readonly afterResultPath?: JsonValue;
  /** After `OutputPath` / `Output`. */
  readonly output?: JsonValue;
  /** The variables this state assigned. */
  readonly variables?: Readonly<Record<string, JsonValue>>;
  readonly error?: string;
  readonly cause?: string;
  readonly retries?: readonly {
    readonly error: string;
    readonly cause?: string;
    readonly delaySeconds: number;
  }[];
}

/**
 * A run as `stepcraft run --history FILE` writes it and `stepcraft view FILE` reads it: the definition that ran,
 * its input and outcome, and the history under `events` in the shape of AWS's `get-execution-history` output.
 */
export interface RunRecord {
  readonly format: 'stepcraft.run/1';
  /** The state machine's name. */
  readonly workflow: string;
  /** The ASL that ran. */
  readonly definition: AslDocument;
  readonly input: JsonValue;
  readonly status: RunStatus;
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
  readonly stats: { readonly transitions: number; readonly events: number; readonly durationMs: number };
  readonly events: readonly HistoryEvent[];
  readonly inspections?: readonly StateInspection[];
}

/**
 * What the viewer shows: a run record, or an AWS history read with its definition, which may belong to an
 * execution that has not ended yet (`RUNNING`).
 */
export type ViewedRun = Omit<RunRecord, 'status'> & { readonly status: RunStatus | 'RUNNING' };
