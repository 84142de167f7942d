import type { JsonValue } from '@stepcraft/asl';
import { createPassNode } from '../ir/pass-node.js';
import type { Param } from '../types/fit.js';
import type { Built, JsonLiteral, Unset } from '../types/type-utils.js';
import type { ContextObject } from './context.js';
import { defined } from './defined.js';
import type { Ref, Resolve } from './refs.js';
import { type PassState, PassStateImpl } from './result-state.js';
import { runSelector } from './selector.js';
import {
  type AfterInputPath,
  type CommonSpec,
  commonFields,
  type DeclaredInput,
  type InputPathCheck,
  inputPathField,
  type MaybeSchema,
  type PassThrough,
} from './spec.js';

/** How `pass()` is configured. */
export interface PassSpec<
  TName extends string,
  TInputSchema extends MaybeSchema,
  TInputPath,
  TResult,
  TPayload,
> extends CommonSpec {
  /** The state's input; omit it for a pass-through state whose output is whatever came in. */
  readonly input?: TInputSchema;
  readonly inputPath?: Param<TInputPath, InputPathCheck<TName, DeclaredInput<TInputSchema>, TInputPath>>;
  /** A constant result (ASL `Result`). */
  readonly result?: TResult;
  /** A result built from typed refs (ASL `Parameters`). */
  readonly parameters?: (refs: {
    readonly input: Ref<AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>>;
    readonly context: Ref<ContextObject>;
  }) => TPayload;
}

type PassResult<TInputSchema extends MaybeSchema, TInputPath, TResult, TPayload> = [TResult] extends [Unset]
  ? [TPayload] extends [Unset]
    ? PassThrough<TInputSchema, TInputPath>
    : Resolve<TPayload>
  : TResult;

/**
 * A Pass state: its result is `result`, else `parameters`, else its input.
 * @example pass('Defaults', { input: Order, result: { priority: 'normal' } }).resultPath('$.options')
 * // "Defaults": { "Type": "Pass", "Result": { "priority": "normal" }, "ResultPath": "$.options", … }
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html
 */
export function pass<
  const TName extends string,
  TInputSchema extends MaybeSchema = Unset,
  const TInputPath extends string | null | undefined = undefined,
  const TResult extends JsonLiteral | Unset = Unset,
  TPayload = Unset,
>(
  name: TName,
  spec: PassSpec<TName, TInputSchema, TInputPath, TResult, TPayload> = {},
): Built<
  PassState<
    TName,
    DeclaredInput<TInputSchema>,
    PassResult<TInputSchema, TInputPath, TResult, TPayload>,
    PassResult<TInputSchema, TInputPath, TResult, TPayload>
  >
> {
  const node = createPassNode({
    name,
    ...commonFields(spec, spec.input),
    ...inputPathField(spec.inputPath, name),
    ...defined('result', spec.result as JsonValue | undefined),
    ...defined('parameters', runSelector(spec.parameters, `Parameters of "${name}"`, name)),
  });
  return new PassStateImpl<
    TName,
    DeclaredInput<TInputSchema>,
    PassResult<TInputSchema, TInputPath, TResult, TPayload>,
    PassResult<TInputSchema, TInputPath, TResult, TPayload>
  >(name, node);
}
