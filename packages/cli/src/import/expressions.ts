import {
  type IntrinsicArg,
  type IntrinsicCall,
  type JsonValue,
  parseIntrinsic,
  parseReferencePath,
  type ReferencePath,
} from '@stepcraft/asl';
import { hasDynamicKey, isObject, printJson, printList, propertyKey } from './json.js';
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

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A reference path in AWS's canonical spelling (the one core prints): `$.a['b c'][0]`. */
export function canonicalPath(path: ReferencePath): string {
  const root =
    path.root.kind === 'context' ? '$$' : path.root.kind === 'variable' ? `$${path.root.name}` : '$';
  return (
    root +
    path.segments
      .map((s) => {
        if (s.kind === 'index') return `[${s.index}]`;
        return IDENTIFIER.test(s.name)
          ? `.${s.name}`
          : `['${s.name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
      })
      .join('')
  );
}

/** Parses a `$`-rooted data path in any spelling; `undefined` otherwise. */
export function anyDataPath(text: string): ReferencePath | undefined {
  const parsed = parseReferencePath(text);
  return parsed.ok && parsed.value.root.kind === 'input' ? parsed.value : undefined;
}

/** Parses a `$`-rooted data path that core prints back byte for byte; `undefined` otherwise. */
export function dataPath(text: string): ReferencePath | undefined {
  const parsed = parseReferencePath(text);
  if (!parsed.ok || parsed.value.root.kind !== 'input' || canonicalPath(parsed.value) !== text)
    return undefined;
  return parsed.value;
}

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

function accessor(path: ReferencePath, from: number): string {
  return path.segments
    .slice(from)
    .map((s) =>
      s.kind === 'index'
        ? `.at(${s.index})`
        : IDENTIFIER.test(s.name)
          ? `.${s.name}`
          : `[${JSON.stringify(s.name)}]`,
    )
    .join('');
}

/** A typed ref for a path text (`input.order.id`, `context.Execution.Id`), or `undefined` when none fits. */
export function printRef(text: string, scope: Scope, leaf: LeafType = 'unknown'): string | undefined {
  const parsed = parseReferencePath(text);
  if (!parsed.ok || canonicalPath(parsed.value) !== text) return undefined;
  const path = parsed.value;
  if (path.root.kind === 'input') {
    if (scope.data === undefined) return undefined;
    read(scope.data.shape, path.segments, leaf);
    scope.used.add(scope.data.name);
    return scope.data.name + accessor(path, 0);
  }
  if (path.root.kind !== 'context' || path.segments.some((s) => s.kind === 'index')) return undefined;
  const names = path.segments.map((s) => (s.kind === 'field' ? s.name : ''));
  const key = names.join('.');
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
    read(scope.item, path.segments.slice(3), leaf);
    scope.used.add('context');
    return `context${accessor(path, 0)}`;
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

/** Prints an intrinsic call as core does, to check a call round-trips before using the typed helpers. */
function printCall(call: IntrinsicCall): string {
  const args = call.args.map((arg, i) => printArg(arg, call.name === 'States.Format' && i === 0));
  return `${call.name}(${args.join(', ')})`;
}

function printArg(arg: IntrinsicArg, isFormatTemplate: boolean): string {
  switch (arg.kind) {
    case 'string': {
      const escaped = arg.value.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
      return `'${isFormatTemplate ? escaped : escaped.replaceAll('{', '\\{').replaceAll('}', '\\}')}'`;
    }
    case 'number':
    case 'boolean':
      return JSON.stringify(arg.value);
    case 'null':
      return 'null';
    case 'path':
      return arg.path;
    case 'call':
      return printCall(arg);
  }
}

/** `States.format(…)` and friends for an intrinsic text, or `undefined` when the typed helpers cannot say it. */
function printIntrinsic(
  text: string,
  scope: Scope,
  leaf: LeafType = 'unknown',
  declared?: Shape,
): string | undefined {
  const parsed = parseIntrinsic(text);
  if (!parsed.ok || printCall(parsed.value) !== text) return undefined;
  // Parsed JSON is any JSON value: declare what the definition reads of it, as a Task declares its output.
  const typeArgument =
    parsed.value.name === 'States.StringToJson' && declared !== undefined && !isEmpty(declared)
      ? `<${printType(declared)}>`
      : '';
  return callExpression(parsed.value, scope, leaf, typeArgument);
}

function callExpression(
  call: IntrinsicCall,
  scope: Scope,
  leaf: LeafType,
  typeArgument = '',
): string | undefined {
  const spec = INTRINSICS[call.name];
  if (spec === undefined || !fits(spec.returns, leaf)) return undefined;
  let args = call.args;
  if (call.name === 'States.JsonMerge') {
    // Core always emits the third argument, `false` (the only value AWS supports).
    const last = args[2];
    if (args.length !== 3 || last?.kind !== 'boolean' || last.value) return undefined;
    args = args.slice(0, 2);
  } else if (args.length < spec.args.length || (spec.rest === undefined && args.length > spec.args.length)) {
    return undefined;
  }
  if (call.name === 'States.Format' && args[0]?.kind === 'string' && args[0].templatePieces !== undefined)
    return undefined;
  const printed: string[] = [];
  for (const [i, arg] of args.entries()) {
    const slot = spec.args[i] ?? spec.rest ?? 'unknown';
    const text = argExpression(arg, slot, scope, call.name === 'States.Hash' && i === 1);
    if (text === undefined) return undefined;
    printed.push(text);
  }
  return `States.${spec.helper}${typeArgument}(${printed.join(', ')})`;
}

function argExpression(
  arg: IntrinsicArg,
  slot: LeafType,
  scope: Scope,
  isAlgorithm: boolean,
): string | undefined {
  switch (arg.kind) {
    case 'path':
      return isAlgorithm ? undefined : printRef(arg.path, scope, slot);
    case 'call':
      return isAlgorithm ? undefined : callExpression(arg, scope, slot);
    case 'string':
      if (isAlgorithm && !HASH_ALGORITHMS.has(arg.value)) return undefined;
      return slot === 'string' || slot === 'primitive' ? JSON.stringify(arg.value) : undefined;
    case 'number':
      return slot === 'number' || slot === 'primitive' ? JSON.stringify(arg.value) : undefined;
    case 'boolean':
      return slot === 'primitive' ? JSON.stringify(arg.value) : undefined;
    case 'null':
      return slot === 'primitive' ? 'null' : undefined;
  }
}

/** A `.$` value: a typed ref or intrinsic helper call, or `undefined`. */
export function printDynamic(
  text: string,
  scope: Scope,
  leaf: LeafType = 'unknown',
  declared?: Shape,
): string | undefined {
  return text.startsWith('States.')
    ? printIntrinsic(text, scope, leaf, declared)
    : printRef(text, scope, leaf);
}

/**
 * A payload template (Parameters, ResultSelector, ItemSelector) as the object a selector returns. An object
 * whose dynamic entries cannot be typed refs becomes `raw(…)` (emitted verbatim).
 */
export function printTemplate(
  template: { readonly [key: string]: JsonValue },
  scope: Scope,
  declared?: Shape,
): string {
  const entries: string[] = [];
  for (const key of Object.keys(template)) {
    const value = template[key] as JsonValue;
    if (key.endsWith('.$')) {
      const name = key.slice(0, -2);
      const text =
        typeof value === 'string' && name !== ''
          ? printDynamic(value, scope, 'unknown', declared?.fields.get(name))
          : undefined;
      if (text === undefined || Object.hasOwn(template, name)) return rawValue(template, declared);
      entries.push(`${propertyKey(name)}: ${text}`);
    } else if (isObject(value)) {
      entries.push(`${propertyKey(key)}: ${printTemplate(value, scope, declared?.fields.get(key))}`);
    } else {
      const text = hasDynamicKey(value) ? rawValue(value, declared?.fields.get(key)) : printJson(value);
      entries.push(`${propertyKey(key)}: ${text}`);
    }
  }
  return printList(entries, '{', '}');
}

/**
 * A template's fields as a typed object that a raw field of the same name replaces when built: what each entry
 * holds for the types, typed where it can be, `raw(…)` where it cannot. For a template that must stay raw but
 * whose shape the types need (ResultPath placing it, a task token inside it).
 */
export function printPlaceholder(
  template: { readonly [key: string]: JsonValue },
  scope: Scope,
  declared?: Shape,
): string {
  const entries = Object.keys(template).map((key) => {
    const value = template[key] as JsonValue;
    const name = key.endsWith('.$') ? key.slice(0, -2) : key;
    const need = declared?.fields.get(name);
    const typed =
      key === name
        ? isObject(value)
          ? printPlaceholder(value, scope, need)
          : undefined
        : typeof value === 'string'
          ? printDynamic(value, scope, 'unknown', need)
          : undefined;
    return `${propertyKey(name)}: ${typed ?? rawValue(value, need)}`;
  });
  return printList(entries, '{', '}');
}

/** `raw(…)`: verbatim ASL, declared to hold what the definition reads of it (when anything). */
function rawValue(value: JsonValue, declared?: Shape): string {
  const type = declared === undefined || isEmpty(declared) ? '' : `<${printType(declared)}>`;
  return `raw${type}(${printJson(value)})`;
}

/** A selector arrow function over the roots a printed body used. */
export function selector(body: string, scope: Scope): string {
  const roots = ['input', 'result', 'context'].filter((root) => scope.used.has(root));
  const wrapped = body.startsWith('{') ? `(${body})` : body;
  return `(${roots.length === 0 ? '' : `{ ${roots.join(', ')} }`}) => ${wrapped}`;
}
