import type { AssignmentNode } from '../ir/common-node.js';
import type { ContextObject } from './context.js';
import type { Ref } from './refs.js';
import type { Unbare } from './result-fields.js';
import { type Assignable, assignmentNodes, assignmentOf, type Variable } from './variable.js';

/** The `assign` method of states that set variables; `TRefs` are what the value may read. */
export interface Assigns<TRefs, TSelf> {
  /**
   * Sets a variable when this state completes; the value is typed by the variable. All of a state's reads (its
   * own assignments included) see the values from before the state.
   * @example .assign(total, ({ result }) => result.sum) // "Assign": { "total.$": "$.sum" }
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
   */
  assign<TValue>(variable: Variable<TValue>, value: (refs: TRefs) => NoInfer<Assignable<TValue>>): TSelf;
}

/** What the value of a Task/Parallel/Map/Pass assignment reads: the state's result and the Context Object. */
export interface ResultRefs<TResult> {
  readonly result: Ref<Unbare<TResult>>;
  readonly context: Ref<ContextObject>;
}

/** The node's assignments plus one more (a later assignment of the same variable replaces the earlier one). */
export function withAssignment(
  node: { readonly name: string; readonly assign?: readonly AssignmentNode[] },
  variable: { readonly name: string },
  value: unknown,
): AssignmentNode[] {
  const [added] = assignmentNodes([assignmentOf(variable.name, value)], `assign on "${node.name}"`);
  return [...(node.assign ?? []).filter((a) => a.name !== variable.name), added as AssignmentNode];
}
