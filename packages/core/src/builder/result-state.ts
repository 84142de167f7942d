import type { JsonObject } from '@stepcraft/asl';
import type { AssignmentNode } from '../ir/common-node.js';
import { createMapNode, type MapNode } from '../ir/map-node.js';
import { createParallelNode, type ParallelNode } from '../ir/parallel-node.js';
import { createPassNode, type PassNode } from '../ir/pass-node.js';
import { createTaskNode, type TaskNode } from '../ir/task-node.js';
import { type AnyChain, createChain, type Fragment, fragmentOf, stateFragment } from './chain.js';
import { contextRef, inputRef } from './refs.js';
import { type CatchOptions, catchNode, parseNullablePath, type RetryOptions, retryNode } from './state.js';
import { assignmentNodes, assignmentOf, type Variable } from './variable.js';

/** The node's assignments plus one more (a later assignment of the same variable replaces the earlier one). */
export function withAssignment(
  node: { readonly name: string; readonly assign?: readonly AssignmentNode[] },
  variable: Variable<unknown>,
  value: unknown,
): AssignmentNode[] {
  const [added] = assignmentNodes([assignmentOf(variable.name, value)], `assign on "${node.name}"`);
  return [...(node.assign ?? []).filter((a) => a.name !== variable.name), added as AssignmentNode];
}

type ResultNode = TaskNode | ParallelNode | MapNode | PassNode;
type WorkNode = TaskNode | ParallelNode | MapNode;

function recreate<TNode extends ResultNode>(node: TNode, patch: object): TNode {
  const fields = { ...node, ...patch } as ResultNode;
  switch (fields.kind) {
    case 'task':
      return createTaskNode(fields) as TNode;
    case 'parallel':
      return createParallelNode(fields) as TNode;
    case 'map':
      return createMapNode(fields) as TNode;
    case 'pass':
      return createPassNode(fields) as TNode;
  }
}

// Once ResultPath/OutputPath reshape the output, the declared result schema no longer describes it.
function outputChanges(node: ResultNode, isIdentity: boolean): object {
  if (isIdentity || node.contract?.stateOutput === undefined) return {};
  const { stateOutput: _dropped, ...contract } = node.contract;
  return { contract };
}

/**
 * The run-time object behind `WorkState`/`PassState`: a chain over the node, plus methods that each return a new
 * state (the node is never mutated; Catch handler fragments travel with the state).
 */
export function createResultState<TState>(node: ResultNode, targets: readonly Fragment[] = []): TState {
  const rebuild = (patch: object, target?: Fragment): TState =>
    createResultState(recreate(node, patch), target === undefined ? targets : [...targets, target]);
  const state: Record<string, unknown> = {
    ...createChain<AnyChain>(stateFragment(node, targets, true)),
    name: node.name,
    resultPath: (path: string | null) =>
      rebuild({
        resultPath: parseNullablePath(path, 'ResultPath', node.name),
        ...outputChanges(node, path === '$'),
      }),
    outputPath: (path: string | null) =>
      rebuild({
        outputPath: parseNullablePath(path, 'OutputPath', node.name),
        ...outputChanges(node, path === '$'),
      }),
    comment: (text: string) => rebuild({ comment: text }),
    rawFields: (fields: JsonObject) => rebuild({ raw: { ...node.raw, ...fields } }),
    assign: (variable: Variable<unknown>, value: (refs: never) => unknown) =>
      rebuild({
        assign: withAssignment(node, variable, value({ result: inputRef(), context: contextRef() } as never)),
      }),
  };
  if (node.kind !== 'pass') {
    const work: WorkNode = node;
    state.retry = (options: RetryOptions) => rebuild({ retry: [...work.retry, retryNode(options)] });
    state.catch = (errors: readonly string[], handler: AnyChain, options?: CatchOptions<string | null>) => {
      const fragment = fragmentOf(handler);
      return rebuild({ catch: [...work.catch, catchNode(node.name, errors, fragment, options)] }, fragment);
    };
  }
  return Object.freeze(state) as TState;
}
