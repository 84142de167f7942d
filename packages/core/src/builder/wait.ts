import { raise } from '../errors.js';
import type { TemplateNode } from '../ir/template-node.js';
import { createWaitNode, type WaitDuration, type WaitNode } from '../ir/wait-node.js';
import type { Param } from '../types/fit.js';
import type { Message } from '../types/messages.js';
import type { Seen } from '../types/pass-through.js';
import type { ValueAtPath } from '../types/paths.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type { Built, Unset } from '../types/type-utils.js';
import { withAssignment } from './assign.js';
import { type Chain, ChainImpl, type StateNames } from './chain.js';
import { type Dynamic, dynamicValue, type InputRefs } from './dynamic.js';
import { stateFragment } from './fragment.js';
import { parsePath } from './paths.js';
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
import type { Variable, VariableValue } from './variable.js';

/** Rejects a path that does not select a value of `TWanted` in the input. */
export type TypedPathCheck<
  TName extends string,
  TInput,
  TPath,
  TWanted,
  TWhat extends string,
> = TPath extends string
  ? [ValueAtPath<TInput, TPath>] extends [TWanted]
    ? unknown
    : StepcraftTypeError<Message<'pathType', [TPath, TName, TWhat]>>
  : unknown;

/**
 * How long to wait: exactly one of the four forms. `seconds`/`timestamp` may be computed:
 * `({ input }) => input.delay` (SecondsPath in JSONPath), `delay.ref`, or `jsonata<number>('…')` (JSONata only).
 */
export type WaitFor<TName extends string, TInput, TPath> =
  | { readonly seconds: Dynamic<number, InputRefs<TInput>> }
  | { readonly timestamp: Dynamic<string, InputRefs<TInput>> }
  | { readonly secondsPath: Param<TPath, TypedPathCheck<TName, TInput, TPath, number, 'a number'>> }
  | {
      readonly timestampPath: Param<
        TPath,
        TypedPathCheck<TName, TInput, TPath, string, 'a timestamp string'>
      >;
    };

/** How `wait()` is configured. */
export type WaitSpec<TName extends string, TInputSchema extends MaybeSchema, TPath, TInputPath> = CommonSpec &
  WaitFor<TName, AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>, TPath> & {
    /** The state's input; omit it for a pass-through Wait. */
    readonly input?: TInputSchema;
    readonly inputPath?: Param<TInputPath, InputPathCheck<TName, DeclaredInput<TInputSchema>, TInputPath>>;
  };

/** A Wait state: a chain that can also set variables. Variances declared as TypeScript measures them (see {@link Chain}). */
export interface WaitState<TName extends string, out TInput, in out TOutput>
  extends Chain<TInput, TOutput, StateNames<TName>> {
  readonly name: TName;
  /**
   * Sets a variable when the Wait completes; the value reads the Wait's (effective) input.
   * @example .assign(waited, ({ input }) => input.delay) // "Assign": { "waited.$": "$.delay" }
   */
  assign<TValue, TVariable extends string, const $Value>(
    variable: Variable<TValue, TVariable>,
    value: VariableValue<InputRefs<Seen<TOutput>>, TValue, TVariable, $Value>,
  ): WaitState<TName, TInput, TOutput>;
}

/**
 * A Wait state; its output is its input.
 * @example wait('Cooldown', { seconds: 30 }) // "Cooldown": { "Type": "Wait", "Seconds": 30, … }
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 */
export function wait<
  const TName extends string,
  TInputSchema extends MaybeSchema = Unset,
  const TPath extends string = never,
  const TInputPath extends string | null | undefined = undefined,
>(
  name: TName,
  spec: WaitSpec<TName, TInputSchema, TPath, TInputPath>,
): Built<WaitState<TName, DeclaredInput<TInputSchema>, PassThrough<TInputSchema, TInputPath>>> {
  const node = createWaitNode({
    name,
    ...commonFields(spec, spec.input),
    ...inputPathField(spec.inputPath, name),
    duration: duration(name, spec),
  });
  return new WaitStateImpl<TName, DeclaredInput<TInputSchema>, PassThrough<TInputSchema, TInputPath>>(
    name,
    node,
  );
}

/** A Wait at run time: a chain over its frozen node. Checked against `WaitState` by `implements`. */
class WaitStateImpl<TName extends string, TInput, TOutput>
  extends ChainImpl<TInput, TOutput, StateNames<TName>>
  implements WaitState<TName, TInput, TOutput>
{
  readonly name: TName;
  readonly #node: WaitNode;

  constructor(name: TName, node: WaitNode) {
    super(stateFragment(node, [], true));
    this.name = name;
    this.#node = node;
    Object.freeze(this);
  }

  assign<TValue, TVariable extends string, const $Value>(
    variable: Variable<TValue, TVariable>,
    value: VariableValue<InputRefs<Seen<TOutput>>, TValue, TVariable, $Value>,
  ): WaitState<TName, TInput, TOutput> {
    const assign = withAssignment(this.#node, variable, value);
    return new WaitStateImpl<TName, TInput, TOutput>(this.name, createWaitNode({ ...this.#node, assign }));
  }
}

/** The four duration fields as the run time sees them: the spec's type allows exactly one. */
interface DurationFields {
  readonly seconds?: Dynamic<number, never>;
  readonly timestamp?: Dynamic<string, never>;
  readonly secondsPath?: unknown;
  readonly timestampPath?: unknown;
}

const DURATION_FIELDS = ['seconds', 'timestamp', 'secondsPath', 'timestampPath'] as const;

function duration(name: string, spec: DurationFields): WaitDuration {
  const forms = DURATION_FIELDS.filter((k) => spec[k] !== undefined);
  if (forms.length !== 1) {
    return raise(
      'WAIT_DURATION',
      `Wait "${name}" needs exactly one of seconds, timestamp, secondsPath, timestampPath`,
      name,
    );
  }
  const seconds = dynamicValue(spec.seconds, `Seconds of "${name}"`);
  const timestamp = dynamicValue(spec.timestamp, `Timestamp of "${name}"`);
  const { secondsPath, timestampPath } = spec;
  if (typeof seconds === 'number') return { kind: 'seconds', seconds };
  if (typeof timestamp === 'string') return { kind: 'timestamp', timestamp };
  if (typeof seconds === 'object') return computed('seconds', seconds);
  if (typeof timestamp === 'object') return computed('timestamp', timestamp);
  if (typeof secondsPath === 'string')
    return { kind: 'seconds-path', path: parsePath(secondsPath, 'SecondsPath', name) };
  if (typeof timestampPath === 'string') {
    return { kind: 'timestamp-path', path: parsePath(timestampPath, 'TimestampPath', name) };
  }
  return raise('WAIT_DURATION', `Wait "${name}" has a ${forms[0]} of the wrong type`, name);
}

// A recorded path keeps the `…Path` form; anything else is an expression.
function computed(kind: 'seconds' | 'timestamp', value: TemplateNode): WaitDuration {
  return value.kind === 'reference'
    ? { kind: `${kind}-path`, path: value.path }
    : { kind: `${kind}-expression`, value };
}
