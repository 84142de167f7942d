import type { ReferencePath } from '@stepcraft/asl';
import type { StateNode, TemplateNode } from '@stepcraft/core/ir';
import { canonicalPath } from '../paths.js';
import { isObject, printString } from '../source-text.js';
import { beforeOutputPath, type PathField, requirePath, splitResultPath, throughTemplate } from './demand.js';
import { type Draft, keepRaw } from './draft.js';
import { printPlaceholder, printTemplate, type Scope, selector } from './expressions.js';
import { createShape, descend, merge, read, type Shape } from './shape.js';

// The I/O fields of a state as builder options: InputPath, ResultSelector, ResultPath and OutputPath, typed where
// the types can follow them, raw ASL where they cannot.

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
    if (passes) d.uncheckedOutput = 'it gets the InputPath slice';
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
  if (!isWhole) d.uncheckedOutput = 'it gets the OutputPath slice';
  keepRaw(d, 'OutputPath', 'OutputPath kept raw: tighten the output type, then use .outputPath()');
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
