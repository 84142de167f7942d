import {
  type ItemBatcher,
  isJsonataString,
  type JsonObject,
  type JsonValue,
  jsonataBody,
  type MapState,
} from '@stepcraft/asl';
import { contextObject, withMapItem } from '../context-object.js';
import { StatesError } from '../errors.js';
import { inputPathOf, jsonataField, outputWithResult, scopeOf } from '../evaluation.js';
import { runMachine } from '../execute.js';
import type { Fiber, StateRun } from '../execution.js';
import { fanOut, type Tolerance } from '../fan-out.js';
import { jsonTypeName } from '../io/json.js';
import { applyPayloadTemplate, readReferencePath } from '../io/jsonpath.js';
import { evaluateJsonataValue } from '../jsonata/evaluate.js';
import { withRetryAndCatch } from '../retry.js';
import type { StateOutcome } from '../state-outcome.js';
import { readItems, writeResults } from './map-resources.js';

/** AWS runs at most 40 inline iterations at once. */
const INLINE_CONCURRENCY = 40;

/**
 * Map: runs the processor once per item (or per batch), each in its own variable scope (Distributed: without the
 * outer variables); results keep item order. Tolerated failures, MaxConcurrency (1 = strictly in order) and
 * ItemBatcher are honoured; Distributed Map runs its child executions inline over the given items.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
export function runMap(fiber: Fiber, run: StateRun, raw: JsonValue): Promise<StateOutcome> {
  const state = run.state as MapState;
  const exec = fiber.exec;
  const processor = state.ItemProcessor ?? state.Iterator;
  const distributed = processor?.ProcessorConfig?.Mode === 'DISTRIBUTED';
  return withRetryAndCatch(
    fiber,
    run,
    raw,
    state,
    async (retryCount) => {
      if (processor === undefined)
        throw new StatesError('States.Runtime', `Map state '${run.name}' has no ItemProcessor.`);
      run.context = contextObject(exec, run.name, run.enteredTime, { retryCount });
      const effective = run.jsonata ? raw : inputPathOf(fiber, run, state.InputPath, raw);
      const items =
        state.ItemReader === undefined
          ? await itemsOf(fiber, run, state, effective)
          : await readItems(fiber, run, state.ItemReader, raw, effective);
      const concurrency = await integerSetting(
        fiber,
        run,
        effective,
        'MaxConcurrency',
        state.MaxConcurrency,
        state.MaxConcurrencyPath,
      );
      exec.history.emit(
        fiber,
        'MapStateStarted',
        // AWS writes length 0 when the items come from an ItemReader (read by the Map Run, after this event).
        exec.settings.recordHistory
          ? { length: state.ItemReader === undefined ? items.length : 0 }
          : undefined,
      );
      const tolerance = await toleranceOf(fiber, run, state, effective);
      const mapRunArn = `${String((exec.contextStateMachine as JsonObject).Id).replace(':stateMachine:', ':mapRun:')}/${run.name}:${retryCount}`;
      if (distributed)
        exec.history.emit(fiber, 'MapRunStarted', exec.settings.recordHistory ? { mapRunArn } : undefined);
      const inputs = await iterationInputs(fiber, run, state, raw, effective, items);
      const limit =
        concurrency === undefined || concurrency === 0
          ? distributed
            ? inputs.length
            : INLINE_CONCURRENCY
          : concurrency;
      const iterationEvent = (type: string) => (index: number, lane: { lastEventId: number }) => {
        if (!distributed)
          exec.history.emit(lane, type, exec.settings.recordHistory ? { name: run.name, index } : undefined);
      };
      let output: JsonValue;
      try {
        const result = await fanOut(
          fiber,
          inputs.length,
          distributed ? limit : Math.min(limit, INLINE_CONCURRENCY),
          distributed,
          (index, child) => runMachine(child, processor, inputs[index] as JsonValue),
          {
            started: iterationEvent('MapIterationStarted'),
            succeeded: iterationEvent('MapIterationSucceeded'),
            failed: iterationEvent('MapIterationFailed'),
            aborted: iterationEvent('MapIterationAborted'),
          },
          tolerance,
        );
        const writer = state.ResultWriter;
        output =
          writer?.Resource === undefined
            ? result
            : await writeResults(
                fiber,
                run,
                state,
                writer,
                writer.Resource,
                raw,
                effective,
                result,
                mapRunArn,
              );
      } catch (thrown) {
        if (distributed && thrown instanceof StatesError) {
          exec.history.emit(
            fiber,
            'MapRunFailed',
            exec.settings.recordHistory
              ? { error: thrown.error, ...(thrown.cause === undefined ? {} : { cause: thrown.cause }) }
              : undefined,
          );
        }
        throw thrown;
      }
      if (distributed) exec.history.emit(fiber, 'MapRunSucceeded');
      exec.history.emit(fiber, 'MapStateSucceeded');
      return outputWithResult(fiber, run, state, raw, output);
    },
    (failure) => {
      if (failure.error !== 'States.Runtime') exec.history.emit(fiber, 'MapStateFailed');
    },
  );
}

async function itemsOf(
  fiber: Fiber,
  run: StateRun,
  state: MapState,
  effective: JsonValue,
): Promise<JsonValue[]> {
  if (run.jsonata) {
    if (state.Items === undefined) {
      if (Array.isArray(effective)) return effective;
      throw new StatesError(
        'States.QueryEvaluationError',
        `Map state input must be an array but was: ${JSON.stringify(effective)}`,
      );
    }
    const items = await jsonataField(fiber, run, state.Items, effective, 'Items');
    if (Array.isArray(items)) return items;
    throw new StatesError(
      'States.QueryEvaluationError',
      `The JSONata expression '${isJsonataString(state.Items) ? jsonataBody(state.Items).trim() : JSON.stringify(state.Items)}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${jsonTypeName(items)}' for value: ${JSON.stringify(items)}`,
    );
  }
  const items =
    state.ItemsPath === undefined
      ? effective
      : readReferencePath(state.ItemsPath, scopeOf(fiber, run, effective, 'ItemsPath'));
  if (Array.isArray(items)) return items;
  if (state.ItemsPath === undefined) {
    throw new StatesError(
      'States.Runtime',
      `Map state input must be an array but was: ${JSON.stringify(items)}`,
    );
  }
  throw new StatesError('States.Runtime', `Reference path "${state.ItemsPath}" must point to array.`);
}

/** Text of a value in AWS's "refers to value" messages. */
const shown = (value: JsonValue | undefined): string =>
  typeof value === 'string' ? value : JSON.stringify(value ?? null);

/** MaxConcurrency-like integer setting (literal, JSONata, or `*Path`). */
async function integerSetting(
  fiber: Fiber,
  run: StateRun,
  input: JsonValue,
  field: string,
  literal: number | string | undefined,
  path: string | undefined,
): Promise<number | undefined> {
  if (literal !== undefined) {
    const value =
      typeof literal === 'string' && run.jsonata
        ? await jsonataField(fiber, run, literal, input, field)
        : literal;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    throw new StatesError(
      run.jsonata ? 'States.QueryEvaluationError' : 'States.Runtime',
      `The ${field} field must be a non-negative integer, but was: ${JSON.stringify(value)}`,
    );
  }
  if (path === undefined) return undefined;
  const value = readReferencePath(path, scopeOf(fiber, run, input, `${field}Path`));
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (value < 0) throw new StatesError('States.Runtime', `${field} cannot be negative.`);
    return value;
  }
  throw new StatesError(
    'States.Runtime',
    `The ${field}Path field refers to value "${shown(value)}" which is not a valid integer: ${path}`,
  );
}

async function toleranceOf(
  fiber: Fiber,
  run: StateRun,
  state: MapState,
  input: JsonValue,
): Promise<Tolerance | undefined> {
  const count = await integerSetting(
    fiber,
    run,
    input,
    'ToleratedFailureCount',
    state.ToleratedFailureCount,
    state.ToleratedFailureCountPath,
  );
  let percentage: number | undefined;
  if (state.ToleratedFailurePercentage !== undefined || state.ToleratedFailurePercentagePath !== undefined) {
    const path = state.ToleratedFailurePercentagePath;
    const value =
      path !== undefined
        ? readReferencePath(path, scopeOf(fiber, run, input, 'ToleratedFailurePercentagePath'))
        : typeof state.ToleratedFailurePercentage === 'string' && run.jsonata
          ? await jsonataField(
              fiber,
              run,
              state.ToleratedFailurePercentage,
              input,
              'ToleratedFailurePercentage',
            )
          : (state.ToleratedFailurePercentage ?? null);
    if (typeof value !== 'number') {
      throw new StatesError(
        'States.Runtime',
        `The ToleratedFailurePercentagePath field refers to value "${shown(value)}" which is not a valid float: ${path ?? ''}`,
      );
    }
    if (value < 0 || value > 100)
      throw new StatesError('States.Runtime', 'ToleratedFailurePercentage must be between 0 and 100.');
    percentage = value;
  }
  return count === undefined && percentage === undefined ? undefined : { count, percentage };
}

/** Each iteration's input: ItemSelector (with `$$.Map.Item`) or the item, then ItemBatcher batches. */
async function iterationInputs(
  fiber: Fiber,
  run: StateRun,
  state: MapState,
  raw: JsonValue,
  effective: JsonValue,
  items: readonly JsonValue[],
): Promise<JsonValue[]> {
  const selector = state.ItemSelector ?? state.Parameters;
  let inputs: JsonValue[] = items as JsonValue[];
  if (selector !== undefined) {
    inputs = [];
    for (let index = 0; index < items.length; index++) {
      const context = withMapItem(run, index, items[index] as JsonValue);
      inputs.push(
        run.jsonata
          ? await evaluateJsonataValue(
              selector,
              scopeOf(fiber, run, raw, 'ItemSelector', { context }),
              'ItemSelector',
            )
          : applyPayloadTemplate(selector, scopeOf(fiber, run, effective, 'ItemSelector', { context })),
      );
    }
  }
  return state.ItemBatcher === undefined
    ? inputs
    : batches(fiber, run, state.ItemBatcher, raw, effective, inputs);
}

async function batches(
  fiber: Fiber,
  run: StateRun,
  batcher: ItemBatcher,
  raw: JsonValue,
  effective: JsonValue,
  items: JsonValue[],
): Promise<JsonValue[]> {
  const maxItems = await integerSetting(
    fiber,
    run,
    effective,
    'MaxItemsPerBatch',
    batcher.MaxItemsPerBatch,
    batcher.MaxItemsPerBatchPath,
  );
  const maxBytes = await integerSetting(
    fiber,
    run,
    effective,
    'MaxInputBytesPerBatch',
    batcher.MaxInputBytesPerBatch,
    batcher.MaxInputBytesPerBatchPath,
  );
  const batchInput =
    batcher.BatchInput === undefined
      ? undefined
      : run.jsonata
        ? await evaluateJsonataValue(
            batcher.BatchInput,
            scopeOf(fiber, run, raw, 'BatchInput'),
            'ItemBatcher/BatchInput',
          )
        : applyPayloadTemplate(batcher.BatchInput, scopeOf(fiber, run, effective, 'BatchInput'));
  const out: JsonValue[] = [];
  let current: JsonValue[] = [];
  let bytes = 0;
  const flush = (): void => {
    if (current.length === 0) return;
    out.push(batchInput === undefined ? { Items: current } : { BatchInput: batchInput, Items: current });
    current = [];
    bytes = 0;
  };
  for (const item of items) {
    const size = maxBytes === undefined ? 0 : Buffer.byteLength(JSON.stringify(item), 'utf8');
    if (
      current.length > 0 &&
      ((maxItems !== undefined && maxItems > 0 && current.length >= maxItems) ||
        (maxBytes !== undefined && maxBytes > 0 && bytes + size > maxBytes))
    ) {
      flush();
    }
    current.push(item);
    bytes += size;
  }
  flush();
  return out;
}
