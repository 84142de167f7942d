/**
 * The IR, as `@stepcraft/core/ir`: the frozen plain data `compile()` reads, and the functions that create its nodes.
 * For tools that build workflows from something other than the builder (`stepcraft import` reads ASL into it).
 * @example compile({ toNode: () => createWorkflowNode({ name: 'W', type: 'STANDARD', graph }) })
 */
export type { ChoiceBranchNode, ChoiceNode } from './choice-node.js';
export { createChoiceBranchNode, createChoiceNode } from './choice-node.js';
export type {
  AndNode,
  ComparisonNode,
  ComparisonOperator,
  ConditionNode,
  NotNode,
  OrNode,
} from './choice-rule-node.js';
export { createAndNode, createComparisonNode, createNotNode, createOrNode } from './choice-rule-node.js';
export type {
  AssignFields,
  AssignmentNode,
  CatchNode,
  FilterFields,
  QueryLanguage,
  RetryNode,
  StateNodeBase,
} from './common-node.js';
export { createAssignmentNode, createCatchNode, createRetryNode } from './common-node.js';
export type { FailNode, FailText } from './fail-node.js';
export { createFailNode } from './fail-node.js';
export type { GraphNode, StateReferenceNode, TransitionNode } from './graph-node.js';
export { createGraphNode, createTransitionNode } from './graph-node.js';
export type {
  DistributedNode,
  ItemBatcherNode,
  ItemReaderNode,
  MapNode,
  NumberValue,
  RawAslNode,
  ResultWriterNode,
} from './map-node.js';
export { createMapNode, createRawAslNode } from './map-node.js';
export type { StateNode, StateNodeKind } from './node.js';
export type { ParallelNode } from './parallel-node.js';
export { createParallelNode } from './parallel-node.js';
export type { PassNode } from './pass-node.js';
export { createPassNode } from './pass-node.js';
export type { SucceedNode } from './succeed-node.js';
export { createSucceedNode } from './succeed-node.js';
export type { TaskNode } from './task-node.js';
export { createTaskNode } from './task-node.js';
export type {
  ArrayTemplateNode,
  IntrinsicName,
  IntrinsicNode,
  JsonataNode,
  LiteralNode,
  ObjectTemplateNode,
  RawNode,
  ReferenceNode,
  TemplateNode,
} from './template-node.js';
export {
  createArrayTemplateNode,
  createIntrinsicNode,
  createJsonataNode,
  createLiteralNode,
  createObjectTemplateNode,
  createRawNode,
  createReferenceNode,
} from './template-node.js';
export type { WaitDuration, WaitNode } from './wait-node.js';
export { createWaitNode } from './wait-node.js';
export type { WorkflowNode } from './workflow-node.js';
export { createWorkflowNode } from './workflow-node.js';
