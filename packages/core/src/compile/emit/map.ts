import type { JsonValue, MapState } from '@stepcraft/asl';
import type { MapNode } from '../../ir/map-node.js';
import { jsonataValue } from '../query-language/jsonata.js';
import {
  catchField,
  type EmitContext,
  field,
  filterFields,
  integer,
  pathField,
  retryField,
  templateField,
  withField,
} from './context.js';
import {
  assignField,
  dynamicField,
  effectiveInput,
  embedRead,
  isJsonata,
  nestedPayloadField,
  outputField,
  scopeOf,
} from './jsonata-io.js';
import { resultSelectorFields } from './result-selector.js';

/** Emits a Map (inline, or distributed with its child-execution settings). */
export function emitMap(node: MapNode, context: EmitContext): MapState {
  const jsonata = isJsonata(context);
  const { input, output } = jsonata ? { input: {}, output: {} } : filterFields(context, node);
  const d = node.distributed;
  if (d?.label !== undefined && (d.label.length === 0 || d.label.length > 40)) {
    context.report('MAP_LABEL', `Label of "${node.name}" must have 1 to 40 characters`, ['Label']);
  }
  checkLimits(node, context);
  const processor = context.subMachine(node.processor, ['ItemProcessor']);
  return {
    Type: 'Map',
    ...field('Comment', node.comment),
    ...input,
    ...(jsonata ? items(node) : pathField(context, 'ItemsPath', node.itemsPath)),
    ...itemReader(node, context),
    ...itemSelector(node, context),
    ...itemBatcher(node, context),
    ...maxConcurrency(node, context),
    ...dynamicField(
      context,
      'ToleratedFailurePercentage',
      d?.toleratedFailurePercentage,
      effectiveInput(node),
    ),
    ...dynamicField(context, 'ToleratedFailureCount', d?.toleratedFailureCount, effectiveInput(node)),
    ...field('Label', d?.label),
    ItemProcessor: {
      ...(d === undefined
        ? {}
        : { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: d.executionType } }),
      ...processor,
    },
    ...resultWriter(node, context),
    ...(jsonata
      ? outputField(context, node, node.resultSelector, '$states.result', false)
      : resultSelectorFields(context, node, output)),
    ...assignField(context, node.assign, node.resultSelector, '$states.result'),
    ...retryField(context, node.retry),
    ...catchField(context, node.catch),
    ...context.transition,
  } as unknown as MapState;
}

// An ItemSelector returning just the item is ASL's default: emit nothing.
function itemSelector(node: MapNode, context: EmitContext): Record<string, JsonValue> {
  const s = node.itemSelector;
  if (s?.kind === 'reference' && s.path.root.kind === 'context') {
    const names = s.path.segments.map((p) => (p.kind === 'field' ? p.name : p.index));
    if (names.join('.') === 'Map.Item.Value') return {};
  }
  if (s === undefined || !isJsonata(context)) return templateField(context, 'ItemSelector', s);
  return { ItemSelector: jsonataValue(s, scopeOf(context, effectiveInput(node), ['ItemSelector'])) };
}

// JSONata's Items: the array the JSONPath InputPath and ItemsPath select.
function items(node: MapNode): Record<string, JsonValue> {
  if (node.itemsPath !== undefined) return { Items: embedRead(effectiveInput(node), node.itemsPath) };
  return node.inputPath === undefined ? {} : { Items: embedRead(effectiveInput(node), undefined) };
}

function maxConcurrency(node: MapNode, context: EmitContext): Record<string, JsonValue> {
  const value = node.maxConcurrency;
  if (value === undefined) return {};
  if (typeof value === 'number') {
    integer(context, [], 'MaxConcurrency', value, 0, 99_999_999);
    return { MaxConcurrency: value };
  }
  if (isJsonata(context)) return { MaxConcurrency: embedRead(effectiveInput(node), value) };
  return pathField(context, 'MaxConcurrencyPath', value);
}

function itemReader(node: MapNode, context: EmitContext): Record<string, JsonValue> {
  const reader = node.distributed?.itemReader;
  if (reader === undefined) return {};
  if (reader.kind === 'raw') return { ItemReader: reader.value };
  const at = ['ItemReader'];
  const input = effectiveInput(node);
  const c = reader.readerConfig;
  const config =
    c === undefined
      ? {}
      : {
          ReaderConfig: {
            ...field('InputType', c.inputType),
            ...field('CSVHeaderLocation', c.csvHeaderLocation),
            ...field('CSVHeaders', c.csvHeaders === undefined ? undefined : [...c.csvHeaders]),
            ...field('CSVDelimiter', c.csvDelimiter),
            ...field('ManifestType', c.manifestType),
            ...dynamicField(context, 'MaxItems', c.maxItems, input, [...at, 'ReaderConfig']),
          },
        };
  return {
    ItemReader: {
      Resource: reader.resource,
      ...config,
      ...nestedPayloadField(context, reader.parameters, input, at),
    },
  };
}

function itemBatcher(node: MapNode, context: EmitContext): Record<string, JsonValue> {
  const batcher = node.distributed?.itemBatcher;
  if (batcher === undefined) return {};
  if (batcher.kind === 'raw') return { ItemBatcher: batcher.value };
  const at = ['ItemBatcher'];
  const input = effectiveInput(node);
  if (batcher.maxItemsPerBatch === undefined && batcher.maxInputBytesPerBatch === undefined) {
    context.report(
      'ITEM_BATCHER_LIMIT',
      `The ItemBatcher of "${node.name}" needs maxItemsPerBatch or maxInputBytesPerBatch`,
      at,
    );
  }
  const batchInput =
    batcher.batchInput === undefined
      ? {}
      : isJsonata(context)
        ? { BatchInput: jsonataValue(batcher.batchInput, scopeOf(context, input, [...at, 'BatchInput'])) }
        : templateField(withField(context, at), 'BatchInput', batcher.batchInput);
  return {
    ItemBatcher: {
      ...dynamicField(context, 'MaxItemsPerBatch', batcher.maxItemsPerBatch, input, at),
      ...dynamicField(context, 'MaxInputBytesPerBatch', batcher.maxInputBytesPerBatch, input, at),
      ...batchInput,
    },
  };
}

function resultWriter(node: MapNode, context: EmitContext): Record<string, JsonValue> {
  const writer = node.distributed?.resultWriter;
  if (writer === undefined) return {};
  if (writer.kind === 'raw') return { ResultWriter: writer.value };
  return {
    ResultWriter: {
      Resource: writer.resource,
      ...nestedPayloadField(context, writer.parameters, effectiveInput(node), ['ResultWriter']),
      ...field('WriterConfig', writer.writerConfig),
    },
  };
}

// Range checks on the constant distributed settings (computed ones are checked by AWS at run time).
function checkLimits(node: MapNode, context: EmitContext): void {
  const d = node.distributed;
  const constant = (value: number | object | undefined) => (typeof value === 'number' ? value : undefined);
  const percentage = constant(d?.toleratedFailurePercentage);
  if (percentage !== undefined && !(percentage >= 0 && percentage <= 100)) {
    context.report('FIELD_RANGE', `ToleratedFailurePercentage must be from 0 to 100, got ${percentage}`, [
      'ToleratedFailurePercentage',
    ]);
  }
  integer(context, [], 'ToleratedFailureCount', constant(d?.toleratedFailureCount), 0, 99_999_999);
  const reader = d?.itemReader?.kind === 'item-reader' ? d.itemReader : undefined;
  integer(
    context,
    ['ItemReader', 'ReaderConfig'],
    'MaxItems',
    constant(reader?.readerConfig?.maxItems),
    1,
    100_000_000,
  );
  const batcher = d?.itemBatcher?.kind === 'item-batcher' ? d.itemBatcher : undefined;
  integer(context, ['ItemBatcher'], 'MaxItemsPerBatch', constant(batcher?.maxItemsPerBatch), 1, 99_999_999);
  integer(
    context,
    ['ItemBatcher'],
    'MaxInputBytesPerBatch',
    constant(batcher?.maxInputBytesPerBatch),
    1,
    262_144,
  );
}
