import { CompileError, raise } from '../errors.js';
import type { TemplateNode } from '../ir/template-node.js';
import { contextRef, inputRef, toTemplate } from './refs.js';

/**
 * The refs user callbacks receive, as the run time sees them: recording proxies whose types live in each callback's
 * signature, so here they are `never` (assignable to whatever `Ref<…>` a callback declares).
 */
export interface Recording {
  readonly input: never;
  readonly result: never;
  readonly context: never;
}

/** A function that builds a payload from recording refs (Parameters, ResultSelector, ...). */
export type Selector = (refs: Recording) => unknown;

/**
 * Runs a selector once on recording proxies and returns its template (`undefined` when there is no selector);
 * `where` names the field and `state` the state for messages.
 */
export function runSelector(selector: Selector, where: string, state?: string): TemplateNode;
export function runSelector(
  selector: Selector | undefined,
  where: string,
  state?: string,
): TemplateNode | undefined;
export function runSelector(
  selector: Selector | undefined,
  where: string,
  state?: string,
): TemplateNode | undefined {
  if (selector === undefined) return undefined;
  return recorded(where, state, () => toTemplate(selector(selectorRefs()), where));
}

/**
 * Runs user code over recording refs. A ref used with a JavaScript operator or in a template literal cannot say
 * where it is (it knows only its path): the error it throws is given the field and the state here.
 */
export function recorded<T>(where: string, state: string | undefined, build: () => T): T {
  try {
    return build();
  } catch (error) {
    const first = error instanceof CompileError ? error.diagnostics[0] : undefined;
    if (first?.code !== 'REF_OPERATOR' || first.state !== undefined) throw error;
    return raise('REF_OPERATOR', `${where}: ${first.message}`, state);
  }
}

/** The refs a selector receives: `input` (and `result`, read from the same place: a state's `$`) and `context`. */
export function selectorRefs(): Recording {
  const input = inputRef();
  return { input, result: input, context: contextRef() } as Recording;
}
