import {
  type ItemBatcher,
  isJsonataString,
  type JsonValue,
  jsonataBody,
  type MapState,
} from '@stepcraft/asl';
import { endCall } from '../calls.js';
import { abortGroup, startGroup } from '../children.js';
import { beginAttempt, stateMachineContext, withMapItem } from '../context-object.js';
import { StatesError } from '../errors.js';
import { inputPathOf, jsonataField, outputWithResult, scopeOf } from '../evaluation.js';
import { inspect } from '../inspection.js';
import { jsonTypeName } from '../io/json.js';
import { applyPayloadTemplate, readReferencePath } from '../io/jsonpath.js';
import { evaluateJsonataValue } from '../jsonata/evaluate.js';
import { type Progress, type StateKind, WAITING, waitOn } from '../progress.js';
import type { Fiber, MapWork, StateRun, Tolerance, Wake } from '../snapshot.js';
import {
  callResource,
  capItems,
  manifestFileItems,
  readContent,
  readerRequest,
  resourceAnswer,
  writerRequest,
} from './map-resources.js';

/** AWS runs at most 40 inline iterations at once. */
const INLINE_CONCURRENCY = 40;

/**
 * Map: runs the processor once per item (or per batch), each in its own variable scope (Distributed: without the
 * outer variables); results keep item order. Tolerated failures, MaxConcurrency (1 = strictly in order) and
 * ItemBatcher are honoured; Distributed Map runs its child executions inline over the given items, read through an
 * ItemReader and written through a ResultWriter when it has them.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
export const mapKind: StateKind<MapState> = {
  async run(fiber, run, state): Promise<Progress> {
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor === undefined)
      throw new StatesError('States.Runtime', `Map state '${run.name}' has no ItemProcessor.`);
    const snap = fiber.snap;
    beginAttempt(run, undefined);
    const effective = run.jsonata ? run.input : inputPathOf(fiber, run, state.InputPath, run.input);
    const work: MapWork = {
      kind: 'map',
      effective,
      mapRunArn: `${String(stateMachineContext(snap).Id).replace(':stateMachine:', ':mapRun:')}/${run.name}:${run.retryCount}`,
      distributed: processor.ProcessorConfig?.Mode === 'DISTRIBUTED',
      phase: 'read',
      items: [],
      pending: [],
      maxItems: undefined,
      call: undefined,
      group: undefined,
      written: undefined,
    };
    run.work = work;
    const reader = state.ItemReader;
    if (reader === undefined)
      return iterate(fiber, run, state, work, await itemsOf(fiber, run, state, effective));
    const request = await readerRequest(fiber, run, reader, effective);
    work.maxItems = request.maxItems;
    return read(fiber, run, work, reader.Resource, request.parameters);
  },
  wake(fiber, run, state, wake) {
    const work = run.work;
    if (work?.kind !== 'map') throw new Error(`Map state '${run.name}' woke up without its work.`);
    return wakeMap(fiber, run, state, work, wake);
  },
  abort(_fiber, run) {
    if (run.work?.kind !== 'map') return;
    if (run.work.call !== undefined) endCall(run.work.call, 'aborted');
    if (run.work.group !== undefined) abortGroup(run.work.group);
  },
  gaveUp(fiber, _run, _state, failure) {
    if (failure.error !== 'States.Runtime') fiber.snap.history.emit(fiber, 'MapStateFailed');
  },
};

/** Calls the ItemReader (or ResultWriter) and waits for its answer. */
function read(
  fiber: Fiber,
  run: StateRun,
  work: MapWork,
  resource: string,
  request: JsonValue,
): typeof WAITING {
  const call = callResource(
    fiber,
    run,
    work.phase === 'write' ? 'ResultWriter' : 'ItemReader',
    resource,
    request,
  );
  work.call = call;
  return waitOn(fiber, call);
}

async function wakeMap(
  fiber: Fiber,
  run: StateRun,
  state: MapState,
  work: MapWork,
  wake: Wake,
): Promise<Progress> {
  if (wake.kind === 'children') {
    const failure = wake.group.failure;
    if (failure !== undefined) throw runFailed(fiber, work, failure);
    const writer = state.ResultWriter;
    if (writer?.Resource === undefined) return mapSucceeded(fiber, run, state, work, wake.group.results);
    try {
      const { request, output } = await writerRequest(
        fiber,
        run,
        state,
        writer,
        work.effective,
        wake.group.results,
        work.mapRunArn,
      );
      work.phase = 'write';
      work.written = output;
      return read(fiber, run, work, writer.Resource, request);
    } catch (thrown) {
      throw runFailed(fiber, work, thrown);
    }
  }
  if (wake.kind !== 'settled') throw new Error(`Map state '${run.name}' woke up for ${wake.kind}.`);
  work.call = undefined;
  endCall(wake.call, wake.ok ? 'succeeded' : 'failed');
  if (work.phase === 'write') {
    try {
      resourceAnswer('ResultWriter', wake);
    } catch (thrown) {
      throw runFailed(fiber, work, thrown);
    }
    return mapSucceeded(fiber, run, state, work, work.written ?? null);
  }
  const reader = state.ItemReader;
  if (reader === undefined) throw new Error(`Map state '${run.name}' read items without an ItemReader.`);
  const content = resourceAnswer('ItemReader', wake);
  const file = work.pending.shift();
  if (file !== undefined) {
    // One data file of a manifest (read file by file).
    work.items.push(...manifestFileItems(content, file.headers));
  } else {
    const result = readContent(reader, content);
    if (result.kind === 'items')
      return iterate(fiber, run, state, work, capItems(result.items, work.maxItems));
    work.pending.push(...result.files);
  }
  const next = work.pending[0];
  if (next !== undefined) return read(fiber, run, work, reader.Resource, next.request);
  return iterate(fiber, run, state, work, capItems(work.items, work.maxItems));
}

/** A Distributed Map's failure also fails its Map Run (`MapRunFailed`). */
function runFailed(fiber: Fiber, work: MapWork, thrown: unknown): unknown {
  if (work.distributed && thrown instanceof StatesError) {
    const snap = fiber.snap;
    snap.history.emit(
      fiber,
      'MapRunFailed',
      snap.settings.recordHistory
        ? { error: thrown.error, ...(thrown.cause === undefined ? {} : { cause: thrown.cause }) }
        : undefined,
    );
  }
  return thrown;
}

function mapSucceeded(
  fiber: Fiber,
  run: StateRun,
  state: MapState,
  work: MapWork,
  output: JsonValue,
): Progress | Promise<Progress> {
  const snap = fiber.snap;
  if (work.distributed) snap.history.emit(fiber, 'MapRunSucceeded');
  snap.history.emit(fiber, 'MapStateSucceeded');
  return outputWithResult(fiber, run, state, run.input, output);
}

/** With the items in hand: the settings, `MapStateStarted`, each iteration's input, then the iterations. */
async function iterate(
  fiber: Fiber,
  run: StateRun,
  state: MapState,
  work: MapWork,
  items: JsonValue[],
): Promise<Progress> {
  const snap = fiber.snap;
  const effective = work.effective;
  const concurrency = await integerSetting(
    fiber,
    run,
    effective,
    'MaxConcurrency',
    state.MaxConcurrency,
    state.MaxConcurrencyPath,
  );
  snap.history.emit(
    fiber,
    'MapStateStarted',
    // AWS writes length 0 when the items come from an ItemReader (read by the Map Run, after this event).
    snap.settings.recordHistory ? { length: state.ItemReader === undefined ? items.length : 0 } : undefined,
  );
  const tolerance = await toleranceOf(fiber, run, state, effective);
  if (work.distributed)
    snap.history.emit(
      fiber,
      'MapRunStarted',
      snap.settings.recordHistory ? { mapRunArn: work.mapRunArn } : undefined,
    );
  const inputs = await iterationInputs(fiber, run, state, effective, items);
  const processor = state.ItemProcessor ?? state.Iterator;
  if (processor === undefined)
    throw new StatesError('States.Runtime', `Map state '${run.name}' has no ItemProcessor.`);
  const limit =
    concurrency === undefined || concurrency === 0
      ? work.distributed
        ? inputs.length
        : INLINE_CONCURRENCY
      : concurrency;
  work.phase = 'iterate';
  work.group = startGroup(fiber, run, {
    count: inputs.length,
    limit: work.distributed ? limit : Math.min(limit, INLINE_CONCURRENCY),
    isolated: work.distributed,
    iterationEvents: !work.distributed,
    machine: () => processor,
    input: (index) => inputs[index] as JsonValue,
    tolerance,
  });
  return WAITING;
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
  effective: JsonValue,
  items: readonly JsonValue[],
): Promise<JsonValue[]> {
  const raw = run.input;
  const selector = state.ItemSelector ?? state.Parameters;
  let inputs: JsonValue[] = items as JsonValue[];
  if (selector !== undefined) {
    inputs = [];
    for (let index = 0; index < items.length; index++) {
      const context = withMapItem(fiber.snap, run, index, items[index] as JsonValue);
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
  if (selector !== undefined && inputs.length > 0)
    inspect(run, 'afterParameters', inputs[inputs.length - 1] as JsonValue);
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
