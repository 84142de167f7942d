import type { JsonValue, PathSegment, ReferencePath } from '@stepcraft/asl';
import { raise } from '../errors.js';
import type { ConditionNode } from '../ir/choice-rule-node.js';
import {
  createArrayTemplateNode,
  createLiteralNode,
  createObjectTemplateNode,
  createReferenceNode,
  type ReferenceNode,
  type TemplateNode,
} from '../ir/template-node.js';
import type { Message } from '../types/messages.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type { Primitive } from '../types/type-utils.js';
import { comparisonMethod, isComparisonMethod } from './conditions.js';

declare const valueType: unique symbol;
declare const pathBrand: unique symbol;
declare const conditionBrand: unique symbol;

/**
 * A value known only at run time: a path into the data or an intrinsic call. Its type parameter is the type of the
 * value it stands for; a selector's return type is read through it (`Resolve`).
 */
export interface Expr<T> {
  readonly [valueType]: T;
}

/**
 * An `Expr` that is a plain path (usable where ASL wants a path, e.g. a Choice rule's `…Path` operand). `TPath` is
 * its text (`$.order.id`, `$total`) where the types track it, for messages and `choice().on()`.
 */
export interface PathExpr<T, TPath extends string = string> extends Expr<T> {
  readonly [pathBrand]: TPath;
}

/** A Choice condition built from refs: `input.amount.numericGreaterThan(100)`, `and(…)`, `or(…)`, `not(…)`. */
export interface Condition {
  readonly [conditionBrand]: true;
}

/**
 * A typed reference to a field of the data, recorded when a selector runs at build time. Property access goes
 * deeper (`input.order.id`, `result[0]` on a tuple); leaves carry the Choice comparisons their type allows. In a
 * Choice, `TPath` (the path so far) and `TState` (the Choice) let a wrong comparison name both; elsewhere they are
 * `string` and cost nothing.
 */
export type Ref<T, TPath extends string = string, TState extends string = string> = PathExpr<T, TPath> &
  RefMembers<T, TPath, TState>;

type RefMembers<T, TPath extends string, TState extends string> = unknown extends T
  ? LeafOps<T, TPath, TState>
  : [NonNullable<T>] extends [Primitive]
    ? LeafOps<T, TPath, TState>
    : [NonNullable<T>] extends [readonly (infer $Element)[]]
      ? ArrayOps<T, $Element, TPath, TState>
      : [NonNullable<T>] extends [object]
        ? [Extract<NonNullable<T>, readonly unknown[]>] extends [never]
          ? FieldRefs<T, TPath, TState> & PresenceOps<T>
          : UnionOps<T, TPath, TState>
        : UnionOps<T, TPath, TState>;

// The path text one step deeper, only where a path is tracked.
type Dot<TPath extends string, TKey> = string extends TPath ? string : `${TPath}.${TKey & string}`;
type At<TPath extends string, TIndex> = string extends TPath ? string : `${TPath}[${TIndex & number}]`;

// Fields of an object, or of every object in a union (one that lacks a field gives `undefined` there). Keys that
// look like array indices are left out: `x[0]` records an index, which is what tuples need.
type FieldRefs<T, TPath extends string, TState extends string> = {
  readonly [K in FieldKeys<NonNullable<T>>]-?: Ref<FieldOf<T, K>, Dot<TPath, K>, TState>;
};
type FieldKeys<T> = T extends Primitive | readonly unknown[] ? never : Exclude<keyof T, `${number}` | number>;
type FieldOf<T, TKey> = T extends Primitive | readonly unknown[] | undefined
  ? undefined
  : TKey extends keyof T
    ? T[TKey]
    : undefined;

/** A value of several shapes (an object or an array, maybe a string): what each shape allows, on one ref. */
type UnionOps<T, TPath extends string, TState extends string> = FieldRefs<T, TPath, TState> &
  // An element may be missing: the value may be one of the other shapes.
  ([Extract<NonNullable<T>, readonly unknown[]>] extends [readonly (infer $Element)[]]
    ? ArrayOps<T, $Element | undefined, TPath, TState>
    : unknown) &
  LeafOps<T, TPath, TState>;

type Describe<T> = [NonNullable<T>] extends [string]
  ? 'a string'
  : [NonNullable<T>] extends [number]
    ? 'a number'
    : [NonNullable<T>] extends [boolean]
      ? 'a boolean'
      : [NonNullable<T>] extends [null]
        ? 'null'
        : 'not a single JSON primitive';

// A field that may hold the compared type fits: AWS evaluates a rule on a value of another type as false.
type Fits<T, TWanted> = unknown extends T
  ? true
  : [Extract<NonNullable<T>, TWanted>] extends [never]
    ? false
    : true;

type Literal<T, TWanted> = unknown extends T ? TWanted : Extract<NonNullable<T>, TWanted>;

// Where a comparison is, for its message: the Choice and the path when tracked. Untracked (`string`), they are
// `${string}` patterns, so a ref that knows its path is still assignable to a plain `Ref<T>` (a helper's parameter):
// comparison methods are compared both ways, and a message matches a pattern.
// A ref read outside any Choice (a variable's) has no state: `''`.
type InChoice<TState extends string> = string extends TState
  ? `${string}`
  : TState extends ''
    ? ''
    : Message<'inChoice', [TState]>;
type FieldText<TPath extends string> = string extends TPath ? `${string}` : `\`${TPath}\``;

/** The operand of a comparison: a literal of the field's type or a path to another value of that type. */
type Operand<
  T,
  TWanted,
  TOperator extends string,
  TKind extends string,
  TPath extends string,
  TState extends string,
> =
  Fits<T, TWanted> extends true
    ? Literal<T, TWanted> | PathExpr<TWanted>
    : StepcraftTypeError<
        Message<'operand', [InChoice<TState>, TOperator, TKind, FieldText<TPath>, Describe<T>]>
      >;

// `stringMatches` takes a pattern (any string, never a path), refused as `Operand` refuses a comparison.
type Pattern<T, TPath extends string, TState extends string> =
  Operand<T, string, 'stringMatches', 'strings', TPath, TState> extends infer $Operand
    ? [$Operand] extends [StepcraftTypeError<string>]
      ? $Operand
      : string
    : never;

/** Presence tests, offered only where the type says they can differ. */
type PresenceOps<T> = (undefined extends T ? { isPresent(expected?: boolean): Condition } : unknown) &
  (null extends T ? { isNull(expected?: boolean): Condition } : unknown);

/** The comparisons of a Choice rule on one value. A wrong operator gets a branded parameter type. */
export type LeafOps<T, TPath extends string = string, TState extends string = string> = PresenceOps<T> & {
  stringEquals(value: Operand<T, string, 'stringEquals', 'strings', TPath, TState>): Condition;
  stringLessThan(value: Operand<T, string, 'stringLessThan', 'strings', TPath, TState>): Condition;
  stringGreaterThan(value: Operand<T, string, 'stringGreaterThan', 'strings', TPath, TState>): Condition;
  stringLessThanEquals(
    value: Operand<T, string, 'stringLessThanEquals', 'strings', TPath, TState>,
  ): Condition;
  stringGreaterThanEquals(
    value: Operand<T, string, 'stringGreaterThanEquals', 'strings', TPath, TState>,
  ): Condition;
  /** `*` matches any run of characters; `\\*` is a literal star. */
  stringMatches(pattern: Pattern<T, TPath, TState>): Condition;
  numericEquals(value: Operand<T, number, 'numericEquals', 'numbers', TPath, TState>): Condition;
  numericLessThan(value: Operand<T, number, 'numericLessThan', 'numbers', TPath, TState>): Condition;
  numericGreaterThan(value: Operand<T, number, 'numericGreaterThan', 'numbers', TPath, TState>): Condition;
  numericLessThanEquals(
    value: Operand<T, number, 'numericLessThanEquals', 'numbers', TPath, TState>,
  ): Condition;
  numericGreaterThanEquals(
    value: Operand<T, number, 'numericGreaterThanEquals', 'numbers', TPath, TState>,
  ): Condition;
  booleanEquals(value: Operand<T, boolean, 'booleanEquals', 'booleans', TPath, TState>): Condition;
  timestampEquals(value: Operand<T, string, 'timestampEquals', Timestamps, TPath, TState>): Condition;
  timestampLessThan(value: Operand<T, string, 'timestampLessThan', Timestamps, TPath, TState>): Condition;
  timestampGreaterThan(
    value: Operand<T, string, 'timestampGreaterThan', Timestamps, TPath, TState>,
  ): Condition;
  timestampLessThanEquals(
    value: Operand<T, string, 'timestampLessThanEquals', Timestamps, TPath, TState>,
  ): Condition;
  timestampGreaterThanEquals(
    value: Operand<T, string, 'timestampGreaterThanEquals', Timestamps, TPath, TState>,
  ): Condition;
  isString(expected?: boolean): Condition;
  isNumeric(expected?: boolean): Condition;
  isBoolean(expected?: boolean): Condition;
  isTimestamp(expected?: boolean): Condition;
};

type Timestamps = 'timestamps (strings)';

/**
 * An array: `at(i)` reads one element; on a tuple (a Parallel's result) element `i` itself, also as `x[i]`.
 */
export type ArrayOps<
  T,
  TElement,
  TPath extends string = string,
  TState extends string = string,
> = PresenceOps<T> & {
  at<const TIndex extends number>(
    index: TIndex,
  ): Ref<Child<T, ElementAt<NonNullable<T>, TIndex, TElement>>, At<TPath, TIndex>, TState>;
} & TupleRefs<NonNullable<T>, T, TPath, TState>;

// A tuple's elements by index: `result[0]` on a Parallel's result.
type TupleRefs<TArray, T, TPath extends string, TState extends string> = TArray extends readonly unknown[]
  ? number extends TArray['length']
    ? unknown
    : {
        readonly [K in Exclude<keyof TArray, keyof unknown[]> & `${number}`]: Ref<
          Child<T, TArray[K]>,
          At<TPath, K extends `${infer $Index extends number}` ? $Index : never>,
          TState
        >;
      }
  : unknown;

// A field of an optional object may itself be missing.
type Child<TParent, TField> = undefined extends TParent ? TField | undefined : TField;

type ElementAt<TArray, TIndex extends number, TElement> = number extends TIndex
  ? TElement
  : TArray extends { readonly [K in TIndex]: infer $Item }
    ? $Item
    : TElement;

/**
 * The type a selector's return value stands for: every `Expr<T>` replaced by `T`, read by its key (an `infer` here
 * cost every state ~45 instantiations: it runs for every field). A mapped type over an object literal already reads
 * as one (no `Simplify` around it: that second mapping cost every state ~35 instantiations).
 */
export type Resolve<T> =
  T extends Expr<unknown>
    ? T[typeof valueType]
    : T extends Primitive | undefined
      ? T
      : T extends readonly unknown[]
        ? { -readonly [K in keyof T]: Resolve<T[K]> }
        : T extends object
          ? { -readonly [K in keyof T]: Resolve<T[K]> }
          : T;

/** What a selector may return: JSON built from literals, refs and intrinsic calls. */
export type TemplateValue =
  | Primitive
  | Expr<unknown>
  | readonly TemplateValue[]
  | { readonly [key: string]: TemplateValue | undefined };

const nodeKey: unique symbol = Symbol('stepcraft.node');

/** Wraps an IR node as an opaque value a selector can return (intrinsic results, raw ASL, conditions). */
export function boxNode<T>(node: TemplateNode | ConditionNode): T {
  return Object.freeze({ [nodeKey]: node }) as T;
}

/** The node held by a ref, an intrinsic result, a raw value or a condition; `undefined` for anything else. */
export function unboxNode(value: unknown): TemplateNode | ConditionNode | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  return (value as { [nodeKey]?: TemplateNode | ConditionNode })[nodeKey];
}

/**
 * The target of a ref's proxy: a function, so the same proxy can be both `input.status` (a path) and
 * `input.status.stringEquals(…)`, that returns the ref's path when the handler calls it (the proxy's own calls go to
 * the `apply` trap). So one handler serves every ref, and a ref costs a closure and a proxy.
 */
type RefTarget = () => ReferencePath;

const REF_HANDLER: ProxyHandler<RefTarget> = Object.freeze({
  get(target: RefTarget, key: string | symbol): unknown {
    if (key === nodeKey) return createReferenceNode(target());
    if (typeof key === 'symbol') return key === Symbol.toPrimitive ? refToPrimitive : undefined;
    // `result[0]`: the types offer index keys only on tuples (object fields that look like indices are left out).
    if (INDEX_KEY.test(key))
      return createRef(childPath(target(), Object.freeze({ kind: 'index', index: +key })));
    return createRef(childPath(target(), fieldSegment(key)));
  },
  apply(target: RefTarget, _this: unknown, args: unknown[]): unknown {
    const path = target();
    const last = path.segments.at(-1);
    const parent = createReferenceNode(
      Object.freeze({ root: path.root, segments: Object.freeze(path.segments.slice(0, -1)) }),
    );
    if (last?.kind === 'field' && last.name === 'at') return atIndex(parent, args[0]);
    if (last?.kind === 'field' && isComparisonMethod(last.name)) {
      return boxNode<Condition>(comparisonMethod(last.name, parent, args[0]));
    }
    return raise(
      'REF_NOT_CALLABLE',
      `${describeRef(createReferenceNode(path))} is a reference, not a function`,
    );
  },
  set: readOnly,
  defineProperty: readOnly,
  deleteProperty: readOnly,
});

/** Creates the recording proxy for `path`: property access records deeper paths, calls are Choice comparisons. */
export function createRef(path: ReferencePath): unknown {
  return new Proxy<RefTarget>(() => path, REF_HANDLER);
}

const INDEX_KEY = /^(?:0|[1-9]\d{0,8})$/;

function refToPrimitive(): never {
  const at = callerLocation();
  return raise(
    'REF_OPERATOR',
    `A reference was used with a JavaScript operator or in a template literal${at === undefined ? '' : ` at ${at}`}: ` +
      'use States.format(…), States.mathAdd(…) and the other intrinsic helpers instead',
  );
}

// This package's own frames to skip: src/ when run from sources; from the bundle in dist/, the package folder itself
// (its chunks sit at the dist root), which holds no user code once installed.
const OWN_DIR = new URL('..', import.meta.url).href;

/**
 * The first stack frame outside this package (`file:line:column`): where user code misused a ref. Relative to the
 * working directory where there is one (Node.js), so the message is the same on every checkout.
 */
function callerLocation(): string | undefined {
  for (const line of new Error().stack?.split('\n').slice(1) ?? []) {
    const frame = /\(?((?:file:\/\/|\/)[^()]+):(\d+):(\d+)\)?$/.exec(line.trim());
    if (frame === null) continue;
    const [, file = '', row, column] = frame;
    const url = file.startsWith('file://') ? file : `file://${file}`;
    if (!url.startsWith(OWN_DIR)) return `${relativeToCwd(url.replace(/^file:\/\//, ''))}:${row}:${column}`;
  }
  return undefined;
}

function relativeToCwd(file: string): string {
  // Core runs outside Node.js too: the working directory is read only where the runtime has one.
  const cwd = (globalThis as { process?: { cwd?: () => string } }).process?.cwd?.();
  return cwd !== undefined && file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file;
}

function readOnly(): never {
  return raise('REF_READ_ONLY', 'References are read-only');
}

function atIndex(parent: ReferenceNode, index: unknown): unknown {
  if (typeof index !== 'number' || !Number.isInteger(index)) {
    return raise('REF_INDEX', `at() needs an integer index, got ${String(index)}`);
  }
  return createRef(childPath(parent.path, Object.freeze({ kind: 'index', index })));
}

/** `$.a.b` style text for messages only (the emitters print paths for real). */
function describeRef(node: ReferenceNode): string {
  const root =
    node.path.root.kind === 'context'
      ? '$$'
      : node.path.root.kind === 'variable'
        ? `$${node.path.root.name}`
        : '$';
  return root + node.path.segments.map((s) => (s.kind === 'index' ? `[${s.index}]` : `.${s.name}`)).join('');
}

const NO_SEGMENTS: readonly PathSegment[] = Object.freeze([]);
const INPUT: ReferencePath = Object.freeze({ root: Object.freeze({ kind: 'input' }), segments: NO_SEGMENTS });
const CONTEXT: ReferencePath = Object.freeze({
  root: Object.freeze({ kind: 'context' }),
  segments: NO_SEGMENTS,
});

/** The `input` root ref a selector receives (`$`; also its `result`, read from the same place). */
export function inputRef(): unknown {
  return createRef(INPUT);
}

/** The `context` root ref: the Context Object (`$$`). */
export function contextRef(): unknown {
  return createRef(CONTEXT);
}

/** The frozen root path of a variable (`$name`). */
export function variablePath(name: string): ReferencePath {
  return Object.freeze({ root: Object.freeze({ kind: 'variable', name }), segments: NO_SEGMENTS });
}

// Paths are shared too: `input.order.id` is one frozen path object wherever it is read (each path keeps its
// children; a WeakMap, so paths of dropped workflows go with them).
const CHILDREN = new WeakMap<ReferencePath, Map<PathSegment, ReferencePath>>();

/** `path` one segment deeper, frozen (the IR then keeps it without a copy). */
function childPath(path: ReferencePath, segment: PathSegment): ReferencePath {
  let children = CHILDREN.get(path);
  if (children === undefined) {
    children = new Map();
    CHILDREN.set(path, children);
  }
  let child = children.get(segment);
  if (child === undefined) {
    child = Object.freeze({ root: path.root, segments: Object.freeze([...path.segments, segment]) });
    // Index segments are not interned (any integer may come): only field children are kept.
    if (segment.kind === 'field') children.set(segment, child);
  }
  return child;
}

// Field segments are shared: `input.order.id` read in a thousand states makes two segment objects, not two thousand.
const FIELD_SEGMENTS = new Map<string, PathSegment>();

function fieldSegment(name: string): PathSegment {
  let segment = FIELD_SEGMENTS.get(name);
  if (segment === undefined) {
    segment = Object.freeze({ kind: 'field', name });
    // Bounded: names come from user code.
    if (FIELD_SEGMENTS.size < 10_000) FIELD_SEGMENTS.set(name, segment);
  }
  return segment;
}

/**
 * Turns a selector's return value into a template node. `where` names the field for messages.
 * Keys ending in `.$` are refused in literals: ASL would read them as paths (use `raw()` for that).
 */
export function toTemplate(value: unknown, where: string): TemplateNode {
  const boxed = unboxNode(value);
  if (boxed !== undefined) {
    if (boxed.kind === 'comparison' || boxed.kind === 'and' || boxed.kind === 'or' || boxed.kind === 'not') {
      return raise('TEMPLATE_VALUE', `${where}: a Choice condition cannot be used as data`);
    }
    return boxed;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean')
    return createLiteralNode(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return raise('TEMPLATE_VALUE', `${where}: ${value} is not a JSON number`);
    return createLiteralNode(value);
  }
  if (Array.isArray(value)) {
    const items = value.map((item, i) => toTemplate(item, `${where}[${i}]`));
    return allLiteral(items) ? createLiteralNode(items.map(literalValue)) : createArrayTemplateNode(items);
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const entries: { readonly key: string; readonly value: TemplateNode }[] = [];
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      if (key.endsWith('.$')) {
        return raise(
          'TEMPLATE_KEY',
          `${where}: the key "${key}" ends in ".$", which ASL reads as a path; write a reference instead, or raw(…)`,
        );
      }
      entries.push(Object.freeze({ key, value: toTemplate(item, `${where}.${key}`) }));
    }
    if (entries.every((e) => e.value.kind === 'literal')) {
      const literal: Record<string, JsonValue> = Object.create(null);
      for (const e of entries)
        Object.defineProperty(literal, e.key, { value: literalValue(e.value), enumerable: true });
      return createLiteralNode({ ...literal });
    }
    return createObjectTemplateNode(Object.freeze(entries));
  }
  return raise('TEMPLATE_VALUE', `${where}: ${typeof value} values cannot appear in a template`);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function allLiteral(items: readonly TemplateNode[]): boolean {
  return items.every((item) => item.kind === 'literal');
}

function literalValue(node: TemplateNode): JsonValue {
  return node.kind === 'literal' ? node.value : null;
}
