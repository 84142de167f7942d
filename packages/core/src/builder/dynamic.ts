import type { TemplateNode } from '../ir/template-node.js';
import type { ContextObject } from './context.js';
import { type Expr, type Ref, toTemplate, unboxNode } from './refs.js';
import { runSelector, type Selector } from './selector.js';

/** What a computed field's selector reads: the state's (effective) input and the Context Object. */
export interface InputRefs<TInput> {
  readonly input: Ref<TInput>;
  readonly context: Ref<ContextObject>;
}

/**
 * A field given as a constant, an expression (`limit.ref`, `jsonata<number>('…')`), or a selector over typed refs
 * (`({ input }) => input.delay`). A path becomes the `…Path` form in JSONPath; any expression works in JSONata.
 */
export type Dynamic<T, TRefs> = T | Expr<T> | ((refs: TRefs) => Expr<T>);

/** The IR of a `Dynamic`: the constant itself, or the template the expression or selector stands for. */
export function dynamicValue(
  value: Dynamic<number | string, never> | undefined,
  where: string,
): number | string | TemplateNode | undefined {
  if (value === undefined || typeof value === 'number' || typeof value === 'string') return value;
  // Refs are callable proxies: test for a recorded node before treating a function as a selector.
  const template =
    unboxNode(value) === undefined && typeof value === 'function'
      ? runSelector(value as Selector, where)
      : toTemplate(value, where);
  if (
    template.kind === 'literal' &&
    (typeof template.value === 'number' || typeof template.value === 'string')
  )
    return template.value;
  return template;
}
