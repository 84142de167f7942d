import type { JsonObject, JsonValue, PathSegment, ReferencePath } from '@stepcraft/asl';
import type { IntrinsicNode, ReferenceNode, TemplateNode } from '@stepcraft/core/ir';
import { readDynamic } from '../asl-to-ir/template.js';
import { isObject, printJson, printList, printString, propertyKey } from '../source-text.js';
import { isEmpty, type LeafType, printType, read, type Shape } from './shape.js';

/** What a selector can refer to: its data roots (with the shapes their reads build) and its Context Object. */
export interface Scope {
  /** `input` (or `result` in a ResultSelector): the name of the data ref, and the shape its reads build. */
  readonly data?: { readonly name: 'input' | 'result'; readonly shape: Shape };
  /** Which Context Object type the selector's `context` is. */
  readonly context: 'plain' | 'task' | 'map-item';
  /** The item's shape, read through `context.Map.Item.Value` in an ItemSelector. */
  readonly item?: Shape;
  /** Roots actually used, so the selector destructures only those. */
  readonly used: Set<string>;
}

/** A scope over `data` read as `input`, with a Context Object of the given kind. */
export function inputScope(data: Shape | undefined, context: Scope['context']): Scope {
  return {
    ...(data === undefined ? {} : { data: { name: 'input', shape: data } }),
    context,
    used: new Set(),
  };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Context Object leaves and their types, per Context Object kind (see core's `ContextObject`).
const CONTEXT_LEAVES: Readonly<Record<string, LeafType>> = {
  'Execution.Id': 'string',
  'Execution.Input': 'unknown',
  'Execution.Name': 'string',
  'Execution.RoleArn': 'string',
  'Execution.StartTime': 'string',
  'Execution.RedriveCount': 'number',
  'State.Name': 'string',
  'State.EnteredTime': 'string',
  'State.RetryCount': 'number',
  'StateMachine.Id': 'string',
  'StateMachine.Name': 'string',
};

function fits(have: LeafType, want: LeafType): boolean {
  if (want === 'unknown' || have === want) return true;
  return want === 'primitive' && (have === 'string' || have === 'number' || have === 'boolean');
}

function accessor(segments: readonly PathSegment[]): string {
  return segments
    .map((s) =>
      s.kind === 'index'
        ? `.at(${s.index})`
        : IDENTIFIER.test(s.name)
          ? `.${s.name}`
          : `[${printString(s.name)}]`,
    )
    .join('');
}

/** A typed ref for a path (`input.order.id`, `context.Execution.Id`), or `undefined` when none fits. */
export function printRef(path: ReferencePath, scope: Scope, leaf: LeafType = 'unknown'): string | undefined {
  if (path.root.kind === 'input') {
    if (scope.data === undefined) return undefined;
    read(scope.data.shape, path.segments, leaf);
    scope.used.add(scope.data.name);
    return scope.data.name + accessor(path.segments);
  }
  if (path.root.kind !== 'context' || path.segments.some((s) => s.kind === 'index')) return undefined;
  const key = path.segments.map((s) => (s.kind === 'field' ? s.name : '')).join('.');
  const known =
    CONTEXT_LEAVES[key] ??
    (scope.context === 'task' && key === 'Task.Token' ? 'string' : undefined) ??
    (scope.context === 'map-item' && key === 'Map.Item.Index' ? 'number' : undefined);
  if (known !== undefined) {
    if (!fits(known, leaf)) return undefined;
    scope.used.add('context');
    return `context.${key}`;
  }
  if (scope.context === 'map-item' && scope.item !== undefined && key.startsWith('Map.Item.Value')) {
    const [map, item, value] = path.segments;
    if (
      map?.kind === 'field' &&
      item?.kind === 'field' &&
      value?.kind === 'field' &&
      value.name === 'Value'
    ) {
      read(scope.item, path.segments.slice(3), leaf);
      scope.used.add('context');
      return `context${accessor(path.segments)}`;
    }
  }
  return undefined;
}

/** Helper name, argument slots and result type of each intrinsic core offers. */
const INTRINSICS: Readonly<
  Record<string, { helper: string; args: readonly LeafType[]; rest?: LeafType; returns: LeafType }>
> = {
  'States.Format': { helper: 'format', args: ['string'], rest: 'primitive', returns: 'string' },
  'States.StringToJson': { helper: 'stringToJson', args: ['string'], returns: 'unknown' },
  'States.JsonToString': { helper: 'jsonToString', args: ['unknown'], returns: 'string' },
  'States.Array': { helper: 'array', args: [], rest: 'unknown', returns: 'array' },
  'States.ArrayPartition': { helper: 'arrayPartition', args: ['array', 'number'], returns: 'array' },
  'States.ArrayContains': { helper: 'arrayContains', args: ['array', 'unknown'], returns: 'boolean' },
  'States.ArrayRange': { helper: 'arrayRange', args: ['number', 'number', 'number'], returns: 'array' },
  'States.ArrayGetItem': { helper: 'arrayGetItem', args: ['array', 'number'], returns: 'unknown' },
  'States.ArrayLength': { helper: 'arrayLength', args: ['array'], returns: 'number' },
  'States.ArrayUnique': { helper: 'arrayUnique', args: ['array'], returns: 'array' },
  'States.Base64Encode': { helper: 'base64Encode', args: ['string'], returns: 'string' },
  'States.Base64Decode': { helper: 'base64Decode', args: ['string'], returns: 'string' },
  'States.Hash': { helper: 'hash', args: ['string', 'string'], returns: 'string' },
  'States.JsonMerge': { helper: 'jsonMerge', args: ['object', 'object'], returns: 'object' },
  'States.MathRandom': {
    helper: 'mathRandom',
    args: ['number', 'number'],
    rest: 'number',
    returns: 'number',
  },
  'States.MathAdd': { helper: 'mathAdd', args: ['number', 'number'], returns: 'number' },
  'States.StringSplit': { helper: 'stringSplit', args: ['string', 'string'], returns: 'array' },
  'States.UUID': { helper: 'uuid', args: [], returns: 'string' },
};

const HASH_ALGORITHMS = new Set(['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

/** `States.format(…)` and friends for an intrinsic call, or `undefined` when the typed helpers cannot say it. */
function printIntrinsic(
  node: IntrinsicNode,
  scope: Scope,
  leaf: LeafType,
  declared: Shape | undefined,
): string | undefined {
  // Parsed JSON is any JSON value: declare what the definition reads of it, as a Task declares its output.
  const typeArgument =
    node.name === 'States.StringToJson' && declared !== undefined && !isEmpty(declared)
      ? `<${printType(declared)}>`
      : '';
  return callExpression(node, scope, leaf, typeArgument);
}

function callExpression(
  node: IntrinsicNode,
  scope: Scope,
  leaf: LeafType,
  typeArgument = '',
): string | undefined {
  const spec = INTRINSICS[node.name];
  if (spec === undefined || !fits(spec.returns, leaf)) return undefined;
  let args = node.args;
  if (node.name === 'States.JsonMerge') {
    // Core always emits the third argument, `false` (the only value AWS supports).
    const last = args[2];
    if (args.length !== 3 || last?.kind !== 'literal' || last.value !== false) return undefined;
    args = args.slice(0, 2);
  } else if (args.length < spec.args.length || (spec.rest === undefined && args.length > spec.args.length)) {
    return undefined;
  }
  const printed: string[] = [];
  for (const [i, arg] of args.entries()) {
    const slot = spec.args[i] ?? spec.rest ?? 'unknown';
    const text = argExpression(arg, slot, scope, node.name === 'States.Hash' && i === 1);
    if (text === undefined) return undefined;
    printed.push(text);
  }
  return `States.${spec.helper}${typeArgument}(${printed.join(', ')})`;
}

function argExpression(
  arg: TemplateNode,
  slot: LeafType,
  scope: Scope,
  isAlgorithm: boolean,
): string | undefined {
  if (arg.kind === 'reference') return isAlgorithm ? undefined : printRef(arg.path, scope, slot);
  if (arg.kind === 'intrinsic') return isAlgorithm ? undefined : callExpression(arg, scope, slot);
  if (arg.kind !== 'literal') return undefined;
  const value = arg.value;
  if (typeof value === 'string') {
    if (isAlgorithm && !HASH_ALGORITHMS.has(value)) return undefined;
    return slot === 'string' || slot === 'primitive' ? printString(value) : undefined;
  }
  if (typeof value === 'number')
    return slot === 'number' || slot === 'primitive' ? JSON.stringify(value) : undefined;
  if (typeof value === 'boolean' || value === null)
    return slot === 'primitive' ? JSON.stringify(value) : undefined;
  return undefined;
}

/** A `.$` value (a reference or an intrinsic call) as a typed ref or helper call, or `undefined`. */
export function printDynamic(
  node: ReferenceNode | IntrinsicNode,
  scope: Scope,
  leaf: LeafType = 'unknown',
  declared?: Shape,
): string | undefined {
  return node.kind === 'intrinsic'
    ? printIntrinsic(node, scope, leaf, declared)
    : printRef(node.path, scope, leaf);
}

/**
 * A payload template (Parameters, ResultSelector, ItemSelector) as the object a selector returns. An object the
 * IR keeps raw, whose references the typed refs cannot say, or nested too deep to type, becomes `raw(…)` of its
 * ASL (`asl`, emitted verbatim), declared to hold what the definition reads of it.
 */
export function printTemplate(
  node: TemplateNode,
  asl: JsonValue,
  scope: Scope,
  declared?: Shape,
  depth = 0,
): string {
  if (node.kind !== 'object' || !isObject(asl) || depth >= MAX_TYPED_DEPTH) return rawValue(asl, declared);
  const entries: string[] = [];
  for (const { key, value } of node.entries) {
    const need = declared?.fields.get(key);
    if (value.kind === 'reference' || value.kind === 'intrinsic') {
      const text = printDynamic(value, scope, 'unknown', need);
      if (text === undefined) return rawValue(asl, declared);
      entries.push(`${propertyKey(key)}: ${text}`);
    } else if (value.kind === 'object') {
      entries.push(
        `${propertyKey(key)}: ${printTemplate(value, asl[key] as JsonValue, scope, need, depth + 1)}`,
      );
    } else if (value.kind === 'literal') {
      entries.push(`${propertyKey(key)}: ${printConstant(value.value, need)}`);
    } else {
      entries.push(`${propertyKey(key)}: ${rawValue(asl[key] as JsonValue, need)}`);
    }
  }
  return printList(entries, '{', '}');
}

/**
 * A raw template's fields as a typed object that a raw field of the same name replaces when built: what each entry
 * holds for the types, typed where it can be, `raw(…)` where it cannot. For a template that must stay raw but
 * whose shape the types need (ResultPath placing it, a task token inside it).
 */
export function printPlaceholder(template: JsonObject, scope: Scope, declared?: Shape): string {
  const entries = Object.keys(template).map((key) => {
    const value = template[key] as JsonValue;
    const name = key.endsWith('.$') ? key.slice(0, -2) : key;
    const need = declared?.fields.get(name);
    const dynamic =
      key !== name && typeof value === 'string' ? readDynamic(value, 'data-or-context') : undefined;
    const typed =
      key === name
        ? isObject(value)
          ? printPlaceholder(value, scope, need)
          : undefined
        : dynamic === undefined
          ? undefined
          : printDynamic(dynamic, scope, 'unknown', need);
    return `${propertyKey(name)}: ${typed ?? rawValue(value, need)}`;
  });
  return printList(entries, '{', '}');
}

/**
 * How deep a constant may nest to be written typed. TypeScript stops comparing types about 50 levels down
 * ("Excessive stack depth comparing types"), so a deeper constant is written as `raw(…)`, whose type is shallow.
 */
export const MAX_TYPED_DEPTH = 40;

/** Whether a JSON value nests deeper than `MAX_TYPED_DEPTH` (iterative). */
export function isTooDeepToType(value: JsonValue): boolean {
  const pending: { readonly value: JsonValue; readonly depth: number }[] = [{ value, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_TYPED_DEPTH) return true;
    for (const child of Object.values(item.value)) pending.push({ value: child, depth: item.depth + 1 });
  }
  return false;
}

/** A constant as source: typed JSON, or `raw(…)` when it nests too deep to type. */
export function printConstant(value: JsonValue, declared?: Shape): string {
  return isTooDeepToType(value) ? rawValue(value, declared) : printJson(value);
}

/** `raw(…)`: verbatim ASL, declared to hold what the definition reads of it (when anything). */
export function rawValue(value: JsonValue, declared?: Shape): string {
  const type = declared === undefined || isEmpty(declared) ? '' : `<${printType(declared)}>`;
  return `raw${type}(${printJson(value)})`;
}

/** A selector arrow function over the roots a printed body used. */
export function selector(body: string, scope: Scope): string {
  const roots = ['input', 'result', 'context'].filter((root) => scope.used.has(root));
  const wrapped = body.startsWith('{') ? `(${body})` : body;
  return `(${roots.length === 0 ? '' : `{ ${roots.join(', ')} }`}) => ${wrapped}`;
}
