import type { ReferencePath } from '@stepcraft/asl';
import type { AssignFields, FilterFields, StateNodeBase } from './common-node.js';
import { freeze } from './freeze.js';

/** How long a Wait waits: exactly one of the four ASL forms. */
export type WaitDuration =
  | { readonly kind: 'seconds'; readonly seconds: number }
  | { readonly kind: 'seconds-path'; readonly path: ReferencePath }
  | { readonly kind: 'timestamp'; readonly timestamp: string }
  | { readonly kind: 'timestamp-path'; readonly path: ReferencePath };

/** A Wait. */
export interface WaitNode extends StateNodeBase, FilterFields, AssignFields {
  readonly kind: 'wait';
  readonly duration: WaitDuration;
}

export function createWaitNode(fields: Omit<WaitNode, 'kind'>): WaitNode {
  return freeze({ kind: 'wait', ...fields, duration: freeze({ ...fields.duration }) });
}
