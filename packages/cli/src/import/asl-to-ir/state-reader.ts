import type { JsonObject, JsonValue, ReferencePath } from '@stepcraft/asl';
import type { QueryLanguage } from '@stepcraft/core/ir';
import { canonicalPath, type Roots, readPath } from '../paths.js';
import { isObject } from '../source-text.js';

/**
 * One ASL state being read into the IR. Each field the IR models is taken; the others, and those the IR holds in
 * another spelling, stay raw ASL (the node's `raw`, merged verbatim over what core emits), so the node compiles
 * back to the very same state.
 */
export interface StateReader {
  readonly name: string;
  readonly state: JsonObject;
  /** The state's query language: its own, else the document's (nested machines inherit the document's). */
  readonly language: QueryLanguage;
  /** The document's query language. */
  readonly documentLanguage: QueryLanguage;
  /** Where the state is, for messages: `['States', 'A', 'Branches', 0, 'States', 'B']`. */
  readonly at: readonly (string | number)[];
  /** The value of `key` (`undefined` when absent), now modelled by the IR. */
  take(key: string): JsonValue | undefined;
  /** Keeps `key` raw too: the IR holds its meaning, but core would spell it differently. */
  keepSpelling(key: string): void;
  /** The node's `raw`: the fields not taken and those kept for their spelling, in the document's order. */
  raw(): { readonly raw?: JsonObject };
}

/** A reader over `state`. */
export function stateReader(fields: Omit<StateReader, 'take' | 'keepSpelling' | 'raw'>): StateReader {
  const taken = new Set<string>(['Type']);
  const spelled = new Set<string>();
  return {
    ...fields,
    take(key) {
      if (!Object.hasOwn(fields.state, key)) return undefined;
      taken.add(key);
      return fields.state[key];
    },
    keepSpelling(key) {
      spelled.add(key);
    },
    raw() {
      const raw: JsonObject = {};
      let isEmpty = true;
      for (const key of Object.keys(fields.state)) {
        if (taken.has(key) && !spelled.has(key)) continue;
        Object.defineProperty(raw, key, { value: fields.state[key], enumerable: true, writable: true });
        isEmpty = false;
      }
      return isEmpty ? {} : { raw };
    },
  };
}

/** Whether the state is read as JSONPath (its JSONPath fields are modelled; a JSONata state's stay raw). */
export const isJsonPath = (r: StateReader): boolean => r.language === 'JSONPath';

/** Takes a string field. */
export function takeString(r: StateReader, key: string): string | undefined {
  const value = r.state[key];
  if (typeof value !== 'string' || !Object.hasOwn(r.state, key)) return undefined;
  r.take(key);
  return value;
}

/** Takes a number field. */
export function takeNumber(r: StateReader, key: string): number | undefined {
  const value = r.state[key];
  if (typeof value !== 'number' || !Object.hasOwn(r.state, key)) return undefined;
  r.take(key);
  return value;
}

/**
 * Takes a reference-path field (`null` too, where it means "nothing"), keeping its spelling raw when core prints it
 * otherwise (`$['a']` is `$.a`); a JSONPath query or another root stays raw.
 */
export function takePath(
  r: StateReader,
  key: string,
  roots: Roots,
  isNullable = false,
): ReferencePath | null | undefined {
  if (!Object.hasOwn(r.state, key)) return undefined;
  const value = r.state[key];
  if (value === null && isNullable) {
    r.take(key);
    return null;
  }
  const path = typeof value === 'string' ? readPath(value, roots) : undefined;
  if (path === undefined) return undefined;
  r.take(key);
  if (canonicalPath(path) !== value) r.keepSpelling(key);
  return path;
}

/** Takes an object field. */
export function takeObject(r: StateReader, key: string): JsonObject | undefined {
  const value = r.state[key];
  if (!isObject(value) || !Object.hasOwn(r.state, key)) return undefined;
  r.take(key);
  return value;
}
