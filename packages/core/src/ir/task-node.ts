import type { ReferencePath, TaskHandler } from '@stepcraft/asl';
import type { AssignFields, CatchNode, FilterFields, RetryNode, StateNodeBase } from './common-node.js';
import { freeze, frozen } from './freeze.js';
import type { TemplateNode } from './template-node.js';

/** A Task: call `resource` with the effective input. */
export interface TaskNode extends StateNodeBase, FilterFields, AssignFields {
  readonly kind: 'task';
  readonly resource: string;
  readonly parameters?: TemplateNode;
  readonly resultSelector?: TemplateNode;
  readonly resultPath?: ReferencePath | null;
  readonly timeoutSeconds?: number | ReferencePath;
  readonly heartbeatSeconds?: number | ReferencePath;
  /** `{ RoleArn }` to assume for the call, a template over the raw state input. */
  readonly credentials?: TemplateNode;
  readonly retry: readonly RetryNode[];
  readonly catch: readonly CatchNode[];
  readonly handler?: TaskHandler;
}

/** Builds a frozen Task node. */
export function createTaskNode(fields: Omit<TaskNode, 'kind'>): TaskNode {
  return freeze({
    kind: 'task',
    ...fields,
    retry: frozen(fields.retry),
    catch: frozen(fields.catch),
  });
}
