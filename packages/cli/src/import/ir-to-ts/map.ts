import type { JsonObject } from '@stepcraft/asl';
import type { MapNode, NumberValue } from '@stepcraft/core/ir';
import { isObject, printJson, printString } from '../source-text.js';
import { throughTemplate } from './demand.js';
import { type Draft, finish, inputSchema, type PrintInput, type StateCode, startDraft } from './draft.js';
import { printErrorHandling } from './error-handling.js';
import { printTemplate, type Scope, selector } from './expressions.js';
import { pathText, printInputPath, printOutput, resultNeed, selectResult } from './io.js';
import { createShape, descend, merge, read, type Shape } from './shape.js';

/**
 * A Map: `itemsPath`, an `itemSelector` over typed refs (the item is `context.Map.Item.Value`), the processor (each
 * iteration must give its element of the result), the distributed settings, and the forms written as the
 * definition writes them (`mode: 'inline'`, the deprecated `Iterator`/`Parameters` names).
 */
export function printMap(input: PrintInput<MapNode>): StateCode {
  const d = startDraft(input);
  const { node, asl, wiring } = d;
  printInputPath(d);
  const processorField = node.processorField ?? 'ItemProcessor';
  const selectorField = node.itemSelectorField ?? 'ItemSelector';
  d.handled.add(processorField);
  const item = itemShape(d);
  const selectorAsl = asl[selectorField];
  const selected = selectResult(d, resultNeed(d, false));
  // Each iteration's output is an element of the result.
  const processorAsl = asl[processorField];
  const processor: JsonObject = isObject(processorAsl) ? processorAsl : {};
  const { ProcessorConfig: _config, ...machine } = processor;
  const nested = wiring.machine(node.processor, machine, d.result.element ?? createShape());
  // With an ItemBatcher each iteration gets { Items: [...], BatchInput }: what it reads of an item is under Items.
  const batched = isObject(asl.ItemBatcher) && d.language === 'JSONPath';
  const perItem = batched ? (nested.input.fields.get('Items')?.element ?? createShape()) : nested.input;
  if (node.itemSelector !== undefined && isObject(selectorAsl)) {
    d.handled.add(selectorField);
    const s: Scope = {
      ...(d.effective === undefined ? {} : { data: { name: 'input', shape: d.effective } }),
      context: 'map-item',
      ...(item === undefined ? {} : { item }),
      used: new Set(),
    };
    d.spec.push(`itemSelector: ${selector(printTemplate(node.itemSelector, selectorAsl, s, perItem), s)},`);
    throughTemplate(node.itemSelector, perItem, { data: d.effective, item });
  } else if (item !== undefined && !Object.hasOwn(asl, selectorField)) merge(item, perItem);
  d.spec.push(`processor: ${nested.code},`);
  if (node.processorField !== undefined) d.spec.push(`processorField: ${printString(node.processorField)},`);
  if (node.itemSelectorField !== undefined && d.handled.has(selectorField))
    d.spec.push(`itemSelectorField: ${printString(node.itemSelectorField)},`);
  setting(d, 'MaxConcurrency', 'maxConcurrency', node.maxConcurrency);
  if (node.explicitInline === true) d.spec.push(`mode: 'inline',`);
  const distributed = node.distributed;
  if (distributed !== undefined) {
    d.spec.push(`mode: 'distributed',`, `executionType: ${printString(distributed.executionType)},`);
    if (distributed.label !== undefined) {
      d.handled.add('Label');
      d.spec.push(`label: ${printString(distributed.label)},`);
    }
    setting(
      d,
      'ToleratedFailurePercentage',
      'toleratedFailurePercentage',
      distributed.toleratedFailurePercentage,
    );
    setting(d, 'ToleratedFailureCount', 'toleratedFailureCount', distributed.toleratedFailureCount);
    for (const [field, option] of [
      ['ItemReader', 'itemReader'],
      ['ItemBatcher', 'itemBatcher'],
      ['ResultWriter', 'resultWriter'],
    ] as const) {
      const value = asl[field];
      if (distributed[option]?.kind !== 'raw-asl' || value === undefined) continue;
      d.handled.add(field);
      d.spec.push(`${option}: ${printJson(value)},`);
      d.todos.push(`${field} is raw ASL`);
    }
  }
  d.spec.push(selected);
  printOutput(d, true, false);
  printErrorHandling(d);
  return finish(d, 'map', inputSchema(d));
}

/**
 * The shape of one item (what the processor, through the ItemSelector, reads of each item): the element of the
 * array at ItemsPath, or of the effective input. A Map without a typed item source still takes an array.
 */
function itemShape(d: Draft<MapNode>): Shape | undefined {
  const { node, asl } = d;
  let items: Shape | undefined;
  if (node.itemsPath !== undefined && node.itemsPath.root.kind === 'input' && d.effective !== undefined) {
    d.handled.add('ItemsPath');
    read(d.effective, node.itemsPath.segments, 'array');
    d.spec.push(`itemsPath: ${pathText(node.itemsPath)},`);
    items = descend(d.effective, node.itemsPath.segments);
  } else if (
    d.effective !== undefined &&
    !Object.hasOwn(asl, 'ItemsPath') &&
    !Object.hasOwn(asl, 'ItemReader') &&
    d.language === 'JSONPath'
  ) {
    read(d.effective, [], 'array');
    items = d.effective;
  } else if (!Object.hasOwn(asl, 'ItemReader') && !Object.hasOwn(asl, 'ItemsPath')) {
    d.shape.element ??= createShape();
    d.shape.required = true;
  }
  if (items === undefined) return undefined;
  items.element ??= createShape();
  return items.element;
}

// A number, or a typed `…Path` (the state's input); anything else stays raw.
function setting(
  d: Draft<MapNode>,
  field: string,
  option: string,
  value: NumberValue | MapNode['maxConcurrency'],
): void {
  if (typeof value === 'number') {
    d.handled.add(field);
    d.spec.push(`${option}: ${value},`);
    return;
  }
  const path =
    value === undefined
      ? undefined
      : 'kind' in value
        ? value.kind === 'reference'
          ? value.path
          : undefined
        : value;
  if (path === undefined || path.root.kind !== 'input' || Object.hasOwn(d.node.raw ?? {}, `${field}Path`))
    return;
  d.handled.add(`${field}Path`);
  d.spec.push(`${option}Path: ${pathText(path)},`);
}
