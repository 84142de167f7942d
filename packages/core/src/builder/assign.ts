import type { AssignmentNode } from '../ir/common-node.js';
import type { Seen } from '../types/pass-through.js';
import type { ContextObject } from './context.js';
import type { Describable } from './describable.js';
import type { Ref } from './refs.js';
import type { Unbare } from './result-fields.js';
import { type Recording, recorded, selectorRefs } from './selector.js';
import { assignmentNodes, assignmentOf, type Variable, type VariableValue } from './variable.js';

/**
 * The `assign` method of states that set variables; `TRefs` are what the value may read. It extends `Describable`
 * so that a state has one base for its own methods (each base is instantiated again for every state).
 */
export interface Assigns<TRefs, TSelf> extends Describable<TSelf> {
  /**
   * Sets a variable when this state completes; the value is typed by the variable. All of a state's reads (its
   * own assignments included) see the values from before the state.
   * @example .assign(total, ({ result }) => result.sum) // "Assign": { "total.$": "$.sum" }
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
   */
  assign<TValue, TVariable extends string, const $Value>(
    variable: Variable<TValue, TVariable>,
    value: VariableValue<TRefs, TValue, TVariable, $Value>,
  ): TSelf;
}

/** What the value of a Task/Parallel/Map/Pass assignment reads: the state's result and the Context Object. */
export interface ResultRefs<TResult> {
  readonly result: Ref<Seen<Unbare<TResult>>>;
  readonly context: Ref<ContextObject>;
}

/**
 * The node's assignments plus one more, whose value `read` builds from recording refs (a later assignment of the
 * same variable replaces the earlier one).
 */
export function withAssignment(
  node: { readonly name: string; readonly assign?: readonly AssignmentNode[] },
  variable: { readonly name: string },
  read: (refs: Recording) => unknown,
): AssignmentNode[] {
  const where = `assign on "${node.name}"`;
  const value = recorded(where, node.name, () => read(selectorRefs()));
  const [added] = assignmentNodes([assignmentOf(variable.name, value)], where);
  return [...(node.assign ?? []).filter((a) => a.name !== variable.name), added as AssignmentNode];
}
