import { type JsonValue, parseTimestamp, type WaitState } from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import {
  evaluateAssign,
  inputPathOf,
  jsonataField,
  jsonataOutput,
  outputPathOf,
  scopeOf,
} from '../evaluation.js';
import { readReferencePath } from '../io/jsonpath.js';
import { type Progress, type StateKind, waitOn } from '../progress.js';
import type { Fiber, StateRun } from '../snapshot.js';
import { nextOf, type StateOutcome } from '../state-outcome.js';
import { addTimer } from '../timers.js';

/** AWS refuses waits of 2^31 seconds or more ("Wait state delay is too long."). */
const MAX_WAIT_SECONDS = 2_147_483_647;

/**
 * Wait: `Seconds`, `Timestamp` or their `*Path` forms (JSONata: `{% %}`), on the execution's clock.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 */
export const waitKind: StateKind<WaitState> = {
  async run(fiber, run, state): Promise<Progress> {
    const effective = run.jsonata ? run.input : inputPathOf(fiber, run, state.InputPath, run.input);
    const delayMs = await delayOf(fiber, run, state, effective);
    const snap = fiber.snap;
    run.work = { kind: 'wait', effective };
    const timer = addTimer(snap.timers, snap.now + delayMs, { kind: 'fiber', fiber });
    return waitOn(fiber, { kind: 'timer', timer, retry: false });
  },
  wake(fiber, run, state) {
    return waited(fiber, run, state, run.work?.kind === 'wait' ? run.work.effective : run.input);
  },
};

/** After the delay: Assign, then OutputPath (JSONPath) or Output (JSONata). */
async function waited(
  fiber: Fiber,
  run: StateRun,
  state: WaitState,
  effective: JsonValue,
): Promise<StateOutcome> {
  const raw = run.input;
  const assigned = await evaluateAssign(fiber, run, state.Assign, effective);
  if (run.jsonata)
    return { output: await jsonataOutput(fiber, run, state.Output, raw, raw), next: nextOf(state), assigned };
  return {
    output: outputPathOf(fiber, run, state.OutputPath, effective),
    next: nextOf(state),
    assigned,
  };
}

/** Java-style text of a value in AWS's messages: strings bare, the rest as JSON. */
const shown = (value: JsonValue): string => (typeof value === 'string' ? value : JSON.stringify(value));

async function delayOf(fiber: Fiber, run: StateRun, state: WaitState, input: JsonValue): Promise<number> {
  const now = fiber.snap.now;
  if (state.Seconds !== undefined) {
    const seconds = run.jsonata
      ? await jsonataField(fiber, run, state.Seconds, input, 'Seconds')
      : state.Seconds;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new StatesError(
        run.jsonata ? 'States.QueryEvaluationError' : 'States.Runtime',
        `The Seconds field must be a non-negative integer, but was: ${JSON.stringify(seconds)}`,
      );
    }
    return secondsToMs(seconds);
  }
  if (state.SecondsPath !== undefined) {
    const path = state.SecondsPath;
    const seconds = readInputValue(path, 'SecondsPath', fiber, run, input);
    if (typeof seconds !== 'number' || !Number.isInteger(seconds)) {
      throw new StatesError(
        'States.Runtime',
        `The SecondsPath parameter cannot be parsed as a long value: ${path} == ${shown(seconds)}`,
      );
    }
    if (seconds < 0) {
      throw new StatesError(
        'States.Runtime',
        `The SecondsPath parameter references a negative value: ${path} == ${seconds}`,
      );
    }
    return secondsToMs(seconds);
  }
  if (state.Timestamp !== undefined) {
    const text = run.jsonata
      ? await jsonataField(fiber, run, state.Timestamp, input, 'Timestamp')
      : state.Timestamp;
    const at = typeof text === 'string' ? parseTimestamp(text) : undefined;
    if (at === undefined) {
      throw new StatesError(
        run.jsonata ? 'States.QueryEvaluationError' : 'States.Runtime',
        `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${shown(text)}`,
      );
    }
    return untilMs(at, now);
  }
  if (state.TimestampPath !== undefined) {
    const path = state.TimestampPath;
    const text = readInputValue(path, 'TimestampPath', fiber, run, input);
    const at = typeof text === 'string' ? parseTimestamp(text) : undefined;
    if (at === undefined) {
      throw new StatesError(
        'States.Runtime',
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${path} == ${shown(text)}`,
      );
    }
    return untilMs(at, now);
  }
  return 0;
}

/** The value a `*Path` field references; a path that matches nothing fails with AWS's `States.Runtime` message. */
function readInputValue(
  path: string,
  field: 'SecondsPath' | 'TimestampPath',
  fiber: Fiber,
  run: StateRun,
  input: JsonValue,
): JsonValue {
  try {
    return readReferencePath(path, scopeOf(fiber, run, input, field));
  } catch (e) {
    if (!(e instanceof StatesError)) throw e;
    throw new StatesError(
      'States.Runtime',
      `The ${field} parameter does not reference an input value: ${path}`,
    );
  }
}

function secondsToMs(seconds: number): number {
  if (seconds > MAX_WAIT_SECONDS) throw new StatesError('States.Runtime', 'Wait state delay is too long.');
  return seconds * 1000;
}

function untilMs(at: number, now: number): number {
  const ms = Math.max(0, at - now);
  return secondsToMs(Math.ceil(ms / 1000)) === 0 ? 0 : ms;
}
