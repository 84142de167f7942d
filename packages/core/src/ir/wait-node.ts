import type { ReferencePath } from '@stepcraft/asl';
import type { AssignFields, FilterFields, StateNodeBase } from './common-node.js';
import { freeze } from './freeze.js';
import type { TemplateNode } from './template-node.js';

/**
 * How long a Wait waits: a constant, a path (`$.x`, `$$.x` or `$var`), or a computed value (a `jsonata()`
 * expression or an intrinsic call, which only JSONata can hold here).
 */
export type WaitDuration =
  | { readonly kind: 'seconds'; readonly seconds: number }
  | { readonly kind: 'seconds-path'; readonly path: ReferencePath }
  | { readonly kind: 'seconds-expression'; readonly value: TemplateNode }
  | { readonly kind: 'timestamp'; readonly timestamp: string }
  | { readonly kind: 'timestamp-path'; readonly path: ReferencePath }
  | { readonly kind: 'timestamp-expression'; readonly value: TemplateNode };

/** A Wait. */
export interface WaitNode extends StateNodeBase, FilterFields, AssignFields {
  readonly kind: 'wait';
  readonly duration: WaitDuration;
}

/** Builds a frozen Wait node. */
export function createWaitNode(fields: Omit<WaitNode, 'kind'>): WaitNode {
  return freeze({ kind: 'wait', ...fields, duration: freeze({ ...fields.duration }) });
}
