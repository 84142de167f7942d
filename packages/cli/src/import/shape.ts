import type { PathSegment } from '@stepcraft/asl';

/** What a read needs at a leaf: any value, or a primitive of a type (intrinsic arguments, Wait paths…). */
export type LeafType = 'unknown' | 'string' | 'number' | 'boolean' | 'primitive' | 'array' | 'object';

/**
 * The shape a state's paths read from its input: fields, array elements, or a typed leaf. Built up by `read`
 * and printed as a zod schema that accepts anything else (`z.unknown()` leaves, optional objects).
 */
export interface Shape {
  leaf: LeafType;
  /** A typed leaf below makes this node required: a ref to an optional value would type as `T | undefined`. */
  required: boolean;
  readonly fields: Map<string, Shape>;
  element: Shape | undefined;
}

/** An empty shape: reads nothing. */
export function createShape(): Shape {
  return { leaf: 'unknown', required: false, fields: new Map(), element: undefined };
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
  return 'unknown';
}

/** Copies `from` into `into` (union of reads). */
export function merge(into: Shape, from: Shape): void {
  into.leaf = mergeLeaf(into.leaf, from.leaf);
  into.required ||= from.required;
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
  array: 'z.array(z.unknown())',
  object: 'z.object({})',
};

/** The zod schema source text of a shape (the root is never optional). */
export function printSchema(shape: Shape, isRoot = true): string {
  const text = schemaText(shape);
  return isRoot || shape.required || text === LEAF_SCHEMAS.unknown ? text : `${text}.optional()`;
}

function schemaText(shape: Shape): string {
  if (shape.element !== undefined) return `z.array(${printSchema(shape.element, false)})`;
  if (shape.fields.size === 0) return LEAF_SCHEMAS[shape.leaf];
  const entries = [...shape.fields].map(
    ([key, child]) => `${propertyKey(key)}: ${printSchema(child, false)}`,
  );
  return `z.object({ ${entries.join(', ')} })`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object literal key: bare when it is an identifier, quoted otherwise; `__proto__` computed, so it stays data. */
export function propertyKey(key: string): string {
  if (key === '__proto__') return `[${JSON.stringify(key)}]`;
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}
