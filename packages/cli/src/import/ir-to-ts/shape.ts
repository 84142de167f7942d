import type { PathSegment } from '@stepcraft/asl';
import { printList, propertyKey } from '../source-text.js';

/** The note on every input schema the importer infers. */
export const TIGHTEN = 'input schema holds what the definition reads: tighten it';

/** What a read needs at a leaf: an unknown value, or a primitive of a type (intrinsic arguments, Wait paths…). */
export type LeafType = 'unknown' | 'string' | 'number' | 'boolean' | 'primitive' | 'array' | 'object';

/**
 * The shape a state's paths read from its input: fields, array elements, or a typed leaf. Built up by `read`
 * and printed as a zod schema that accepts anything else (`z.unknown()` leaves, optional objects).
 */
export interface Shape {
  leaf: LeafType;
  /** A typed leaf below makes this node required: a ref to an optional value would type as `T | undefined`. */
  required: boolean;
  /** Tested with IsPresent / IsNull: the value may be missing / null even where a typed read needs it. */
  optional: boolean;
  nullable: boolean;
  /**
   * Compared as this primitive by a Choice rule while other reads need an object or array: the value may be
   * either (AWS evaluates a rule on a value of another type as false).
   */
  scalar: LeafType | undefined;
  readonly fields: Map<string, Shape>;
  element: Shape | undefined;
}

/** An empty shape: reads nothing. */
export function createShape(): Shape {
  return {
    leaf: 'unknown',
    required: false,
    optional: false,
    nullable: false,
    scalar: undefined,
    fields: new Map(),
    element: undefined,
  };
}

/** Whether any path reads into `shape`. */
export function isEmpty(shape: Shape): boolean {
  return shape.fields.size === 0 && shape.element === undefined && shape.leaf === 'unknown';
}

/** Records that `segments` are read, needing `leaf` at the end. */
export function read(shape: Shape, segments: readonly PathSegment[], leaf: LeafType = 'unknown'): void {
  let node = shape;
  const typed = leaf !== 'unknown';
  for (const segment of segments) {
    if (typed) node.required = true;
    if (segment.kind === 'index') {
      node.element ??= createShape();
      node = node.element;
    } else {
      let child = node.fields.get(segment.name);
      if (child === undefined) {
        child = createShape();
        node.fields.set(segment.name, child);
      }
      node = child;
    }
  }
  if (typed) node.required = true;
  node.leaf = mergeLeaf(node.leaf, leaf);
}

function mergeLeaf(a: LeafType, b: LeafType): LeafType {
  if (a === b || b === 'unknown') return a;
  if (a === 'unknown') return b;
  // A primitive slot accepts any single primitive, so the more precise read wins.
  if (a === 'primitive' && SCALARS.has(b)) return b;
  if (b === 'primitive' && SCALARS.has(a)) return a;
  return 'unknown';
}

const SCALARS: ReadonlySet<LeafType> = new Set(['string', 'number', 'boolean']);

/** Copies `from` into `into` (union of reads). */
export function merge(into: Shape, from: Shape): void {
  into.leaf = mergeLeaf(into.leaf, from.leaf);
  into.required ||= from.required;
  into.optional ||= from.optional;
  into.nullable ||= from.nullable;
  if (from.scalar !== undefined)
    into.scalar = into.scalar === undefined ? from.scalar : mergeLeaf(into.scalar, from.scalar);
  for (const [key, child] of from.fields) {
    let target = into.fields.get(key);
    if (target === undefined) {
      target = createShape();
      into.fields.set(key, target);
    }
    merge(target, child);
  }
  if (from.element !== undefined) {
    into.element ??= createShape();
    merge(into.element, from.element);
  }
}

const LEAF_SCHEMAS: Readonly<Record<LeafType, string>> = {
  unknown: 'z.unknown()',
  string: 'z.string()',
  number: 'z.number()',
  boolean: 'z.boolean()',
  primitive: 'z.union([z.string(), z.number(), z.boolean(), z.null()])',
  array: 'z.array(z.unknown()).readonly()',
  object: 'z.object({})',
};

/** The zod schema source text of a shape (the root is never optional). */
export function printSchema(shape: Shape, isRoot = true): string {
  const text = schemaText(shape);
  // An unknown field may as well be missing: optional, so any producer's output fits.
  if (text === LEAF_SCHEMAS.unknown) return isRoot ? text : `${text}.optional()`;
  const nullable = shape.nullable ? `${text}.nullable()` : text;
  return (isRoot || shape.required) && !shape.optional ? nullable : `${nullable}.optional()`;
}

function schemaText(shape: Shape): string {
  const text = structureText(shape);
  return shape.scalar === undefined || text === LEAF_SCHEMAS.unknown
    ? text
    : `z.union([${LEAF_SCHEMAS[shape.scalar]}, ${text}])`;
}

function structureText(shape: Shape): string {
  // An element is never optional: a missing element is not an item.
  // Readonly, so literal arrays (a Pass `result`, typed as const) fit too.
  const array = shape.element === undefined ? undefined : `z.array(${printSchema(shape.element)}).readonly()`;
  if (shape.fields.size === 0) return array ?? LEAF_SCHEMAS[shape.leaf];
  const entries = [...shape.fields].map(
    ([key, child]) => `${propertyKey(key)}: ${printSchema(child, false)}`,
  );
  const object = `z.object(${printList(entries, '{', '}')})`;
  return array === undefined ? object : `z.union(${printList([object, array], '[', ']')})`;
}

/**
 * Whether paths read the value both as an object and as an array: it may be either (a Choice tells them apart, as
 * a field of an array or an element of an object is simply not present on AWS).
 */
function isObjectOrArray(shape: Shape): boolean {
  return shape.fields.size > 0 && shape.element !== undefined;
}

const LEAF_TYPES: Readonly<Record<LeafType, string>> = {
  unknown: 'unknown',
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  primitive: 'string | number | boolean | null',
  array: 'readonly unknown[]',
  object: '{ [key: string]: unknown }',
};

/** The TypeScript type `printSchema`'s schema infers, to declare what a `raw<T>()` value holds. */
export function printType(shape: Shape): string {
  const array = shape.element === undefined ? undefined : `ReadonlyArray<${printType(shape.element)}>`;
  const object =
    shape.fields.size === 0
      ? undefined
      : printList(
          [...shape.fields].map(([key, child]) => {
            const optional = !isObjectLike(child) || child.optional || !child.required;
            return `${propertyKey(key)}${optional ? '?' : ''}: ${printType(child)}${optional ? ' | undefined' : ''}`;
          }),
          '{',
          '}',
          undefined,
          ';',
        );
  const text =
    object === undefined
      ? (array ?? LEAF_TYPES[shape.leaf])
      : array === undefined
        ? object
        : `${object} | ${array}`;
  const either =
    shape.scalar === undefined || text === 'unknown' ? text : `${LEAF_TYPES[shape.scalar]} | ${text}`;
  return shape.nullable && either !== 'unknown' ? `${either} | null` : either;
}

// Mirrors `printSchema`: an unknown field is optional, anything else unless required.
function isObjectLike(shape: Shape): boolean {
  return schemaText(shape) !== LEAF_SCHEMAS.unknown;
}

/**
 * Whether a value of `have`'s schema may still fail `need`'s (`have` holds `need`'s reads and more): a field
 * `need` requires that `have` allows to be missing or null, or whose type `have` widened. A Choice's IsPresent
 * test does that: its target may rely on the field, but core's types do not narrow.
 */
export function loosens(have: Shape, need: Shape, isRoot = true): boolean {
  const optional = (shape: Shape) => printSchema(shape, isRoot).endsWith('.optional()');
  if (optional(have) && !optional(need)) return true;
  if (have.nullable && !need.nullable && schemaText(need) !== LEAF_SCHEMAS.unknown) return true;
  if (have.scalar !== undefined && need.scalar === undefined && schemaText(need) !== LEAF_SCHEMAS.unknown)
    return true;
  // An object-or-array value where the need reads it as one of them (an array has no fields to read, and fits
  // not even an object of optional fields).
  if (isObjectOrArray(have) && !isObjectOrArray(need) && (need.fields.size > 0 || need.element !== undefined))
    return true;
  // A leaf `have` typed more precisely (a number where any primitive will do) still fits.
  const leafOnly = need.fields.size === 0 && need.element === undefined;
  if (leafOnly && mergeLeaf(have.leaf, need.leaf) !== have.leaf) return true;
  for (const [key, child] of need.fields) {
    const other = have.fields.get(key);
    if (
      other === undefined ? !printSchema(child, false).endsWith('.optional()') : loosens(other, child, false)
    )
      return true;
  }
  // An element prints as a root: never optional unless tested for presence.
  return need.element !== undefined && (have.element === undefined || loosens(have.element, need.element));
}

/** A deep copy of a shape. */
export function cloneShape(shape: Shape): Shape {
  const copy = createShape();
  merge(copy, shape);
  return copy;
}

/**
 * Merges `sub` in at `segments` below `shape` (a requirement nested under a path). A `whole` need is a state's
 * entire input read through the path (OutputPath, a Lambda payload): the path must then hold a value that fits.
 */
export function graft(shape: Shape, segments: readonly PathSegment[], sub: Shape, whole = false): void {
  read(shape, segments, sub.required ? sub.leaf : 'unknown');
  merge(walk(shape, segments) as Shape, sub);
  if (!whole || isEmpty(sub)) return;
  let node: Shape | undefined = shape;
  for (const segment of segments) {
    node = segment.kind === 'index' ? node?.element : node?.fields.get(segment.name);
    if (node !== undefined) node.required = true;
  }
}

/** The node a read of `segments` made (the deepest one reached). */
export function descend(shape: Shape, segments: readonly PathSegment[]): Shape {
  let node = shape;
  for (const segment of segments) {
    node = segment.kind === 'index' ? (node.element ?? node) : (node.fields.get(segment.name) ?? node);
  }
  return node;
}

/** The node at `segments`, or `undefined` when no read reaches it. */
export function walk(shape: Shape, segments: readonly PathSegment[]): Shape | undefined {
  let node: Shape | undefined = shape;
  for (const segment of segments) {
    node = segment.kind === 'index' ? node?.element : node?.fields.get(segment.name);
  }
  return node;
}

/**
 * A copy of `shape` without the subtree at `segments` (what a ResultPath replaces). Parents left reading nothing
 * go too: a ResultPath creates the objects on its path, so the input need not hold them.
 */
export function without(shape: Shape, segments: readonly PathSegment[]): Shape {
  const copy = cloneShape(shape);
  for (let end = segments.length; end > 0; end--) {
    const parent = walk(copy, segments.slice(0, end - 1));
    const last = segments[end - 1] as PathSegment;
    const child = last.kind === 'index' ? parent?.element : parent?.fields.get(last.name);
    if (parent === undefined || child === undefined) break;
    if (end < segments.length && !(isEmpty(child) && !child.optional && !child.nullable)) break;
    if (last.kind === 'index') parent.element = undefined;
    else parent.fields.delete(last.name);
  }
  return copy;
}

/** How deep a shape's reads go: loops that nest a requirement under a path stop growing past a bound. */
export function depth(shape: Shape): number {
  let deepest = 0;
  for (const child of shape.fields.values()) deepest = Math.max(deepest, depth(child));
  if (shape.element !== undefined) deepest = Math.max(deepest, depth(shape.element));
  return deepest + 1;
}
