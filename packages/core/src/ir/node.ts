import type { ChoiceNode } from './choice-node.js';
import type { FailNode } from './fail-node.js';
import type { MapNode } from './map-node.js';
import type { ParallelNode } from './parallel-node.js';
import type { PassNode } from './pass-node.js';
import type { SucceedNode } from './succeed-node.js';
import type { TaskNode } from './task-node.js';
import type { WaitNode } from './wait-node.js';

/** Any state node, discriminated by `kind` (lowercase, unlike ASL's `Type`). */
export type StateNode =
  | TaskNode
  | PassNode
  | ChoiceNode
  | WaitNode
  | SucceedNode
  | FailNode
  | ParallelNode
  | MapNode;

/** The closed set of state kinds. */
export type StateNodeKind = StateNode['kind'];
