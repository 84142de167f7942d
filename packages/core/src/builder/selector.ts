import type { TemplateNode } from '../ir/template-node.js';
import { contextRef, inputRef, toTemplate } from './refs.js';

/** A function that builds a payload from recording refs (Parameters, ResultSelector, ...). */
export type Selector = (refs: { input: never; result: never; context: never }) => unknown;

/** Runs a selector once on recording proxies and returns its template (`undefined` when there is no selector). */
export function runSelector(selector: Selector, where: string): TemplateNode;
export function runSelector(selector: Selector | undefined, where: string): TemplateNode | undefined;
export function runSelector(selector: Selector | undefined, where: string): TemplateNode | undefined {
  if (selector === undefined) return undefined;
  return toTemplate(selector(selectorRefs()), where);
}

/**
 * The refs a selector receives: `input` (and `result`, read from the same place: a state's `$`) and `context`.
 * Refs are recording proxies whose types live in each selector's signature, so here they are `never`: assignable
 * to whatever `Ref<…>` a selector declares.
 */
export function selectorRefs(): { input: never; result: never; context: never } {
  const input = inputRef();
  return { input, result: input, context: contextRef() } as { input: never; result: never; context: never };
}
