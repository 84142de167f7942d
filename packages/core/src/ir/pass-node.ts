import type { JsonValue, ReferencePath } from '@stepcraft/asl';
import type { AssignFields, FilterFields, StateNodeBase } from './common-node.js';
import { freeze } from './freeze.js';
import type { TemplateNode } from './template-node.js';

/** A Pass: its result is `result`, else `parameters`, else its effective input. */
export interface PassNode extends StateNodeBase, FilterFields, AssignFields {
  readonly kind: 'pass';
  readonly result?: JsonValue;
  readonly parameters?: TemplateNode;
  readonly resultPath?: ReferencePath | null;
}

/** Builds a frozen Pass node. */
export function createPassNode(fields: Omit<PassNode, 'kind'>): PassNode {
  return freeze({ kind: 'pass', ...fields });
}
