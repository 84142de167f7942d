import type { JsonObject, ReferencePath, StandardSchema as Schema, StateContract } from '@stepcraft/asl';
import type { QueryLanguage } from '../ir/common-node.js';
import type { Same } from '../types/pass-through.js';
import type { CheckPath, ValueAtPath } from '../types/paths.js';
import type { InputOfSchema, SchemaLike, Unset } from '../types/type-utils.js';
import { defined } from './defined.js';
import { parseNullablePath } from './paths.js';

/** A declared input schema, or `Unset` when the state takes whatever flows in. */
export type MaybeSchema = SchemaLike | Unset;

/** The input type of a state declared with `TSchema` (anything when not declared). */
export type DeclaredInput<TSchema extends MaybeSchema> = TSchema extends SchemaLike
  ? InputOfSchema<TSchema>
  : unknown;

/** The effective input after InputPath. */
export type AfterInputPath<TInput, TPath> = TPath extends string
  ? ValueAtPath<TInput, TPath>
  : TPath extends null
    ? Record<string, never>
    : TInput;

/** Rejects an InputPath that selects nothing. */
export type InputPathCheck<TName extends string, TInput, TPath> = TPath extends string
  ? CheckPath<TInput, TPath, `the input of '${TName}'`>
  : unknown;

/**
 * The output of a state that does not change its data (Wait, Succeed, Choice, Pass without Result or Parameters):
 * declared, its effective input; else whatever flows in (`Same`).
 */
export type PassThrough<TInputSchema extends MaybeSchema, TInputPath> = [TInputSchema] extends [Unset]
  ? Same
  : AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>;

/** Fields every state spec accepts. */
export interface CommonSpec {
  readonly comment?: string;
  /** ASL fields merged verbatim into the emitted state (escape hatch). */
  readonly raw?: JsonObject;
  /** Pins this state's query language, whatever the workflow's (a JSONata workflow cannot hold JSONPath states). */
  readonly queryLanguage?: QueryLanguage;
}

/** Whether `value` is a real Standard Schema (not a type-only `typed<T>()` marker): only those become contracts. */
export function isSchema(value: unknown): value is Schema {
  const standard = (value as { '~standard'?: { validate?: unknown } } | undefined)?.['~standard'];
  return typeof standard?.validate === 'function';
}

/** The common node fields from a spec. */
export function commonFields(
  spec: CommonSpec,
  input: unknown,
): { comment?: string; raw?: JsonObject; contract?: StateContract; queryLanguage?: QueryLanguage } {
  return {
    ...defined('comment', spec.comment),
    ...defined('queryLanguage', spec.queryLanguage),
    ...defined('raw', spec.raw),
    ...defined('contract', isSchema(input) ? { stateInput: input } : undefined),
  };
}

/** The node's `inputPath` field from a spec's `inputPath` (typed by the builder's checks, a string here). */
export function inputPathField(inputPath: unknown, state: string): { inputPath?: ReferencePath | null } {
  return defined('inputPath', parseNullablePath(inputPath as string | null | undefined, 'InputPath', state));
}
