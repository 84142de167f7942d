import { isRecord, own } from '../json-data.js';
import { choiceLabel } from './choice-label.js';
import { shortJson } from './text.js';

/** What a box stands for: a state type, the start/end markers, or a transition target that does not exist. */
export type NodeType =
  | 'Task'
  | 'Pass'
  | 'Choice'
  | 'Wait'
  | 'Succeed'
  | 'Fail'
  | 'Start'
  | 'End'
  | 'Missing'
  | 'Unknown';

/** A box: a state other than Parallel and Map, or a marker (no `name`). */
export interface GraphNode {
  readonly kind: 'node';
  readonly id: string;
  readonly type: NodeType;
  readonly name?: string;
  /** A short second line: the integration of a Task, the `Type` of an unknown state. */
  readonly detail?: string;
  /** A Fail state's static `Error`, shown when a run fails there. */
  readonly error?: string;
}

/** A box holding other boxes: a Parallel or Map state (named), or one branch of a Parallel. */
export interface GraphGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly type: 'Parallel' | 'Map' | 'Branch';
  readonly name?: string;
  /** `Branch N` for a branch, the processor mode of a Map. */
  readonly detail?: string;
  readonly children: readonly GraphElement[];
}

/** Anything drawn as a box. */
export type GraphElement = GraphNode | GraphGroup;

/** How one state leads to another. `catch` edges are drawn dashed. */
export type EdgeKind = 'start' | 'next' | 'choice' | 'default' | 'catch' | 'end';

/** An arrow between two elements (by id), labelled for Choice rules and Catch clauses. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label?: string;
}

/** A state machine as boxes and arrows, in document order (so the same document always draws the same). */
export interface StateGraph {
  readonly elements: readonly GraphElement[];
  readonly edges: readonly GraphEdge[];
}

/** Ids the builder gives markers; state ids are `s<N>`, group ids `g<N>`, so none collide. */
const START_ID = 'start';
const END_ID = 'stop';

const BOX_TYPES: ReadonlySet<string> = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail']);
const TERMINAL_TYPES: ReadonlySet<string> = new Set(['Succeed', 'Fail']);
const INTEGRATION = 'arn:aws:states:::';

/**
 * Turns an ASL document into boxes and arrows. Tolerates any JSON (a state that is not an object, a `Next`
 * naming no state): what cannot be drawn as a state is drawn as an `Unknown` or `Missing` box, never dropped.
 */
export function buildGraph(document: unknown): StateGraph {
  const edges: GraphEdge[] = [];
  let counter = 0;
  const nextId = (prefix: 's' | 'g') => `${prefix}${counter++}`;

  // Draws one (sub-)machine; returns its boxes and the id of each state, for the caller's start edge.
  const machine = (definition: unknown): { elements: GraphElement[]; ids: Map<string, string> } => {
    const states = isRecord(definition) ? own(definition, 'States') : undefined;
    const entries = isRecord(states) ? Object.entries(states) : [];
    const ids = new Map<string, string>();
    const elements: GraphElement[] = entries.map(([name, state]) => {
      const element = stateElement(name, state);
      ids.set(name, element.id);
      return element;
    });
    // A transition to a name this scope lacks gets one Missing box per name.
    const target = (name: string): string => {
      const found = ids.get(name);
      if (found !== undefined) return found;
      const id = nextId('s');
      ids.set(name, id);
      elements.push({ kind: 'node', id, type: 'Missing', name });
      return id;
    };
    for (const [name, state] of entries) {
      const from = ids.get(name);
      if (from !== undefined && isRecord(state)) transitions(from, state, target);
    }
    return { elements, ids };
  };

  const stateElement = (name: string, state: unknown): GraphElement => {
    if (!isRecord(state))
      return { kind: 'node', id: nextId('s'), type: 'Unknown', name, detail: 'not an object' };
    const type = own(state, 'Type');
    if (type === 'Parallel' || type === 'Map') return groupElement(name, type, state);
    if (typeof type !== 'string' || !BOX_TYPES.has(type)) {
      const detail = type === undefined ? 'no Type' : `Type ${shortJson(type)}`;
      return { kind: 'node', id: nextId('s'), type: 'Unknown', name, detail };
    }
    const node: { -readonly [K in keyof GraphNode]: GraphNode[K] } = {
      kind: 'node',
      id: nextId('s'),
      type: type as NodeType,
      name,
    };
    const resource = own(state, 'Resource');
    if (type === 'Task' && typeof resource === 'string' && resource.startsWith(INTEGRATION)) {
      node.detail = resource.slice(INTEGRATION.length);
    }
    const error = own(state, 'Error');
    if (type === 'Fail' && typeof error === 'string') node.error = error;
    return node;
  };

  const groupElement = (
    name: string,
    type: 'Parallel' | 'Map',
    state: Record<string, unknown>,
  ): GraphGroup => {
    const id = nextId('g');
    if (type === 'Parallel') {
      const branches = own(state, 'Branches');
      const children = (Array.isArray(branches) ? branches : []).map(
        (branch, index): GraphGroup => ({
          kind: 'group',
          id: nextId('g'),
          type: 'Branch',
          detail: `Branch ${index + 1}`,
          children: machine(branch).elements,
        }),
      );
      return { kind: 'group', id, type, name, children };
    }
    const processor = own(state, 'ItemProcessor') ?? own(state, 'Iterator');
    const { elements: children } = machine(processor);
    const config = isRecord(processor) ? own(processor, 'ProcessorConfig') : undefined;
    const mode = isRecord(config) ? own(config, 'Mode') : undefined;
    return {
      kind: 'group',
      id,
      type,
      name,
      children,
      ...(mode === 'DISTRIBUTED' ? { detail: 'distributed' } : {}),
    };
  };

  const transitions = (from: string, state: Record<string, unknown>, target: (name: string) => string) => {
    const edge = (to: unknown, kind: EdgeKind, label?: string) => {
      if (typeof to !== 'string') return;
      edges.push({ from, to: target(to), kind, ...(label === undefined ? {} : { label }) });
    };
    const choices = own(state, 'Choices');
    if (own(state, 'Type') === 'Choice' && Array.isArray(choices)) {
      for (const rule of choices) if (isRecord(rule)) edge(own(rule, 'Next'), 'choice', choiceLabel(rule));
      edge(own(state, 'Default'), 'default', 'Default');
    }
    edge(own(state, 'Next'), 'next');
    const catchers = own(state, 'Catch');
    for (const catcher of Array.isArray(catchers) ? catchers : []) {
      if (!isRecord(catcher)) continue;
      const errors = own(catcher, 'ErrorEquals');
      const names = Array.isArray(errors) ? errors.filter((e) => typeof e === 'string') : [];
      edge(own(catcher, 'Next'), 'catch', names.length > 0 ? names.join(', ') : 'Catch');
    }
  };

  const top = machine(document);
  const startAt = isRecord(document) ? own(document, 'StartAt') : undefined;
  const first = typeof startAt === 'string' ? top.ids.get(startAt) : undefined;
  const startEdges: GraphEdge[] = first === undefined ? [] : [{ from: START_ID, to: first, kind: 'start' }];
  const endEdges: GraphEdge[] = [];
  const states = isRecord(document) ? own(document, 'States') : undefined;
  for (const [name, state] of isRecord(states) ? Object.entries(states) : []) {
    const id = top.ids.get(name);
    const type = isRecord(state) ? own(state, 'Type') : undefined;
    const isTerminal =
      isRecord(state) &&
      (own(state, 'End') === true || (typeof type === 'string' && TERMINAL_TYPES.has(type)));
    if (id !== undefined && isTerminal) endEdges.push({ from: id, to: END_ID, kind: 'end' });
  }
  const start: GraphNode = { kind: 'node', id: START_ID, type: 'Start' };
  const end: GraphNode = { kind: 'node', id: END_ID, type: 'End' };
  return { elements: [start, ...top.elements, end], edges: [...startEdges, ...edges, ...endEdges] };
}

/** Every element, depth first in drawing order. */
export function* walkElements(elements: readonly GraphElement[]): Generator<GraphElement> {
  for (const element of elements) {
    yield element;
    if (element.kind === 'group') yield* walkElements(element.children);
  }
}
