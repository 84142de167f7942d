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
} from './context.js';
import { assignField, effectiveInput, embedRead, isJsonata, outputField, scopeOf } from './jsonata-io.js';
import { resultSelectorFields } from './result-selector.js';

/** Emits a Map (inline, or distributed with its child-execution settings). */
export function emitMap(node: MapNode, context: EmitContext): MapState {
  const jsonata = isJsonata(context);
  const { input, output } = jsonata ? { input: {}, output: {} } : filterFields(context, node);
  const d = node.distributed;
  if (d?.label !== undefined && (d.label.length === 0 || d.label.length > 40)) {
    context.report('MAP_LABEL', `Label of "${node.name}" must have 1 to 40 characters`, ['Label']);
  }
  const processor = context.subMachine(node.processor, ['ItemProcessor']);
  return {
    Type: 'Map',
    ...field('Comment', node.comment),
    ...input,
    ...(jsonata ? items(node) : pathField(context, 'ItemsPath', node.itemsPath)),
    ...field('ItemReader', d?.itemReader),
    ...itemSelector(node, context),
    ...field('ItemBatcher', d?.itemBatcher),
    ...maxConcurrency(node, context),
    ...field('ToleratedFailurePercentage', d?.toleratedFailurePercentage),
    ...field('ToleratedFailureCount', d?.toleratedFailureCount),
    ...field('Label', d?.label),
    ItemProcessor: {
      ...(d === undefined
        ? {}
        : { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: d.executionType } }),
      ...processor,
    },
    ...field('ResultWriter', d?.resultWriter),
    ...(jsonata
      ? outputField(context, node, node.resultSelector, '$states.result', false)
      : resultSelectorFields(context, node, output)),
    ...assignField(context, node.assign, node.resultSelector, '$states.result'),
    ...retryField(context, node.retry),
    ...catchField(context, node.catch),
    ...context.transition(),
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
