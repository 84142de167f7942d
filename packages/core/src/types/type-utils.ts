/** Flattens an intersection into one object type so hovers read like the user's own types (kysely). */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

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

/**
 * The return type of a state factory: never inferred from where the call stands. TypeScript would otherwise infer
 * the factory's optional type parameters from the expected type (`branches: [pass('A')]` made `pass`'s result a
 * `JsonLiteral`, a declared `const keep: PassState<…> = pass('Keep')` failed to check).
 */
export type Built<T> = NoInfer<T>;
