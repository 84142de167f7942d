import type { JsonObject, ReferencePath, StandardSchema as Schema, StateContract } from '@stepcraft/asl';
import type { QueryLanguage } from '../ir/common-node.js';
import type { InputOfSchema, SchemaLike, Unset } from '../types/type-utils.js';
import { defined } from './defined.js';
import { parseNullablePath } from './paths.js';

/** A declared input schema, or `Unset` when the state takes whatever flows in. */
export type MaybeSchema = SchemaLike | Unset;

/** The input type of a state declared with `TSchema` (anything when not declared). */
export type DeclaredInput<TSchema extends MaybeSchema> = TSchema extends SchemaLike
  ? InputOfSchema<TSchema>
  : unknown;

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
