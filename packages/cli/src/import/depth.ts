import { type JsonValue, pointerOf } from '@stepcraft/asl';
import { ImportError } from './errors.js';

/**
 * How deep a definition may nest (objects and arrays in objects and arrays) for `stepcraft import`: far beyond any
 * real workflow (the deepest of the 304 public definitions in the round-trip corpus nests 22), and shallow enough
 * that every step after it (reading into the IR, compiling, printing, building the printed code) is safe from
 * stack overflow. AWS states no nesting limit; its 1 MB definition quota allows far deeper documents, which get
 * a named ImportError here rather than a crash. (Constants nested deeper than TypeScript can compare are printed
 * as `raw(…)`, so the code still type-checks.)
 */
export const MAX_IMPORT_DEPTH = 200;

// The start of the path in the message: enough to find the place.
const SHOWN = 12;

/** Throws an `ImportError` naming the place where `document` nests deeper than `MAX_IMPORT_DEPTH` (iterative). */
export function checkDepth(document: JsonValue): void {
  const pending: { readonly value: JsonValue; readonly path: readonly (string | number)[] }[] = [
    { value: document, path: [] },
  ];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, path } = item;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_IMPORT_DEPTH) {
      throw new ImportError(
        `the definition nests deeper than ${MAX_IMPORT_DEPTH} levels at ${pointerOf(...path.slice(0, SHOWN))}/…; import reads definitions up to ${MAX_IMPORT_DEPTH} levels deep`,
      );
    }
    const keys: readonly (string | number)[] = Array.isArray(value)
      ? value.map((_, i) => i)
      : Object.keys(value);
    for (const key of keys) {
      const child = (value as Record<string | number, JsonValue>)[key] as JsonValue;
      pending.push({ value: child, path: [...path, key] });
    }
  }
}
