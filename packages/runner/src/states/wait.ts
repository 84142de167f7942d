import { type JsonValue, parseTimestamp, type WaitState } from '@stepcraft/asl';
import { sleep } from '../clock.js';
import { StatesError } from '../errors.js';
import {
  evaluateAssign,
  inputPathOf,
  jsonataField,
  jsonataOutput,
  outputPathOf,
  scopeOf,
} from '../evaluation.js';
import { nextOf } from '../execute.js';
import type { Fiber, StateRun } from '../execution.js';
import { readReferencePath } from '../io/jsonpath.js';
import type { StateOutcome } from '../state-outcome.js';

/** AWS refuses waits of 2^31 seconds or more ("Wait state delay is too long."). */
const MAX_WAIT_SECONDS = 2_147_483_647;

/**
 * Wait: `Seconds`, `Timestamp` or their `*Path` forms (JSONata: `{% %}`), on the execution's clock.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 */
export async function runWait(fiber: Fiber, run: StateRun, raw: JsonValue): Promise<StateOutcome> {
  const state = run.state as WaitState;
  const effective = run.jsonata ? raw : inputPathOf(fiber, run, state.InputPath, raw);
  const delayMs = await delayOf(fiber, run, state, effective);
  await sleep(fiber.exec.clock, delayMs, fiber.signal);
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
  const now = fiber.exec.clock.now();
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
