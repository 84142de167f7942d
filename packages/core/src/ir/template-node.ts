import type { JsonValue, ReferencePath } from '@stepcraft/asl';
import { freeze, frozen } from './freeze.js';

/** A reference to data: the template's input (`$…`), the Context Object (`$$…`) or a variable. */
export interface ReferenceNode {
  readonly kind: 'reference';
  readonly path: ReferencePath;
}

/** An intrinsic function call, e.g. `States.Format`, with its arguments as nodes. */
export interface IntrinsicNode {
  readonly kind: 'intrinsic';
  readonly name: IntrinsicName;
  readonly args: readonly TemplateNode[];
}

/** A constant. */
export interface LiteralNode {
  readonly kind: 'literal';
  readonly value: JsonValue;
}

/** An object whose values are templates. */
export interface ObjectTemplateNode {
  readonly kind: 'object';
  readonly entries: readonly { readonly key: string; readonly value: TemplateNode }[];
}

/** An array whose items are templates. */
export interface ArrayTemplateNode {
  readonly kind: 'array';
  readonly items: readonly TemplateNode[];
}

/** Raw ASL, emitted verbatim (the escape hatch for anything not modelled). */
export interface RawNode {
  readonly kind: 'raw';
  readonly value: JsonValue;
}

/** A JSONata expression written by hand (`jsonata('…')`); only JSONata states can hold it. */
export interface JsonataNode {
  readonly kind: 'jsonata';
  readonly expression: string;
}

/** A payload template (Parameters, ResultSelector, ItemSelector, …) as data, independent of the query language. */
export type TemplateNode =
  | ReferenceNode
  | IntrinsicNode
  | LiteralNode
  | ObjectTemplateNode
  | ArrayTemplateNode
  | RawNode
  | JsonataNode;

/** The 18 intrinsic functions. */
export type IntrinsicName =
  | 'States.Format'
  | 'States.StringToJson'
  | 'States.JsonToString'
  | 'States.Array'
  | 'States.ArrayPartition'
  | 'States.ArrayContains'
  | 'States.ArrayRange'
  | 'States.ArrayGetItem'
  | 'States.ArrayLength'
  | 'States.ArrayUnique'
  | 'States.Base64Encode'
  | 'States.Base64Decode'
  | 'States.Hash'
  | 'States.JsonMerge'
  | 'States.MathRandom'
  | 'States.MathAdd'
  | 'States.StringSplit'
  | 'States.UUID';

/** Builds a frozen reference, copying the path (unless frozen already) so the caller's object cannot change it. */
export function createReferenceNode(path: ReferencePath): ReferenceNode {
  return freeze({ kind: 'reference', path: frozenPath(path) });
}

/** `path` itself when it and its parts are frozen, else a frozen copy. */
export function frozenPath(path: ReferencePath): ReferencePath {
  if (Object.isFrozen(path) && Object.isFrozen(path.root) && Object.isFrozen(path.segments)) return path;
  return freeze({
    root: Object.isFrozen(path.root) ? path.root : freeze({ ...path.root }),
    segments: frozen(path.segments),
  });
}

/** Builds a frozen intrinsic call. */
export function createIntrinsicNode(name: IntrinsicName, args: readonly TemplateNode[]): IntrinsicNode {
  return freeze({ kind: 'intrinsic', name, args: frozen(args) });
}

/** Builds a frozen literal. */
export function createLiteralNode(value: JsonValue): LiteralNode {
  return freeze({ kind: 'literal', value });
}

/** Builds a frozen object template (entries keep their order). */
export function createObjectTemplateNode(
  entries: readonly { key: string; value: TemplateNode }[],
): ObjectTemplateNode {
  const isFrozen = Object.isFrozen(entries) && entries.every((e) => Object.isFrozen(e));
  return freeze({
    kind: 'object',
    entries: isFrozen ? entries : freeze(entries.map((e) => freeze({ ...e }))),
  });
}

/** Builds a frozen array template. */
export function createArrayTemplateNode(items: readonly TemplateNode[]): ArrayTemplateNode {
  return freeze({ kind: 'array', items: frozen(items) });
}

/** Builds a frozen raw (verbatim ASL) value. */
export function createRawNode(value: JsonValue): RawNode {
  return freeze({ kind: 'raw', value });
}

/** Builds a frozen JSONata expression (without `{% %}`). */
export function createJsonataNode(expression: string): JsonataNode {
  return freeze({ kind: 'jsonata', expression });
}
