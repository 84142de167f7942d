import type { JsonValue } from '../json.js';

/** Where a path starts: `$` (state input), `$$` (Context Object) or `$name` (a workflow variable). */
export type JsonPathRoot =
  | { readonly kind: 'input' }
  | { readonly kind: 'context' }
  | { readonly kind: 'variable'; readonly name: string };

/** What one step of a JSONPath selects from each node it is applied to (Jayway semantics). */
export type JsonPathSelector =
  /** `.a`, `['a']`, `['a','b']`: own fields of objects. */
  | { readonly kind: 'names'; readonly names: readonly string[] }
  /** `[0]`, `[-1]`, `[0,-1]`: array items; a negative index counts from the end. */
  | { readonly kind: 'indexes'; readonly indexes: readonly number[] }
  /** `[1:3]`, `[-2:]`, `[::2]`: a slice of an array. */
  | {
      readonly kind: 'slice';
      readonly start: number | undefined;
      readonly end: number | undefined;
      readonly step: number | undefined;
    }
  /** `*`, `[*]`: every item of an array, every field value of an object. */
  | { readonly kind: 'wildcard' }
  /** `[?(…)]`: items of an array (or the object itself) for which the filter holds. */
  | { readonly kind: 'filter'; readonly filter: JsonPathFilter }
  /** `[(@.length-1)]`: Jayway's script index, `@.length` plus or minus a constant. */
  | { readonly kind: 'script'; readonly text: string }
  /** `.length()`, `.min()`…: a Jayway function applied to the selected node; ends the path. */
  | { readonly kind: 'function'; readonly name: string };

/** One step: its selector, applied to the current nodes or (`deep`, `..`) to them and all their descendants. */
export interface JsonPathSegment {
  readonly deep: boolean;
  readonly selector: JsonPathSelector;
}

/** A filter expression of `[?(…)]`. */
export type JsonPathFilter =
  /** `a || b || …`, `a && b && …`: flat, so a long chain needs no deep recursion. */
  | { readonly kind: 'or' | 'and'; readonly operands: readonly JsonPathFilter[] }
  | { readonly kind: 'not'; readonly operand: JsonPathFilter }
  | {
      readonly kind: 'compare';
      readonly operator: JsonPathOperator;
      readonly left: JsonPathOperand;
      readonly right: JsonPathOperand;
    }
  /** A bare operand: true when the path selects something (a literal: when it is truthy). */
  | { readonly kind: 'exists'; readonly operand: JsonPathOperand };

/** Jayway's filter operators. */
export type JsonPathOperator =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '=~'
  | 'in'
  | 'nin'
  | 'subsetof'
  | 'anyof'
  | 'noneof'
  | 'size'
  | 'empty'
  | 'contains';

/** A value in a filter: a path from `@` (the current item) or a root, a literal, a regex or a list. */
export type JsonPathOperand =
  | {
      readonly kind: 'path';
      /** `undefined` for `@`. */
      readonly root: JsonPathRoot | undefined;
      readonly segments: readonly JsonPathSegment[];
    }
  | { readonly kind: 'literal'; readonly value: JsonValue }
  | { readonly kind: 'regex'; readonly source: string; readonly flags: string }
  | { readonly kind: 'list'; readonly items: readonly JsonPathOperand[] };

/** A parsed JSONPath. */
export interface JsonPath {
  readonly root: JsonPathRoot;
  readonly segments: readonly JsonPathSegment[];
  /** No wildcard, slice, filter, deep scan or union: the path names at most one node. */
  readonly isDefinite: boolean;
}
