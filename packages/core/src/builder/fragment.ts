import type { StandardSchema as Schema } from '@stepcraft/asl';
import { raise } from '../errors.js';
import {
  createGraphNode,
  createStateReferenceNode,
  createTransitionNode,
  type GraphNode,
  type StateReferenceNode,
  type TransitionNode,
} from '../ir/graph-node.js';
import type { StateNode } from '../ir/node.js';

/**
 * An immutable list that concatenates in O(1): an array, or two lists joined. A chain built one `.next()` at a time
 * would otherwise copy its states on every step (O(n²)); `flatten` makes the array once, when the graph is built.
 */
export type Seq<T> = readonly T[] | { readonly left: Seq<T>; readonly right: Seq<T> };

// `Array.isArray` does not narrow a readonly array out of a union.
const isArray = <T>(seq: Seq<T>): seq is readonly T[] => Array.isArray(seq);

/** `left` then `right`, without copying either. */
function join<T>(left: Seq<T>, right: Seq<T>): Seq<T> {
  if (isArray(right) && right.length === 0) return left;
  if (isArray(left) && left.length === 0) return right;
  return Object.freeze({ left, right });
}

/** Appends the items of a list, in order, to `out` (iterative: a 5,000-step chain is a 5,000-deep join). */
function flatten<T>(seq: Seq<T>, out: T[] = []): T[] {
  const pending: Seq<T>[] = [seq];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    // Indexed: for…of over a frozen array allocates an iterator result per item in V8.
    if (isArray(next)) for (let i = 0; i < next.length; i++) out.push(next[i] as T);
    else pending.push(next.right, next.left);
  }
  return out;
}

/**
 * A piece of graph: its states, the transitions inside it, the states whose `Next` is still open, and the
 * `later()` references it jumps to (resolved when the graph is built, so cycles need no mutation).
 */
export interface Fragment {
  readonly startAt: string;
  readonly states: Seq<StateNode>;
  readonly transitions: Seq<TransitionNode>;
  readonly ends: readonly string[];
  readonly later: Seq<LaterTarget>;
}

/** A state named before its value exists: found by name in the graph, or produced by `resolve` when built. */
export interface LaterTarget {
  readonly name: string;
  readonly input?: Schema;
  readonly resolve?: () => unknown;
}

/** Points every open end of `first` at the start of `second`. */
export function concat(first: Fragment, second: Fragment): Fragment {
  if (first.ends.length === 0) {
    return raise(
      'CHAIN_CLOSED',
      `Nothing can follow "${first.startAt}…": its chain ends in a Choice, Succeed or Fail`,
    );
  }
  const wires = Object.freeze(first.ends.map((end) => createTransitionNode(end, second.startAt)));
  // Every part is frozen already (fragments are built frozen), so only the new object needs freezing.
  return Object.freeze({
    startAt: first.startAt,
    states: join(first.states, second.states),
    transitions: join(join(first.transitions, wires), second.transitions),
    ends: second.ends,
    later: join(first.later, second.later),
  });
}

/** A fragment holding `node` plus the fragments it jumps to (Catch handlers, Choice targets). */
export function stateFragment(node: StateNode, targets: readonly Fragment[], isOpen: boolean): Fragment {
  let states: Seq<StateNode> = Object.freeze([node]);
  let transitions: Seq<TransitionNode> = NONE;
  let later: Seq<LaterTarget> = NONE;
  for (const t of targets) {
    states = join(states, t.states);
    transitions = join(transitions, t.transitions);
    later = join(later, t.later);
  }
  return Object.freeze({
    startAt: node.name,
    states,
    transitions,
    ends: isOpen ? Object.freeze([node.name]) : NONE,
    later,
  });
}

const NONE: readonly never[] = Object.freeze([]);

/** The fragment of a chain argument, with a clear error for values that are not states. */
export function fragmentOf(value: unknown): Fragment {
  const fragment = (value as { readonly '~fragment'?: Fragment } | undefined)?.['~fragment'];
  if (fragment === undefined)
    return raise('NOT_A_STATE', `Expected a state or a chain of states, got ${typeof value}`);
  return fragment;
}

/**
 * The sub-machine (Parallel branch, Map processor, workflow) made of a chain. `later()` targets are resolved here,
 * each once: their fragments join the graph, and their declared inputs go to the IR for `compile()` to check.
 */
export function graphOf(chain: unknown): GraphNode {
  return graphOfFragment(fragmentOf(chain));
}

/** The sub-machine made of a fragment (see {@link graphOf}). */
export function graphOfFragment(fragment: Fragment): GraphNode {
  const states = flatten(fragment.states);
  const transitions = flatten(fragment.transitions);
  const references: StateReferenceNode[] = [];
  const pending = flatten(fragment.later);
  const seen = new Set<LaterTarget>();
  for (const target of pending) {
    if (seen.has(target)) continue;
    seen.add(target);
    references.push(createStateReferenceNode(target.name, target.input));
    if (target.resolve === undefined) continue;
    const resolved = resolveLater(target, target.resolve);
    flatten(resolved.states, states);
    flatten(resolved.transitions, transitions);
    flatten(resolved.later, pending);
  }
  return createGraphNode({ startAt: fragment.startAt, states, transitions, references });
}

function resolveLater(target: LaterTarget, resolve: () => unknown): Fragment {
  let value: unknown;
  try {
    value = resolve();
  } catch (error) {
    // Typically a temporal-dead-zone ReferenceError: the thunk ran before its `const` was initialised.
    return raise(
      'LATER_UNRESOLVED',
      `later("${target.name}", …) could not produce its state yet (${String(error)}); build the sub-machine or workflow after the state is defined`,
      target.name,
    );
  }
  const fragment = fragmentOf(value);
  if (fragment.startAt !== target.name) {
    return raise(
      'LATER_NAME_MISMATCH',
      `later("${target.name}", …) resolves to a chain starting at "${fragment.startAt}"; the names must match`,
      target.name,
      { startAt: fragment.startAt },
    );
  }
  return fragment;
}

/** A frozen fragment; arrays not frozen yet are copied and frozen, joined lists are frozen already. */
export function freezeFragment(fragment: Fragment): Fragment {
  return Object.freeze({
    startAt: fragment.startAt,
    states: frozen(fragment.states),
    transitions: frozen(fragment.transitions),
    ends: Object.freeze([...fragment.ends]),
    later: frozen(fragment.later),
  });
}

const frozen = <T>(seq: Seq<T>): Seq<T> =>
  isArray(seq) && !Object.isFrozen(seq) ? Object.freeze([...seq]) : seq;
