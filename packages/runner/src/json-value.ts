import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { MAX_JSON_DEPTH } from './limits.js';

/** Sets `key` on `target` as plain data, even for `__proto__`. */
export function setKey(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Result of `copyJson`: a fresh JSON copy, or where and why the value is not JSON. */
export type JsonCheck =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly message: string };

/** One container being copied: its source, its copy, its keys (objects) and the next position. */
interface Frame {
  readonly source: object;
  readonly target: JsonValue[] | JsonObject;
  readonly keys: readonly string[] | undefined;
  readonly length: number;
  /** Where this container sits in its parent, for error paths. */
  readonly at: string | number;
  next: number;
}

/**
 * Copies an untrusted value (a handler's result, a callback's output, an execution input) into fresh JSON data, so
 * later mutation by its owner cannot reach the execution. Iterative, so depth costs no stack; never throws. Rejects,
 * naming the path: what JSON cannot hold (functions, symbols, bigints, `undefined`, non-finite numbers, class
 * instances such as Date or Map), cycles, nesting deeper than {@link MAX_JSON_DEPTH}, and values that throw when
 * read (getters, Proxy traps). The depth is Step Functions' own: it parses JSON with Jackson, whose
 * `StreamReadConstraints` refuse documents nested more than 1,000 levels deep (the default since Jackson 2.15).
 * @see https://github.com/FasterXML/jackson-core/wiki/StreamReadConstraints
 * @see https://github.com/FasterXML/jackson-core/pull/943
 */
export function copyJson(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonCheck {
  const flat = copyFlat(value);
  if (flat !== undefined) return { ok: true, value: flat };
  const frames: Frame[] = [];
  const open = new Set<object>();
  let root: JsonValue | undefined;
  let key: string | number = '';
  try {
    const first = leaf(value);
    if (first instanceof Problem) return failure(frames, undefined, first.text);
    if (first !== CONTAINER) return { ok: true, value: first };
    root = enter(value as object, '', frames, open, maxDepth);
    if (typeof root === 'string') return failure(frames, undefined, root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as Frame;
      if (frame.next === frame.length) {
        frames.pop();
        open.delete(frame.source);
        continue;
      }
      const index = frame.next++;
      key = frame.keys === undefined ? index : (frame.keys[index] as string);
      const item: unknown = (frame.source as Record<string | number, unknown>)[key];
      const copied = leaf(item);
      let out: JsonValue;
      if (copied === CONTAINER) {
        const nested = enter(item as object, key, frames, open, maxDepth);
        if (typeof nested === 'string') return failure(frames, key, nested);
        out = nested;
      } else if (copied instanceof Problem) {
        return failure(frames, key, copied.text);
      } else {
        out = copied;
      }
      if (Array.isArray(frame.target)) frame.target[index] = out;
      else setKey(frame.target, key as string, out);
    }
    return { ok: true, value: root };
  } catch (thrown) {
    return failure(
      frames,
      frames.length === 0 ? undefined : key,
      `could not be read: ${describeThrown(thrown)}`,
    );
  }
}

/**
 * The copy of a primitive, or of a plain object or array holding only primitives (most values a handler returns), in
 * one pass without the general walk's bookkeeping; undefined when the value needs the general walk (or is not JSON).
 */
export function copyFlat(value: unknown): JsonValue | undefined {
  if (typeof value !== 'object' || value === null) {
    const copied = leaf(value);
    return copied instanceof Problem || copied === CONTAINER ? undefined : copied;
  }
  try {
    if (Array.isArray(value)) {
      const out: JsonValue[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = leaf(value[i]);
        if (item instanceof Problem || item === CONTAINER) return undefined;
        out[i] = item;
      }
      return out;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
    const out: JsonObject = {};
    for (const key in value) {
      if (!Object.hasOwn(value, key)) return undefined;
      const item = leaf((value as Record<string, unknown>)[key]);
      if (item instanceof Problem || item === CONTAINER) return undefined;
      setKey(out, key, item);
    }
    return out;
  } catch {
    // A getter or trap that throws: the general walk reports it with its path.
    return undefined;
  }
}

/** Marks a value that is a container, to open. */
const CONTAINER: unique symbol = Symbol('container');

/** Why a value is not JSON. */
class Problem {
  constructor(readonly text: string) {}
}

/** A primitive's copy, `CONTAINER` for an object or array, or the problem with the value. */
function leaf(v: unknown): string | number | boolean | null | typeof CONTAINER | Problem {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : new Problem(`is ${String(v)}, which JSON cannot represent`);
    case 'object':
      return v === null ? null : CONTAINER;
    default:
      return new Problem(
        `is ${v === undefined ? 'undefined' : `a ${typeof v}`}, which JSON cannot represent`,
      );
  }
}

/** Opens a container: pushes its frame and returns its (empty) copy, or a problem text. */
function enter(
  source: object,
  at: string | number,
  frames: Frame[],
  open: Set<object>,
  maxDepth: number,
): JsonValue[] | JsonObject | string {
  if (open.has(source)) return 'is a circular reference';
  if (frames.length >= maxDepth)
    return `is nested deeper than ${maxDepth.toLocaleString('en-US')} levels, the most AWS's JSON parser accepts`;
  let target: JsonValue[] | JsonObject;
  let keys: readonly string[] | undefined;
  let length: number;
  if (Array.isArray(source)) {
    length = source.length;
    target = new Array(length);
  } else {
    const proto: unknown = Object.getPrototypeOf(source);
    if (proto !== Object.prototype && proto !== null) {
      const kind = (source as { constructor?: { name?: unknown } }).constructor?.name;
      return `is a ${typeof kind === 'string' && kind !== '' ? kind : 'class instance'}, not a plain object (convert it, e.g. a Date with toISOString())`;
    }
    keys = Object.keys(source);
    length = keys.length;
    target = {};
  }
  open.add(source);
  frames.push({ source, target, keys, length, at, next: 0 });
  return target;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `$.a[0].b`, shortened in the middle when very deep. */
function pathOf(frames: readonly Frame[], last: string | number | undefined): string {
  const keys: (string | number)[] = [];
  for (let i = 1; i < frames.length; i++) keys.push((frames[i] as Frame).at);
  if (last !== undefined) keys.push(last);
  const text = (key: string | number) =>
    typeof key === 'number' ? `[${key}]` : IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  if (keys.length <= 12) return `$${keys.map(text).join('')}`;
  return `$${keys.slice(0, 5).map(text).join('')}…${keys.slice(-5).map(text).join('')}`;
}

function failure(frames: readonly Frame[], last: string | number | undefined, problem: string): JsonCheck {
  return { ok: false, message: `${pathOf(frames, last)} ${problem}` };
}

/**
 * Text for anything thrown, without ever throwing itself: an Error's name and message when they read as strings,
 * a string as is, `String(value)` otherwise; a value whose conversion throws is described by its type.
 */
export function describeThrown(thrown: unknown): string {
  try {
    if (typeof thrown === 'string') return thrown;
    if (thrown instanceof Error) {
      const name = safeString(() => thrown.name) ?? 'Error';
      const message = safeString(() => thrown.message) ?? '';
      return message === '' ? name : `${name}: ${message}`;
    }
  } catch {
    // A Proxy whose getPrototypeOf trap throws fails `instanceof`: fall through to String().
  }
  return safeString(() => String(thrown)) ?? `a ${typeof thrown} that cannot be shown`;
}

/** `read()` when it returns a string without throwing; otherwise undefined. */
export function safeString(read: () => unknown): string | undefined {
  try {
    const value = read();
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A fresh copy of JSON data (handlers get their own, so they cannot alter the execution's values). */
export function cloneJson(value: JsonValue): JsonValue {
  const flat = copyFlat(value);
  if (flat !== undefined) return flat;
  const copied = copyJson(value, Number.POSITIVE_INFINITY);
  return copied.ok ? copied.value : value;
}
