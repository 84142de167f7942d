import { type JsonValue, pointerOf } from '@stepcraft/asl';
import {
  createGraphNode,
  createTransitionNode,
  type GraphNode,
  type QueryLanguage,
  type StateNode,
  type TransitionNode,
} from '@stepcraft/core/ir';
import { ImportError } from '../errors.js';
import { isObject } from '../source-text.js';
import { IMPORTERS, isStateType, TRANSITIONS } from './importers.js';
import { stateReader } from './state-reader.js';

/** What reading one document shares across its machines. */
export interface DocumentContext {
  readonly language: QueryLanguage;
  /** Every state's name, in the document's order (names are unique across a whole workflow). */
  readonly stateOrder: string[];
}

/**
 * Reads a state machine (the document, a Parallel branch, a Map processor) into a graph: each state through its
 * type's importer, `Next` into transitions. Every target must be a state of this machine.
 */
export function readMachine(
  machine: JsonValue,
  at: readonly (string | number)[],
  context: DocumentContext,
): GraphNode {
  if (!isObject(machine) || !isObject(machine.States) || typeof machine.StartAt !== 'string') {
    throw new ImportError(`the state machine at ${pointerOf(...at) || '/'} needs "StartAt" and "States"`);
  }
  const source = machine.States;
  const states: StateNode[] = [];
  const transitions: TransitionNode[] = [];
  for (const name of Object.keys(source)) {
    const state = source[name];
    const stateAt = [...at, 'States', name];
    const type = isObject(state) ? state.Type : undefined;
    if (!isObject(state) || !isStateType(type)) {
      throw new ImportError(
        `the state at ${pointerOf(...stateAt)} has an unknown Type ${JSON.stringify(type)}`,
      );
    }
    const r = stateReader({
      name,
      state,
      language: languageOf(state.QueryLanguage, context),
      documentLanguage: context.language,
      at: stateAt,
    });
    if (TRANSITIONS.has(type)) {
      const next = state.Next;
      if (typeof next === 'string') transitions.push(createTransitionNode(name, r.take('Next') as string));
      else if (state.End === true) r.take('End');
    }
    context.stateOrder.push(name);
    states.push(
      IMPORTERS[type](r, { graph: (nested, field) => readMachine(nested, [...stateAt, ...field], context) }),
    );
  }
  checkTargets(machine.StartAt, states, transitions, at);
  return createGraphNode({ startAt: machine.StartAt, states, transitions, references: [] });
}

function languageOf(own: JsonValue | undefined, context: DocumentContext): QueryLanguage {
  return own === 'JSONPath' || own === 'JSONata' ? own : context.language;
}

function checkTargets(
  startAt: string,
  states: readonly StateNode[],
  transitions: readonly TransitionNode[],
  at: readonly (string | number)[],
): void {
  const names = new Set(states.map((s) => s.name));
  const check = (target: string, from: string) => {
    if (!names.has(target)) {
      throw new ImportError(
        `a transition from ${pointerOf(...[...at, 'States', from])} goes to ${JSON.stringify(target)}, which is not a state of its machine`,
      );
    }
  };
  if (!names.has(startAt)) {
    throw new ImportError(
      `the state machine at ${pointerOf(...at) || '/'} starts at ${JSON.stringify(startAt)}, which is not one of its states`,
    );
  }
  for (const t of transitions) check(t.to, t.from);
  for (const state of states) {
    if (state.kind === 'choice') {
      for (const branch of state.branches) check(branch.next, state.name);
      if (state.otherwise !== undefined) check(state.otherwise, state.name);
    }
    if (state.kind === 'task' || state.kind === 'parallel' || state.kind === 'map')
      for (const c of state.catch) check(c.next, state.name);
  }
}
