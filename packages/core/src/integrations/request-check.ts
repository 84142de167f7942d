import type { JsonValue } from '@stepcraft/asl';
import type { Expr } from '../builder/refs.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type { Primitive, Unset } from '../types/type-utils.js';
import type { ApiOf, Integration, IsMerged, RequestOf } from './integration.js';

/**
 * What a task's `parameters` selector may return for `TIntegration`, given what it does return (`TPayload`): the
 * payload itself where it fits the request, the request's type where a field has the wrong type (`{ N: 5 }`:
 * DynamoDB numbers travel as strings), and an error naming every field the request does not have. Intersected
 * with the selector's return type, it puts each error on its field. Free-form payloads (Lambda's `Payload`,
 * `aws-sdk:*`) accept anything, and so do values whose type is not known (`unknown`, as imported code has).
 */
export type PayloadFor<TIntegration extends Integration, TPayload> =
  RequestOf<TIntegration> extends infer $Request
    ? [$Request] extends [Unset]
      ? unknown
      : [TPayload] extends [Unset]
        ? unknown
        : Expected<TPayload, $Request, ApiOf<TIntegration>, []>
    : unknown;

/**
 * A task with no `parameters` whose integration merges its payload into the request (`dynamodb.query`,
 * `batch.submitJob`, …) is an error when the request still needs fields: it names the ones missing.
 */
export type RequestCheck<TName extends string, TIntegration extends Integration, TPayload> = [
  TPayload,
] extends [Unset]
  ? IsMerged<TIntegration> extends true
    ? MissingMessage<TName, ApiOf<TIntegration>, RequiredKeys<RequestOf<TIntegration>>>
    : unknown
  : unknown;

type MissingMessage<TName extends string, TApi extends string, TKey> = [TKey] extends [never]
  ? unknown
  : StepcraftTypeError<`"${TName}" needs parameters: ${TApi} requires ${Quoted<TKey>}`>;

type Quoted<TKey> = TKey extends string ? `"${TKey}"` : never;

/** A request shape where any value may also be given as an expression of its type. */
export type Template<T> = unknown extends T
  ? unknown
  : [T] extends [Primitive]
    ? T | Expr<T>
    : T extends readonly (infer $Item)[]
      ? readonly Template<$Item>[] | Expr<T>
      : T extends object
        ? { readonly [K in keyof T]: Template<T[K]> } | Expr<T>
        : T | Expr<T>;

// A value whose type says nothing definite: `unknown`, any JSON (`raw(…)`'s default) or any JSON primitive (what the
// importer infers for a field it only sees copied).
type IsUntyped<T> = unknown extends T
  ? true
  : JsonValue extends T
    ? true
    : Primitive extends T
      ? true
      : false;

// Nested request objects deeper than this are taken as they are.
type MaxDepth = 8;

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

type IsPlainObject<T> = T extends Primitive | readonly unknown[] ? false : T extends object ? true : false;

// A shape whose keys are known: not a union of alternatives (AttributeValue), not a string map.
type HasKnownKeys<T> = [keyof T] extends [never] ? false : string extends keyof T ? false : true;

/** What `TValue` must be, given the request shape `TShape` (see `PayloadFor`). Distributes over `TValue`. */
type Expected<TValue, TShape, TApi extends string, TDepth extends 0[]> = unknown extends TValue
  ? TValue
  : unknown extends TShape
    ? TValue
    : TDepth['length'] extends MaxDepth
      ? TValue
      : TValue extends Expr<infer $Value>
        ? IsUntyped<$Value> extends true
          ? TValue
          : Template<TShape>
        : TValue extends readonly (infer $Item)[]
          ? NonNullable<TShape> extends readonly (infer $ShapeItem)[]
            ? readonly Expected<$Item, $ShapeItem, TApi, [...TDepth, 0]>[]
            : Template<TShape>
          : IsPlainObject<TValue> extends true
            ? ExpectedObject<TValue, Alternative<TValue, NonNullable<TShape>>, TApi, TDepth>
            : Template<TShape>;

// Of a union of object shapes (AttributeValue), the ones that have every key the value has.
type Alternative<TValue, TShape> =
  HasKnownKeys<TShape> extends true
    ? TShape
    : string extends keyof TShape
      ? TShape
      : TShape extends unknown
        ? [Exclude<keyof TValue, keyof TShape>] extends [never]
          ? TShape
          : never
        : never;

type ExpectedObject<TValue, TShape, TApi extends string, TDepth extends 0[]> = [TShape] extends [never]
  ? Template<TShape>
  : IsPlainObject<TShape> extends true
    ? string extends keyof TShape
      ? {
          readonly [K in keyof TValue]: Expected<
            TValue[K],
            TShape[string & keyof TShape],
            TApi,
            [...TDepth, 0]
          >;
        }
      : {
          readonly [K in keyof TValue]: K extends keyof TShape
            ? Expected<TValue[K], TShape[K], TApi, [...TDepth, 0]>
            : StepcraftTypeError<`"${K & string}" is not a field of ${TApi}`>;
        } & { readonly [K in Exclude<RequiredKeys<TShape>, keyof TValue>]: Template<TShape[K]> }
    : Template<TShape>;
