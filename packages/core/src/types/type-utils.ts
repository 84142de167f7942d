import type { StepcraftTypeError } from './type-error.js';

/** Flattens an intersection into one object type so hovers read like the user's own types (kysely). */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

declare const sameBrand: unique symbol;

/**
 * The output type of a pass-through state declared without an input schema (Wait, Succeed, Pass): its output is
 * whatever its input was, so `.next()` carries the previous output forward instead of this marker.
 */
export interface Same {
  readonly [sameBrand]: 'same-as-input';
}

/**
 * Anything that describes a type: a Standard Schema v1 (zod 4 is one) or a type-only marker from `typed<T>()`.
 * Only the phantom `types` are read, never library internals (tRPC `inferParser`).
 */
export interface SchemaLike<TInput = unknown, TOutput = TInput> {
  readonly '~standard': { readonly types?: { readonly input: TInput; readonly output: TOutput } | undefined };
}

/** The type a schema accepts (what may flow into a state declared with it). */
export type InputOfSchema<TSchema extends SchemaLike> = NonNullable<TSchema['~standard']['types']>['input'];
/** The type a schema produces. */
export type OutputOfSchema<TSchema extends SchemaLike> = NonNullable<TSchema['~standard']['types']>['output'];

/** `true` when `TFrom` may flow into `TTo` (non-distributive; a pass-through output always may). */
export type Accepts<TTo, TFrom> = [TFrom] extends [Same] ? true : [TFrom] extends [TTo] ? true : false;

/** `unknown` (no constraint) when the condition holds, else the branded error: intersected into a parameter type. */
export type Check<TOk extends boolean, TMessage extends string> = TOk extends true
  ? unknown
  : StepcraftTypeError<TMessage>;

/** Replaces the pass-through marker by the type that flowed in. */
export type Resolved<TOut, TIn> = [TOut] extends [Same] ? TIn : TOut;

/**
 * `TState`, or the branded error when `TCheck` failed. Used where a check depends on a type inferred from a
 * selector's return value: TypeScript would fix that type too early if the check sat in a parameter.
 */
export type OrError<TCheck, TState> = TCheck extends StepcraftTypeError<string> ? TCheck : TState;

/** JSON-compatible primitives. */
export type Primitive = string | number | boolean | null;

/** A literal JSON value allowed in Result etc. */
export type JsonLiteral = Primitive | readonly JsonLiteral[] | { readonly [key: string]: JsonLiteral };

declare const unsetBrand: unique symbol;
/** "Not given": the default of optional type parameters, distinct from `undefined` and `unknown` (tRPC `UnsetMarker`). */
export interface Unset {
  readonly [unsetBrand]: true;
}

/** A value or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;
