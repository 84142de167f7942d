import { raise } from '../errors.js';
import { createWaitNode, type WaitDuration } from '../ir/wait-node.js';
import type { ValueAtPath } from '../types/paths.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type { Same, Unset } from '../types/type-utils.js';
import { type Chain, createChain, type StateNames, stateFragment } from './chain.js';
import { type CommonSpec, commonFields, type DeclaredInput, type MaybeSchema } from './spec.js';
import { defined, parseNullablePath, parsePath } from './state.js';
import type { InputPathCheck } from './task.js';

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
    : StepcraftTypeError<`Path "${TPath}" of "${TName}" must select ${TWhat} in its input`>
  : unknown;

/** How long to wait: exactly one of the four forms. */
export type WaitFor<TName extends string, TInput, TPath> =
  | { readonly seconds: number }
  | { readonly timestamp: string }
  | { readonly secondsPath: TPath & TypedPathCheck<TName, TInput, TPath, number, 'a number'> }
  | { readonly timestampPath: TPath & TypedPathCheck<TName, TInput, TPath, string, 'a timestamp string'> };

/** How `wait()` is configured. */
export type WaitSpec<TName extends string, TInputSchema extends MaybeSchema, TPath, TInputPath> = CommonSpec &
  WaitFor<TName, DeclaredInput<TInputSchema>, TPath> & {
    /** The state's input; omit it for a pass-through Wait. */
    readonly input?: TInputSchema;
    readonly inputPath?: TInputPath & InputPathCheck<TName, DeclaredInput<TInputSchema>, TInputPath>;
  };

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
): Chain<
  DeclaredInput<TInputSchema>,
  [TInputSchema] extends [Unset] ? Same : DeclaredInput<TInputSchema>,
  StateNames<TName>
> {
  const node = createWaitNode({
    name,
    ...commonFields(spec, spec.input),
    ...defined(
      'inputPath',
      parseNullablePath(spec.inputPath as string | null | undefined, 'InputPath', name),
    ),
    duration: duration(name, spec as unknown as Record<string, unknown>),
  });
  return createChain(stateFragment(node, [], true));
}

function duration(name: string, spec: Record<string, unknown>): WaitDuration {
  const forms = ['seconds', 'timestamp', 'secondsPath', 'timestampPath'].filter((k) => spec[k] !== undefined);
  if (forms.length !== 1) {
    return raise(
      'WAIT_DURATION',
      `Wait "${name}" needs exactly one of seconds, timestamp, secondsPath, timestampPath`,
      name,
    );
  }
  const { seconds, timestamp, secondsPath, timestampPath } = spec;
  if (typeof seconds === 'number') return { kind: 'seconds', seconds };
  if (typeof timestamp === 'string') return { kind: 'timestamp', timestamp };
  if (typeof secondsPath === 'string')
    return { kind: 'seconds-path', path: parsePath(secondsPath, 'SecondsPath', name) };
  if (typeof timestampPath === 'string') {
    return { kind: 'timestamp-path', path: parsePath(timestampPath, 'TimestampPath', name) };
  }
  return raise('WAIT_DURATION', `Wait "${name}" has a ${forms[0]} of the wrong type`, name);
}
