import type { JsonValue, MapState } from '@stepcraft/asl';
import type { MapNode } from '../../ir/map-node.js';
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
import { resultSelectorFields } from './result-selector.js';

/** Emits a Map (inline, or distributed with its child-execution settings). */
export function emitMap(node: MapNode, context: EmitContext): MapState {
  const { input, output } = filterFields(context, node);
  const d = node.distributed;
  if (d?.label !== undefined && (d.label.length === 0 || d.label.length > 40)) {
    context.report('MAP_LABEL', `Label of "${node.name}" must have 1 to 40 characters`, ['Label']);
  }
  const processor = context.subMachine(node.processor, ['ItemProcessor']);
  return {
    Type: 'Map',
    ...field('Comment', node.comment),
    ...input,
    ...pathField(context, 'ItemsPath', node.itemsPath),
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
    ...resultSelectorFields(context, node, output),
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
  return templateField(context, 'ItemSelector', s);
}

function maxConcurrency(node: MapNode, context: EmitContext): Record<string, JsonValue> {
  const value = node.maxConcurrency;
  if (value === undefined) return {};
  if (typeof value === 'number') {
    integer(context, [], 'MaxConcurrency', value, 0, 99_999_999);
    return { MaxConcurrency: value };
  }
  return pathField(context, 'MaxConcurrencyPath', value);
}
