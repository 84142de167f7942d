import {
  type ItemBatcher,
  type ItemReader,
  type JsonObject,
  type JsonValue,
  pointerOf,
  type ResultWriter,
} from '@stepcraft/asl';
import {
  createMapNode,
  createRawAslNode,
  createReferenceNode,
  type DistributedNode,
  type MapNode,
  type NumberValue,
} from '@stepcraft/core/ir';
import { ImportError } from '../errors.js';
import { optional } from '../optional.js';
import { isObject } from '../source-text.js';
import { baseFields, type MachineContext } from './context.js';
import { takeCatch, takeRetry } from './error-handling.js';
import {
  isJsonPath,
  type StateReader,
  takeNumber,
  takeObject,
  takePath,
  takeString,
} from './state-reader.js';
import { readTemplate } from './template.js';

/**
 * A Map: its processor under either name (`ItemProcessor`, or the deprecated `Iterator`), its item selector under
 * either name (`ItemSelector`, or the deprecated `Parameters`), an explicit inline `ProcessorConfig`, and the
 * distributed settings (ItemReader, ItemBatcher and ResultWriter as the raw ASL objects the builder also takes).
 */
export function importMap(r: StateReader, machines: MachineContext): MapNode {
  const base = baseFields(r);
  const processorField = Object.hasOwn(r.state, 'ItemProcessor') ? 'ItemProcessor' : 'Iterator';
  const processor = r.take(processorField);
  if (!isObject(processor)) throw new ImportError(`the Map at ${pointerOf(...r.at)} has no ItemProcessor`);
  const { ProcessorConfig: config, ...machine } = processor;
  const mode = processorMode(config, r, processorField);
  const jsonPath = isJsonPath(r);
  const selectorField = Object.hasOwn(r.state, 'ItemSelector') || !jsonPath ? 'ItemSelector' : 'Parameters';
  const selector = jsonPath ? takeObject(r, selectorField) : undefined;
  return createMapNode({
    ...base,
    processor: machines.graph(machine, [processorField]),
    ...optional('processorField', processorField === 'Iterator' ? processorField : undefined),
    ...optional(
      'itemSelectorField',
      selector !== undefined && selectorField === 'Parameters' ? selectorField : undefined,
    ),
    ...(jsonPath
      ? {
          ...optional('inputPath', takePath(r, 'InputPath', 'data', true)),
          ...optional('itemsPath', takePath(r, 'ItemsPath', 'data-or-context') ?? undefined),
          ...optional('itemSelector', selector === undefined ? undefined : readTemplate(selector)),
        }
      : {}),
    ...optional('maxConcurrency', maxConcurrency(r)),
    ...(mode?.mode === 'inline' ? { explicitInline: true } : {}),
    ...optional('distributed', mode?.mode === 'distributed' ? distributed(r, mode.executionType) : undefined),
    ...(jsonPath ? resultFields(r) : {}),
    retry: takeRetry(r),
    catch: takeCatch(r),
    ...r.raw(),
  });
}

function resultFields(r: StateReader): Partial<MapNode> {
  const selector = takeObject(r, 'ResultSelector');
  return {
    ...optional('resultSelector', selector === undefined ? undefined : readTemplate(selector)),
    ...optional('resultPath', takePath(r, 'ResultPath', 'data', true)),
    ...optional('outputPath', takePath(r, 'OutputPath', 'data', true)),
  };
}

/** What a ProcessorConfig spells out. */
type ProcessorMode =
  | { readonly mode: 'inline' }
  | { readonly mode: 'distributed'; readonly executionType: 'STANDARD' | 'EXPRESS' };

// The mode the ProcessorConfig spells out; none when absent (an inline Map).
function processorMode(
  config: JsonValue | undefined,
  r: StateReader,
  field: string,
): ProcessorMode | undefined {
  if (config === undefined) return undefined;
  if (isObject(config)) {
    const keys = Object.keys(config).sort().join();
    if (keys === 'Mode' && config.Mode === 'INLINE') return { mode: 'inline' };
    const type = config.ExecutionType;
    if (
      keys === 'ExecutionType,Mode' &&
      config.Mode === 'DISTRIBUTED' &&
      (type === 'STANDARD' || type === 'EXPRESS')
    )
      return { mode: 'distributed', executionType: type };
  }
  throw new ImportError(
    `the ProcessorConfig at ${pointerOf(...[...r.at, field, 'ProcessorConfig'])} is neither { Mode: INLINE } nor { Mode: DISTRIBUTED, ExecutionType: STANDARD | EXPRESS }`,
  );
}

// ItemReader, ItemBatcher and ResultWriter are kept verbatim (raw ASL nodes): what they hold is the validator's
// to check, as for the builder's raw-ASL form of them.
function distributed(r: StateReader, executionType: 'STANDARD' | 'EXPRESS'): DistributedNode {
  const reader = r.state.ItemReader;
  const isReader = isObject(reader) && isItemReader(reader);
  if (isReader) r.take('ItemReader');
  const batcher = takeObject(r, 'ItemBatcher');
  const writer = takeObject(r, 'ResultWriter');
  return {
    executionType,
    ...optional('label', takeString(r, 'Label')),
    ...optional('toleratedFailurePercentage', setting(r, 'ToleratedFailurePercentage')),
    ...optional('toleratedFailureCount', setting(r, 'ToleratedFailureCount')),
    ...optional('itemReader', isReader ? createRawAslNode(reader) : undefined),
    ...optional('itemBatcher', batcher === undefined ? undefined : createRawAslNode(batcher as ItemBatcher)),
    ...optional('resultWriter', writer === undefined ? undefined : createRawAslNode(writer as ResultWriter)),
  };
}

// A number, or (JSONPath) its `…Path` form; anything else (a placeholder, JSONata text) stays raw.
function setting(
  r: StateReader,
  field: 'ToleratedFailurePercentage' | 'ToleratedFailureCount',
): NumberValue | undefined {
  const number = takeNumber(r, field);
  if (number !== undefined) return number;
  const path = isJsonPath(r) ? takePath(r, `${field}Path`, 'data-or-context') : undefined;
  return path ? createReferenceNode(path) : undefined;
}

function maxConcurrency(r: StateReader): MapNode['maxConcurrency'] {
  return (
    takeNumber(r, 'MaxConcurrency') ??
    (isJsonPath(r) ? (takePath(r, 'MaxConcurrencyPath', 'data-or-context') ?? undefined) : undefined)
  );
}

// An ItemReader names its resource (the rest is the validator's to check).
function isItemReader(value: JsonObject): value is JsonObject & ItemReader {
  return typeof value.Resource === 'string';
}
