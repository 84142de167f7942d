import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { setField } from '../io/json.js';
import { jsonata } from './library.js';
import { viewTarget } from './own-view.js';
import { ESCAPE_KEY, escapeComputedKey, escapeKey, plainJson, unescapeKey } from './plain-keys.js';

/*
 * jsonata's own `$merge`, `$spread`, `$keys`, `$lookup` and `$string` copy keys with `for…in` and `obj[key] = …`,
 * so a `__proto__` key of workflow data would set a prototype (or trip the read-only data view). These replacements
 * read own keys only and write escaped keys (see plain-keys.ts), with jsonata's results otherwise.
 * @see https://docs.jsonata.org/object-functions
 */

type Arg = JsonValue | undefined;

/** A key as jsonata-built objects hold it: keys of data views are raw, keys of built objects already escaped. */
function builtKey(owner: object, key: string): string {
  return viewTarget(owner) === undefined ? key : escapeKey(key);
}

function isObjectValue(value: Arg): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSequence<T>(items: T[]): T[] {
  Object.defineProperty(items, 'sequence', { value: true });
  return items;
}

/** `$merge(objects)`: later keys win. */
function merge(arg: Arg): JsonObject | undefined {
  if (arg === undefined) return undefined;
  const merged: JsonObject = {};
  for (const item of Array.isArray(arg) ? arg : [arg]) {
    if (!isObjectValue(item)) continue;
    for (const key of Object.keys(item)) setField(merged, builtKey(item, key), item[key] as JsonValue);
  }
  return merged;
}

/** `$spread(object)`: one single-key object per key (arrays are spread item by item). */
function spread(arg: Arg): Arg {
  if (Array.isArray(arg)) return asSequence(arg.flatMap((item) => toArray(spread(item))));
  if (!isObjectValue(arg)) return arg;
  return asSequence(
    Object.keys(arg).map((key) => {
      const single: JsonObject = {};
      setField(single, builtKey(arg, key), arg[key] as JsonValue);
      return single;
    }),
  );
}

function toArray(value: Arg): JsonValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** `$keys(object)`: the data keys (of every object in an array, each once). */
function keys(arg: Arg): string[] | undefined {
  const found = new Set<string>();
  for (const item of Array.isArray(arg) ? arg : [arg]) {
    if (isObjectValue(item)) for (const key of Object.keys(item)) found.add(unescapeKey(key));
  }
  return found.size === 0 ? undefined : asSequence([...found]);
}

/** `$lookup(object, key)`: an own value only (in every object of an array). */
function lookup(arg: Arg, key: Arg): Arg {
  if (typeof key !== 'string') return undefined;
  if (Array.isArray(arg)) {
    const found = arg.flatMap((item) => toArray(lookup(item, key)));
    return found.length === 0 ? undefined : asSequence(found);
  }
  if (!isObjectValue(arg)) return undefined;
  // Data views hold raw keys; objects jsonata built hold escaped ones.
  const name = viewTarget(arg) === undefined ? escapeKey(key) : key;
  return Object.hasOwn(arg, name) ? arg[name] : undefined;
}

/** jsonata's native-function shape: with the built-in's parsed signature, arguments are checked and defaulted to the context as jsonata does. */
interface NativeFunction {
  readonly _jsonata_function: true;
  readonly implementation: (this: unknown, ...args: Arg[]) => unknown;
  readonly signature?: unknown;
}

const REPLACED = ['merge', 'spread', 'keys', 'lookup', 'string'] as const;

let bindings: Promise<Readonly<Record<string, unknown>>> | undefined;

/**
 * The replacements above (each with the signature of the built-in it replaces), and the key-escaping function
 * object constructors call, for an evaluation's bindings. Built once.
 */
export function keyFunctionBindings(): Promise<Readonly<Record<string, unknown>>> {
  bindings ??= (async () => {
    const builtIns = (await jsonata(`[${REPLACED.map((name) => `$${name}`).join(', ')}]`).evaluate(
      null,
    )) as NativeFunction[];
    const [builtInMerge, builtInSpread, builtInKeys, builtInLookup, builtInString] = builtIns as [
      NativeFunction,
      NativeFunction,
      NativeFunction,
      NativeFunction,
      NativeFunction,
    ];
    const replace = (builtIn: NativeFunction, implementation: NativeFunction['implementation']) => ({
      _jsonata_function: true,
      implementation,
      signature: builtIn.signature,
    });
    return Object.freeze({
      merge: replace(builtInMerge, merge as NativeFunction['implementation']),
      spread: replace(builtInSpread, spread as NativeFunction['implementation']),
      keys: replace(builtInKeys, keys as NativeFunction['implementation']),
      lookup: replace(builtInLookup, lookup as NativeFunction['implementation']),
      // jsonata's own, over the plain value, so escaped keys print as the keys they are.
      string: replace(builtInString, function (this: unknown, value, prettify) {
        const plain = value !== null && typeof value === 'object' ? plainJson(value) : value;
        return builtInString.implementation.call(this, plain, prettify);
      }),
      [ESCAPE_KEY]: escapeComputedKey,
    });
  })();
  return bindings;
}
