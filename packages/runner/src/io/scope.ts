import type { JsonValue } from '@stepcraft/asl';
import type { Stop } from '../stop.js';

/**
 * Everything a path, intrinsic, Choice rule or JSONata expression may read while one state is evaluated.
 * Built by the interpreter per evaluation site; expressions never mutate it.
 */
export interface EvaluationScope {
  /** What `$` means at this site (effective input, raw result, error output, Map item selector input…). */
  readonly input: JsonValue;
  /**
   * The context object (`$$` in JSONPath, `$states.context` in JSONata). A function, called as `scope.context()`,
   * because most evaluations never read it and the interpreter builds it only then.
   */
  readonly context: () => JsonValue;
  /** Variables visible to the state, with their values at state entry. `undefined` = never assigned. */
  readonly variables: (name: string) => JsonValue | undefined;
  /** The state being evaluated, for error causes. */
  readonly stateName: string;
  /** The field being evaluated (`Parameters`, `ResultSelector`, `ItemsPath`, …), for error causes. */
  readonly field: string;
  /** JSONata only: `$states.result` / `$states.errorOutput` where AWS makes them available. */
  readonly result?: JsonValue | undefined;
  readonly errorOutput?: JsonValue | undefined;
  /** Seeded random source in [0, 1), so `States.UUID`, `States.MathRandom`, `$random`, `$uuid` are reproducible. */
  readonly random: () => number;
  /** JSONata only: the execution clock (epoch ms) behind `$now()` / `$millis()`; absent → jsonata's wall clock. */
  readonly now?: () => number;
  /** The running fiber's stop signal: a long evaluation ends with its reason once the execution is interrupted. */
  readonly stop?: Stop;
}
