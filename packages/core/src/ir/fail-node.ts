import type { StateNodeBase } from './common-node.js';
import { freeze } from './freeze.js';
import type { IntrinsicNode, JsonataNode, ReferenceNode } from './template-node.js';

/** A Fail's error or cause: a constant, or computed from the input (a path or an intrinsic call). */
export type FailText = string | ReferenceNode | IntrinsicNode | JsonataNode;

/** A Fail: ends the execution (or fails the enclosing branch/iteration) with an error and a cause. */
export interface FailNode extends StateNodeBase {
  readonly kind: 'fail';
  readonly error?: FailText;
  readonly cause?: FailText;
}

/** Builds a frozen Fail node. */
export function createFailNode(fields: Omit<FailNode, 'kind'>): FailNode {
  return freeze({ kind: 'fail', ...fields });
}
