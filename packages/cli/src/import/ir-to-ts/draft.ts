import type { JsonObject, ReferencePath } from '@stepcraft/asl';
import type {
  CatchNode,
  GraphNode,
  QueryLanguage,
  RetryNode,
  StateNode,
  TemplateNode,
} from '@stepcraft/core/ir';
import { canonicalPath } from '../paths.js';
import { isObject, printJson, printList, printString } from '../source-text.js';
import { beforeOutputPath, type PathField, requirePath, splitResultPath, throughTemplate } from './demand.js';
import { printPlaceholder, printTemplate, type Scope, selector } from './expressions.js';
import {
  createShape,
  descend,
  isEmpty,
  merge,
  printSchema,
  read,
  type Shape,
  TIGHTEN,
  without,
} from './shape.js';

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
  /** A raw path the types cannot follow, which slices what the successors get. */
  sliced: 'InputPath' | 'OutputPath' | undefined;
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
    sliced: undefined,
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

/** A path field of the node: the IR's, or `'opaque'` when only the raw ASL has it. */
export function pathField(d: Draft, key: string, value: ReferencePath | null | undefined): PathField {
  return value !== undefined ? value : Object.hasOwn(d.asl, key) ? 'opaque' : undefined;
}

/** The text of a path option: its canonical spelling (the raw field keeps another one). */
export const pathText = (path: ReferencePath): string => printString(canonicalPath(path));

/** InputPath: typed (the effective input is then the part read), or raw (the types cannot see what is read). */
export function printInputPath(
  d: Draft & { readonly node: { readonly inputPath?: ReferencePath | null } },
): void {
  const path = pathField(d, 'InputPath', d.node.inputPath);
  if (path === undefined) return;
  if (path === null) {
    d.spec.push('inputPath: null,');
    d.handled.add('InputPath');
    d.effective = undefined;
    return;
  }
  if (path === 'opaque') {
    // What the state reads lies below a path the types cannot follow: it asks nothing of the input they see.
    d.effective = createShape();
    // A state without a result passes that slice on.
    const node = d.node as StateNode;
    const passes =
      node.kind === 'pass'
        ? node.parameters === undefined && node.result === undefined && !Object.hasOwn(d.asl, 'Parameters')
        : node.kind === 'wait' || node.kind === 'choice';
    if (passes) d.sliced = 'InputPath';
    keepRaw(d, 'InputPath', 'InputPath kept raw');
    return;
  }
  d.handled.add('InputPath');
  if (path.segments.length > 0) {
    read(d.shape, path.segments);
    d.effective = descend(d.shape, path.segments);
  }
  d.spec.push(`inputPath: ${pathText(path)},`);
}

interface ResultPaths {
  readonly resultPath?: ReferencePath | null;
  readonly outputPath?: ReferencePath | null;
}

/** What the result must hold; the rest of the need lands on the raw input (ResultPath merges into it). */
export function resultNeed(d: Draft & { readonly node: ResultPaths }, skipOutputPath: boolean): Shape {
  const outputPath = pathField(d, 'OutputPath', d.node.outputPath);
  const before = skipOutputPath ? d.outNeed : beforeOutputPath(d.outNeed, outputPath);
  if (!skipOutputPath) requirePath(before, outputPath);
  const { result, input } = splitResultPath(before, pathField(d, 'ResultPath', d.node.resultPath));
  merge(d.shape, input);
  return result;
}

/** A state without a result outputs its effective input. */
export function passThrough(
  d: Draft & { readonly node: { readonly outputPath?: ReferencePath | null } },
  need: Shape,
): void {
  if (d.effective !== undefined)
    merge(d.effective, beforeOutputPath(need, pathField(d, 'OutputPath', d.node.outputPath)));
}

/** `.resultPath()` and `.outputPath()` calls (states with a result), or the raw fields. */
export function printOutput(
  d: Draft & { readonly node: ResultPaths },
  hasResult: boolean,
  isBareSelector: boolean,
): void {
  if (isBareSelector) return;
  const resultPath = pathField(d, 'ResultPath', d.node.resultPath);
  if (hasResult && resultPath !== undefined) {
    if (resultPath === null) d.calls.push('.resultPath(null)');
    else if (resultPath !== 'opaque') d.calls.push(`.resultPath(${pathText(resultPath)})`);
    else keepRaw(d, 'ResultPath', 'ResultPath kept raw');
    d.handled.add('ResultPath');
  }
  const outputPath = pathField(d, 'OutputPath', d.node.outputPath);
  if (outputPath === undefined) return;
  if (hasResult && outputPath !== 'opaque') {
    d.calls.push(`.outputPath(${outputPath === null ? 'null' : pathText(outputPath)})`);
    d.handled.add('OutputPath');
    return;
  }
  const isWhole = outputPath !== 'opaque' && outputPath !== null && outputPath.segments.length === 0;
  if (!isWhole) d.sliced = 'OutputPath';
  keepRaw(d, 'OutputPath', 'OutputPath kept raw: tighten the output type, then use .outputPath()');
}

/** `.retry()` and `.catch()` calls; a raw Catch keeps its handlers wired, so the graph is whole. */
export function printErrorHandling(
  d: Draft & {
    readonly node: { readonly retry: readonly RetryNode[]; readonly catch: readonly CatchNode[] };
  },
): void {
  if (d.node.retry.length > 0) {
    d.handled.add('Retry');
    for (const retrier of d.node.retry) d.calls.push(`.retry(${retryOptions(retrier)})`);
  }
  if (d.node.catch.length === 0) return;
  const isRaw = Object.hasOwn(d.node.raw ?? {}, 'Catch');
  if (isRaw)
    keepRaw(
      d,
      'Catch',
      'Catch kept raw (JSONata Output/Assign or an unusual path); the handlers are wired below',
    );
  d.handled.add('Catch');
  for (const catcher of d.node.catch) {
    // The handler gets the raw input with the Error Output at ResultPath (or the Error Output alone).
    const handlerNeed = d.wiring.demand(catcher.next);
    if (catcher.resultPath === null) merge(d.shape, handlerNeed);
    else if (catcher.resultPath !== undefined && catcher.resultPath.segments.length > 0)
      merge(d.shape, without(handlerNeed, catcher.resultPath.segments));
    const options = isRaw
      ? []
      : [
          ...(catcher.resultPath === undefined
            ? []
            : [`resultPath: ${catcher.resultPath === null ? 'null' : pathText(catcher.resultPath)}`]),
          ...(catcher.comment === undefined ? [] : [`comment: ${printString(catcher.comment)}`]),
        ];
    d.calls.push(
      `.catch(${printStrings(catcher.errors)}, ${d.wiring.target(catcher.next)}${options.length === 0 ? '' : `, ${printList(options, '{', '}')}`})`,
    );
  }
}

const printStrings = (list: readonly string[]): string => printList(list.map(printString), '[', ']');

function retryOptions(retrier: RetryNode): string {
  const entries = [
    `errors: ${printStrings(retrier.errors)}`,
    ...(retrier.intervalSeconds === undefined ? [] : [`intervalSeconds: ${retrier.intervalSeconds}`]),
    ...(retrier.maxAttempts === undefined ? [] : [`maxAttempts: ${retrier.maxAttempts}`]),
    ...(retrier.backoffRate === undefined ? [] : [`backoffRate: ${retrier.backoffRate}`]),
    ...(retrier.maxDelaySeconds === undefined ? [] : [`maxDelaySeconds: ${retrier.maxDelaySeconds}`]),
    ...(retrier.jitterStrategy === undefined
      ? []
      : [`jitterStrategy: ${printString(retrier.jitterStrategy)}`]),
    ...(retrier.comment === undefined ? [] : [`comment: ${printString(retrier.comment)}`]),
  ];
  return printList(entries, '{', '}');
}

/** The `resultSelector:` spec line (Task, Parallel, Map); the result's needed shape is built meanwhile. */
export function selectResult(
  d: Draft & { readonly node: ResultPaths & { readonly resultSelector?: TemplateNode } },
  need: Shape,
): string {
  const template = d.node.resultSelector;
  const asl = d.asl.ResultSelector;
  if (template === undefined || !isObject(asl)) {
    merge(d.result, need);
    return '';
  }
  d.handled.add('ResultSelector');
  throughTemplate(template, need, { data: d.result });
  const s: Scope = { data: { name: 'result', shape: d.result }, context: 'plain', used: new Set() };
  const printed = printTemplate(template, asl, s, need);
  const placed = typeof d.asl.ResultPath === 'string' && d.asl.ResultPath !== '$';
  if (!printed.startsWith('raw') || !placed) return `resultSelector: ${selector(printed, s)},`;
  // A whole raw selector is a bare value to the types, which a ResultPath cannot place: the raw field replaces a
  // selector of the same fields, each declared as the definition reads it.
  keepRaw(d, 'ResultSelector', 'ResultSelector kept raw; the typed one declares its fields');
  const placeholder: Scope = { context: 'plain', used: new Set() };
  return `resultSelector: ${selector(printPlaceholder(asl, placeholder, need), placeholder)},`;
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
  const uncheckedNext = d.sliced !== undefined && d.node.kind !== 'choice' && !isEmpty(d.outNeed);
  if (uncheckedNext && d.next !== undefined)
    d.todos.push(`the edge to ${printString(d.next)} is not type-checked: it gets the ${d.sliced} slice`);
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
