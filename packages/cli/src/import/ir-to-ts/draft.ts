import type { JsonObject } from '@stepcraft/asl';
import type { GraphNode, QueryLanguage, StateNode } from '@stepcraft/core/ir';
import { printJson, printList, printString } from '../source-text.js';
import { createShape, isEmpty, printSchema, type Shape, TIGHTEN } from './shape.js';

/** How a state refers to the states it jumps to (Catch handlers, Choice targets) and to its sub-machines. */
export interface Wiring {
  /** The expression of the chain starting at `name`; `unchecked`: a `later()` reference, whose input is not checked. */
  target(name: string, unchecked?: boolean): string;
  /** What the chain starting at `name` needs of its input; `undefined`: what follows the machine's end. */
  demand(name: string | undefined): Shape;
  /** A nested machine (Parallel branch, Map processor) whose end must give `demand`: its code and input needs. */
  machine(graph: GraphNode, asl: JsonObject, demand: Shape): NestedMachine;
}

/** A nested machine's expression and what its first state needs of its input. */
export interface NestedMachine {
  readonly code: string;
  readonly input: Shape;
}

/** A state as builder code: the expression and the TODO notes for the parts kept raw. */
export interface StateCode {
  readonly expression: string;
  readonly todos: readonly string[];
  /** What the state needs of its input: its own reads and what its successors read through it. */
  readonly input: Shape;
  /** Whether the types cannot check the `Next` edge (a raw path slices the output). */
  readonly uncheckedNext: boolean;
}

/** What a printer gets: the node, the ASL it builds, its `Next`, how to wire targets, its language. */
export interface PrintInput<TNode extends StateNode = StateNode> {
  readonly node: TNode;
  readonly asl: JsonObject;
  readonly next: string | undefined;
  readonly wiring: Wiring;
  readonly language: QueryLanguage;
}

/**
 * One state while it is printed: the spec lines and method calls written so far, the ASL fields kept raw (with
 * a note each), the fields said already, and the shapes the types need (what its input must hold, the part of it
 * its paths read through InputPath, its raw result).
 */
export interface Draft<TNode extends StateNode = StateNode> extends PrintInput<TNode> {
  readonly spec: string[];
  readonly calls: string[];
  readonly raw: JsonObject;
  readonly todos: string[];
  readonly handled: Set<string>;
  readonly shape: Shape;
  /** The effective input's shape (after InputPath); `undefined` when InputPath is null. */
  effective: Shape | undefined;
  /**
   * Why the types cannot check what the successors get, for the note on the edge: a raw path's slice, a Result kept
   * raw (a Pass whose fields are raw is typed as passing its input on, so what the successors read must not flow
   * back through it), or a Lambda envelope the successors read as its payload.
   */
  uncheckedOutput: string | undefined;
  /** What the raw result must hold (Task, Parallel, Map). */
  readonly result: Shape;
  /** What the successors read of this state's output (a Choice asks each target instead). */
  readonly outNeed: Shape;
}

/** Starts a state: its comment, its pinned language, and what its successors need of its output. */
export function startDraft<TNode extends StateNode>(input: PrintInput<TNode>): Draft<TNode> {
  const { node, wiring, next } = input;
  const shape = createShape();
  const d: Draft<TNode> = {
    ...input,
    spec: [],
    calls: [],
    raw: {},
    todos: [],
    handled: new Set(['Type', 'Next', 'End']),
    shape,
    effective: shape,
    uncheckedOutput: undefined,
    result: createShape(),
    outNeed: node.kind === 'choice' || node.kind === 'fail' ? createShape() : wiring.demand(next),
  };
  if (node.comment !== undefined) {
    d.handled.add('Comment');
    d.spec.push(`comment: ${printString(node.comment)},`);
  }
  if (input.language === 'JSONata') d.todos.push('JSONata expressions are kept raw');
  if (node.queryLanguage !== undefined) {
    d.handled.add('QueryLanguage');
    d.spec.push(`queryLanguage: ${printString(node.queryLanguage)},`);
  }
  return d;
}

/** Keeps an ASL field raw (the builder's `raw`/`.rawFields()`), with a note. */
export function keepRaw(d: Draft, key: string, why: string): void {
  Object.defineProperty(d.raw, key, {
    value: d.asl[key],
    enumerable: true,
    writable: true,
    configurable: true,
  });
  d.handled.add(key);
  d.todos.push(why);
}

/**
 * Ends a state: the ASL fields not said yet (or said in another spelling) go raw, the input schema leads the spec,
 * and the expression is assembled (`raw:` in the spec, or `.rawFields()` on a Task).
 */
export function finish(d: Draft, ctor: string, inputSchema: string | undefined): StateCode {
  const spelled = d.node.raw ?? {};
  for (const key of Object.keys(d.asl)) {
    if (Object.hasOwn(d.raw, key)) continue;
    if (!d.handled.has(key)) keepRaw(d, key, `${key} is not modelled by the builder`);
    else if (Object.hasOwn(spelled, key) && !['Type', 'Next', 'End'].includes(key))
      keepRaw(d, key, `${key} spelled as in the source`);
  }
  const why = d.uncheckedOutput;
  const uncheckedNext = why !== undefined && d.node.kind !== 'choice' && !isEmpty(d.outNeed);
  if (uncheckedNext && d.next !== undefined)
    d.todos.push(`the edge to ${printString(d.next)} is not type-checked: ${why}`);
  if (inputSchema !== undefined) d.todos.unshift(TIGHTEN);
  const spec = [
    ...(inputSchema === undefined ? [] : [`input: ${inputSchema},`]),
    ...d.spec.filter((line) => line !== ''),
  ];
  const hasRaw = Object.keys(d.raw).length > 0;
  const isTask = ctor === 'task';
  if (hasRaw && !isTask) spec.push(`raw: ${printJson(d.raw)},`);
  const calls = [...d.calls, ...(hasRaw && isTask ? [`.rawFields(${printJson(d.raw)})`] : [])];
  const specText =
    spec.length === 0 && !isTask
      ? ''
      : `, ${printList(
          spec.map((line) => line.slice(0, -1)),
          '{',
          '}',
          40,
        )}`;
  return {
    expression: `${ctor}(${printString(d.node.name)}${specText})${calls.map((call) => `\n${call}`).join('')}`,
    todos: [...new Set(d.todos)],
    input: d.shape,
    uncheckedNext,
  };
}

/** The input schema of a state: what it needs of its input (a Map always declares one), or none. */
export function inputSchema(d: Draft): string | undefined {
  if (isEmpty(d.shape)) return d.node.kind === 'map' ? 'z.unknown()' : undefined;
  return printSchema(d.shape);
}
