import type { JsonValue } from '@stepcraft/asl';

/**
 * What one state did, step by step: AWS TestState's `inspectionData`, recorded for every state entered when
 * `RunOptions.inspect` is on. A field is absent when its step does not apply to the state.
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
  /** JSONPath `Parameters` (Task, Pass, Parallel) or `ItemSelector` (Map: of the last item). */
  readonly afterParameters?: JsonValue;
  /** JSONata `Arguments`. */
  readonly afterArguments?: JsonValue;
  /** The task's result, the Pass state's result, the Map/Parallel result array. */
  readonly result?: JsonValue;
  readonly afterResultSelector?: JsonValue;
  readonly afterResultPath?: JsonValue;
  /** The state's output (after OutputPath / Output, or a Catcher's). */
  readonly output?: JsonValue;
  /** Variables this state assigned. */
  readonly variables?: Readonly<Record<string, JsonValue>>;
  /** How the state failed for good (after its retries), if it did. */
  readonly error?: string;
  readonly cause?: string;
  /** Each failed attempt that a retrier took up, with the delay before the next. */
  readonly retries?: readonly {
    readonly error: string;
    readonly cause?: string;
    readonly delaySeconds: number;
  }[];
}

/** A `StateInspection` being filled while its state runs. */
export type InspectionRecord = {
  -readonly [K in keyof StateInspection]: StateInspection[K];
};

/** The inspection fields a pipeline step records. */
export type InspectedStep =
  | 'afterInputPath'
  | 'afterParameters'
  | 'afterArguments'
  | 'result'
  | 'afterResultSelector'
  | 'afterResultPath'
  | 'output';

/** Records one pipeline step of a state, when it is inspected. */
export function inspect(
  run: { readonly inspection: InspectionRecord | undefined },
  step: InspectedStep,
  value: JsonValue,
): void {
  if (run.inspection !== undefined) run.inspection[step] = value;
}
