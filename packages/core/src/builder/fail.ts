import { raise } from '../errors.js';
import { createFailNode, type FailText } from '../ir/fail-node.js';
import type { Built, Unset } from '../types/type-utils.js';
import { type Chain, ChainImpl, type StateNames } from './chain.js';
import type { ContextObject } from './context.js';
import { defined } from './defined.js';
import { stateFragment } from './fragment.js';
import { contextRef, type Expr, inputRef, type Ref, unboxNode } from './refs.js';
import { recorded } from './selector.js';
import { type CommonSpec, commonFields, type DeclaredInput, type MaybeSchema } from './spec.js';

/** A Fail's error or cause: a constant, or computed from the input (ASL `ErrorPath`/`CausePath`). */
export type FailTextSpec<TInput> =
  | string
  | ((refs: { readonly input: Ref<TInput>; readonly context: Ref<ContextObject> }) => Expr<string>);

/** How `fail()` is configured. */
export interface FailSpec<TInputSchema extends MaybeSchema> extends CommonSpec {
  readonly input?: TInputSchema;
  readonly error?: FailTextSpec<DeclaredInput<TInputSchema>>;
  readonly cause?: FailTextSpec<DeclaredInput<TInputSchema>>;
}

/**
 * A Fail state: fails the execution (or the enclosing branch/iteration).
 * @example fail('Declined', { error: 'PaymentDeclined', cause: ({ input }) => States.format('Order {}', input.orderId) })
 * // "Declined": { "Type": "Fail", "Error": "PaymentDeclined", "CausePath": "States.Format('Order {}', $.orderId)" }
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
export function fail<const TName extends string, TInputSchema extends MaybeSchema = Unset>(
  name: TName,
  spec: FailSpec<TInputSchema> = {},
): Built<Chain<DeclaredInput<TInputSchema>, never, StateNames<TName, false>>> {
  const node = createFailNode({
    name,
    ...commonFields(spec, spec.input),
    ...defined('error', failText(name, 'error', spec.error)),
    ...defined('cause', failText(name, 'cause', spec.cause)),
  });
  return new ChainImpl<DeclaredInput<TInputSchema>, never, StateNames<TName, false>>(
    stateFragment(node, [], false),
  );
}

function failText(name: string, field: string, spec: unknown): FailText | undefined {
  if (spec === undefined || typeof spec === 'string') return spec;
  const selector = spec as (refs: { input: unknown; context: unknown }) => unknown;
  const where = `The ${field} of Fail "${name}"`;
  const node = recorded(where, name, () => unboxNode(selector({ input: inputRef(), context: contextRef() })));
  if (node?.kind === 'reference' || node?.kind === 'intrinsic' || node?.kind === 'jsonata') return node;
  return raise(
    'FAIL_TEXT',
    `The ${field} of Fail "${name}" must be a string, a path, an intrinsic call or jsonata(…)`,
    name,
  );
}
