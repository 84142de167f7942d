/**
 * Type-level text for messages: a type described in a few words, a union of phrases joined into one. Only ever
 * instantiated when a check has failed, so none of this costs anything on a correct workflow.
 */

/** One member of a union (the last, in TypeScript's order): contravariant positions turn the union into an
 * intersection of functions whose last overload is that member. */
export type LastOf<TUnion> = (
  TUnion extends unknown
    ? (x: (member: TUnion) => void) => void
    : never
) extends (x: infer $Overloads) => void
  ? $Overloads extends (member: infer $Last) => void
    ? $Last
    : never
  : never;

/** The member of a union that `Join` lists first. */
export type FirstMember<TUnion> = [Exclude<TUnion, LastOf<TUnion>>] extends [never]
  ? TUnion
  : FirstMember<Exclude<TUnion, LastOf<TUnion>>>;

/** The members of a union of strings joined by `TSeparator`, at most `TMax` of them (then `…`). */
export type Join<
  TUnion extends string,
  TSeparator extends string = ', ',
  TMax extends number = 4,
  TDone extends string[] = [],
> = [TUnion] extends [never]
  ? JoinList<TDone, TSeparator>
  : TDone['length'] extends TMax
    ? `${JoinList<TDone, TSeparator>}${TSeparator}…`
    : LastOf<TUnion> extends infer $Last extends string
      ? Join<Exclude<TUnion, $Last>, TSeparator, TMax, [$Last, ...TDone]>
      : JoinList<TDone, TSeparator>;

type JoinList<TItems extends string[], TSeparator extends string> = TItems extends [
  infer $First extends string,
  ...infer $Rest extends string[],
]
  ? $Rest extends []
    ? $First
    : `${$First}${TSeparator}${JoinList<$Rest, TSeparator>}`
  : '';

/** How many members a union has (up to a small bound: used only to say "and N more"). */
export type CountOf<TUnion, TCount extends unknown[] = []> = [TUnion] extends [never]
  ? TCount['length']
  : TCount['length'] extends 16
    ? TCount['length']
    : CountOf<Exclude<TUnion, LastOf<TUnion>>, [...TCount, unknown]>;

type Word<T> = T extends string
  ? string extends T
    ? 'string'
    : `'${T}'`
  : T extends number
    ? number extends T
      ? 'number'
      : `${T}`
    : T extends boolean
      ? `${T}`
      : T extends null
        ? 'null'
        : T extends undefined
          ? 'undefined'
          : T extends readonly (infer $Element)[]
            ? `${T extends unknown[] ? '' : 'readonly '}${ElementWord<$Element>}[]`
            : 'object';

type ElementWord<T> = unknown extends T
  ? 'unknown'
  : [T] extends [string]
    ? 'string'
    : [T] extends [number]
      ? 'number'
      : [T] extends [boolean]
        ? 'boolean'
        : [T] extends [readonly unknown[]]
          ? 'array'
          : [T] extends [object]
            ? 'object'
            : 'mixed';

// `true | false` reads better as `boolean`.
type Booleans<TWords extends string> = ['true' | 'false'] extends [TWords]
  ? Exclude<TWords, 'true' | 'false'> | 'boolean'
  : TWords;

/** A type in a few words: `string`, `'PAID' | 'DECLINED'`, `number[]`, `an object`, `unknown`. */
export type Describe<T> = unknown extends T
  ? 'unknown'
  : [T] extends [never]
    ? 'never'
    : Join<Booleans<Word<T>>, ' | ', 6>;
