import type { ItemBatcher, ItemReader, JsonObject, ReferencePath, ResultWriter } from '@stepcraft/asl';
import type { AssignFields, CatchNode, FilterFields, RetryNode, StateNodeBase } from './common-node.js';
import { freeze, frozen } from './freeze.js';
import type { GraphNode } from './graph-node.js';
import type { TemplateNode } from './template-node.js';

/** A number given as a constant or computed at run time (a path, or an expression only JSONata can hold). */
export type NumberValue = number | TemplateNode;

/**
 * Where a Distributed Map reads its items (`s3:getObject` or `s3:listObjectsV2`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
export interface ItemReaderNode {
  readonly kind: 'item-reader';
  readonly resource: string;
  /** Bucket/Key/Prefix…, a template over the Map's effective input. */
  readonly parameters?: TemplateNode;
  readonly readerConfig?: {
    readonly inputType?: 'CSV' | 'JSON' | 'JSONL' | 'MANIFEST' | 'PARQUET';
    readonly csvHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
    readonly csvHeaders?: readonly string[];
    readonly csvDelimiter?: string;
    readonly manifestType?: string;
    readonly maxItems?: NumberValue;
  };
}

/** How a Distributed Map groups items into batches. */
export interface ItemBatcherNode {
  readonly kind: 'item-batcher';
  readonly maxItemsPerBatch?: NumberValue;
  readonly maxInputBytesPerBatch?: NumberValue;
  /** Added to every batch, a template over the Map's effective input. */
  readonly batchInput?: TemplateNode;
}

/** Where a Distributed Map writes its results (`s3:putObject`). */
export interface ResultWriterNode {
  readonly kind: 'result-writer';
  readonly resource: string;
  readonly parameters?: TemplateNode;
  readonly writerConfig?: JsonObject;
}

/** One of a Distributed Map's objects given as raw ASL (the escape hatch), emitted as given. */
export interface RawAslNode<TAsl> {
  readonly kind: 'raw-asl';
  readonly value: TAsl;
}

/** Builds a frozen raw-ASL node. */
export function createRawAslNode<TAsl>(value: TAsl): RawAslNode<TAsl> {
  return freeze({ kind: 'raw-asl', value });
}

/** Distributed-mode settings of a Map; ItemReader/ItemBatcher/ResultWriter may also be raw ASL. */
export interface DistributedNode {
  readonly executionType: 'STANDARD' | 'EXPRESS';
  readonly label?: string;
  readonly toleratedFailurePercentage?: NumberValue;
  readonly toleratedFailureCount?: NumberValue;
  readonly itemReader?: ItemReaderNode | RawAslNode<ItemReader>;
  readonly itemBatcher?: ItemBatcherNode | RawAslNode<ItemBatcher>;
  readonly resultWriter?: ResultWriterNode | RawAslNode<ResultWriter>;
}

/** A Map: runs `processor` once per item of the array at `itemsPath`; the result is the array of outputs. */
export interface MapNode extends StateNodeBase, FilterFields, AssignFields {
  readonly kind: 'map';
  readonly processor: GraphNode;
  readonly itemsPath?: ReferencePath;
  readonly itemSelector?: TemplateNode;
  readonly maxConcurrency?: number | ReferencePath;
  readonly distributed?: DistributedNode;
  /** An inline Map that spells out its default mode: `ProcessorConfig: { "Mode": "INLINE" }`. */
  readonly explicitInline?: boolean;
  /** The ASL field holding the processor: `ItemProcessor` (default) or its deprecated name `Iterator`. */
  readonly processorField?: 'ItemProcessor' | 'Iterator';
  /** The ASL field holding the item selector: `ItemSelector` (default) or its deprecated name `Parameters`. */
  readonly itemSelectorField?: 'ItemSelector' | 'Parameters';
  readonly resultSelector?: TemplateNode;
  readonly resultPath?: ReferencePath | null;
  readonly retry: readonly RetryNode[];
  readonly catch: readonly CatchNode[];
}

/** Builds a frozen Map node. */
export function createMapNode(fields: Omit<MapNode, 'kind'>): MapNode {
  return freeze({
    kind: 'map',
    ...fields,
    retry: frozen(fields.retry),
    catch: frozen(fields.catch),
  });
}
