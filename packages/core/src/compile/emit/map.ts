import type {
  ItemBatcher,
  ItemProcessor,
  ItemReader,
  JsonValue,
  MapState,
  ProcessorConfig,
  ResultWriter,
} from '@stepcraft/asl';
import type {
  ItemBatcherNode,
  ItemReaderNode,
  MapNode,
  RawAslNode,
  ResultWriterNode,
} from '../../ir/map-node.js';
import type { TemplateNode } from '../../ir/template-node.js';
import { type Draft, under } from '../query-language/dialect.js';
import { type EmitContext, writeHeader, writeTransition } from './context.js';
import { writeErrorHandling } from './error-handling.js';

/**
 * Emits a Map (inline, or distributed with its child-execution settings).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
export function emitMap(node: MapNode, context: EmitContext): MapState {
  const { dialect, report } = context;
  const d = node.distributed;
  const out: Draft<MapState> = { Type: 'Map' };
  writeHeader(out, node, context);
  dialect.items(out, node);
  if (d?.itemReader !== undefined) out.ItemReader = itemReader(d.itemReader, node, context);
  if (!isItemItself(node.itemSelector)) {
    if (node.itemSelectorField === 'Parameters') {
      // The deprecated name: the dialect writes (and reports at) `ItemSelector`, the document says `Parameters`
      // (a JSONPath name: a JSONata selector, not an object, keeps the current one).
      const selector: { ItemSelector?: JsonValue } = {};
      dialect.itemSelector(selector, node, (code, message, field, ...fields) =>
        report(code, message, ['Parameters', ...field.slice(1)], ...fields),
      );
      const value = selector.ItemSelector;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) out.Parameters = value;
      else if (value !== undefined) out.ItemSelector = value;
    } else dialect.itemSelector(out, node, report);
  }
  if (d?.itemBatcher !== undefined) out.ItemBatcher = itemBatcher(d.itemBatcher, node, context);
  dialect.setting(out, 'MaxConcurrency', node.maxConcurrency, node, report);
  dialect.setting(out, 'ToleratedFailurePercentage', d?.toleratedFailurePercentage, node, report);
  dialect.setting(out, 'ToleratedFailureCount', d?.toleratedFailureCount, node, report);
  if (d?.label !== undefined) out.Label = d.label;
  const field = node.processorField ?? 'ItemProcessor';
  const processor: Draft<ItemProcessor> = context.subMachine(node.processor, [field]);
  const config: ProcessorConfig | undefined =
    d !== undefined
      ? { Mode: 'DISTRIBUTED', ExecutionType: d.executionType }
      : node.explicitInline === true
        ? { Mode: 'INLINE' }
        : undefined;
  out[field] = config === undefined ? processor : { ProcessorConfig: config, ...processor };
  if (d?.resultWriter !== undefined) out.ResultWriter = resultWriter(d.resultWriter, node, context);
  dialect.result(out, node, report);
  writeErrorHandling(out, node, context);
  writeTransition(out, context);
  return out;
}

// An ItemSelector returning just the item is ASL's default: nothing to emit.
function isItemItself(selector: TemplateNode | undefined): boolean {
  if (selector?.kind !== 'reference' || selector.path.root.kind !== 'context') return false;
  const names = selector.path.segments.map((p) => (p.kind === 'field' ? p.name : p.index));
  return names.join('.') === 'Map.Item.Value';
}

function itemReader(
  reader: ItemReaderNode | RawAslNode<ItemReader>,
  node: MapNode,
  context: EmitContext,
): ItemReader {
  if (reader.kind === 'raw-asl') return reader.value;
  const report = under(context.report, ['ItemReader']);
  const out: Draft<ItemReader> = { Resource: reader.resource };
  const c = reader.readerConfig;
  if (c !== undefined) {
    const config: Draft<NonNullable<ItemReader['ReaderConfig']>> = {};
    if (c.inputType !== undefined) config.InputType = c.inputType;
    if (c.csvHeaderLocation !== undefined) config.CSVHeaderLocation = c.csvHeaderLocation;
    if (c.csvHeaders !== undefined) config.CSVHeaders = [...c.csvHeaders];
    if (c.csvDelimiter !== undefined) config.CSVDelimiter = c.csvDelimiter;
    if (c.manifestType !== undefined) config.ManifestType = c.manifestType;
    context.dialect.setting(config, 'MaxItems', c.maxItems, node, under(report, ['ReaderConfig']));
    out.ReaderConfig = config;
  }
  if (reader.parameters !== undefined) context.dialect.resourcePayload(out, node, reader.parameters, report);
  return out;
}

function itemBatcher(
  batcher: ItemBatcherNode | RawAslNode<ItemBatcher>,
  node: MapNode,
  context: EmitContext,
): ItemBatcher {
  if (batcher.kind === 'raw-asl') return batcher.value;
  const report = under(context.report, ['ItemBatcher']);
  const out: Draft<ItemBatcher> = {};
  context.dialect.setting(out, 'MaxItemsPerBatch', batcher.maxItemsPerBatch, node, report);
  context.dialect.setting(out, 'MaxInputBytesPerBatch', batcher.maxInputBytesPerBatch, node, report);
  if (batcher.batchInput !== undefined) context.dialect.batchInput(out, node, batcher.batchInput, report);
  return out;
}

function resultWriter(
  writer: ResultWriterNode | RawAslNode<ResultWriter>,
  node: MapNode,
  context: EmitContext,
): ResultWriter {
  if (writer.kind === 'raw-asl') return writer.value;
  const out: Draft<ResultWriter> = { Resource: writer.resource };
  if (writer.parameters !== undefined) {
    context.dialect.resourcePayload(out, node, writer.parameters, under(context.report, ['ResultWriter']));
  }
  if (writer.writerConfig !== undefined) out.WriterConfig = writer.writerConfig;
  return out;
}
