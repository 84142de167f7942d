import type { JsonObject, ReferencePath } from '@stepcraft/asl';
import type { AssignFields, CatchNode, FilterFields, RetryNode, StateNodeBase } from './common-node.js';
import { freeze } from './freeze.js';
import type { GraphNode } from './graph-node.js';
import type { TemplateNode } from './template-node.js';

/** Distributed-mode settings of a Map. */
export interface DistributedNode {
  readonly executionType: 'STANDARD' | 'EXPRESS';
  readonly label?: string;
  readonly toleratedFailurePercentage?: number;
  readonly toleratedFailureCount?: number;
  /** ItemReader/ItemBatcher/ResultWriter as raw ASL (S3 sources are not modelled further). */
  readonly itemReader?: JsonObject;
  readonly itemBatcher?: JsonObject;
  readonly resultWriter?: JsonObject;
}

/** A Map: runs `processor` once per item of the array at `itemsPath`; the result is the array of outputs. */
export interface MapNode extends StateNodeBase, FilterFields, AssignFields {
  readonly kind: 'map';
  readonly processor: GraphNode;
  readonly itemsPath?: ReferencePath;
  readonly itemSelector?: TemplateNode;
  readonly maxConcurrency?: number | ReferencePath;
  readonly distributed?: DistributedNode;
  readonly resultSelector?: TemplateNode;
  readonly resultPath?: ReferencePath | null;
  readonly retry: readonly RetryNode[];
  readonly catch: readonly CatchNode[];
}

export function createMapNode(fields: Omit<MapNode, 'kind'>): MapNode {
  return freeze({
    kind: 'map',
    ...fields,
    retry: freeze([...fields.retry]),
    catch: freeze([...fields.catch]),
  });
}
