import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The parts of a source map we read. */
interface SourceMap {
  readonly mappings: string;
  readonly sources: readonly string[];
}

/** A tsx cache entry: one module's transform and its source map. */
export interface CacheEntry {
  readonly code: string;
  readonly map?: SourceMap;
}

/** Where a generated position comes from. */
export interface Origin {
  readonly source: string;
  readonly line: number;
}

/** A generated position (0-based line and column, as V8 reports them) → original file and 1-based line. */
export type Lookup = (line: number, column: number) => Origin | undefined;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Builds a lookup from a source map; `base` resolves its relative `sources`. */
export function mapLookup(map: SourceMap, base: string): Lookup {
  const lines: [number, number, number][][] = [];
  let source = 0;
  let sourceLine = 0;
  for (const lineText of map.mappings.split(';')) {
    const line: [number, number, number][] = [];
    let column = 0;
    for (const segment of lineText.split(',')) {
      if (segment === '') continue;
      const [dColumn = 0, dSource = 0, dLine = 0] = decodeVlq(segment);
      column += dColumn;
      source += dSource;
      sourceLine += dLine;
      line.push([column, source, sourceLine]);
    }
    lines.push(line);
  }
  const sources = map.sources.map((s) => path.resolve(base, s));
  return (line, column) => {
    const segments = lines[line] ?? [];
    // The segment covering the column, or the line's first one (a line-level tick has column 0, before any code).
    let found = segments[0];
    for (const segment of segments) {
      if (segment[0] > column) break;
      found = segment;
    }
    const file = found === undefined ? undefined : sources[found[1]];
    return found === undefined || file === undefined ? undefined : { source: file, line: found[2] + 1 };
  };
}

/** The source map esbuild wrote beside a bundle file, if any. */
export async function bundleLookup(file: string): Promise<Lookup | undefined> {
  try {
    const map = JSON.parse(await readFile(`${file}.map`, 'utf8')) as SourceMap;
    return mapLookup(map, path.dirname(file));
  } catch {
    return undefined;
  }
}

/**
 * Every cached tsx transform (`<tmpdir>/tsx-<uid>/`), by source file. tsx emits each module on one line, so a
 * profile of TypeScript run through tsx needs these maps to name lines.
 */
export async function loadTsxCache(): Promise<Map<string, CacheEntry[]>> {
  const dir = path.join(os.tmpdir(), `tsx-${os.userInfo().uid}`);
  const cache = new Map<string, CacheEntry[]>();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    try {
      const entry = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as CacheEntry;
      const source = entry.map?.sources[0];
      if (source !== undefined) cache.set(source, [...(cache.get(source) ?? []), entry]);
    } catch {
      // Not a transform entry.
    }
  }
  return cache;
}

/**
 * Picks the cached transform of a file that matches the profile (V8 reports a function at its parameter list,
 * right after its name, or `name=` for arrow functions) and returns its lookup.
 */
export function tsxLookup(
  entries: readonly CacheEntry[],
  frames: readonly { readonly functionName: string; readonly columnNumber: number }[],
): Lookup | undefined {
  const named = frames.filter((f) => /^[\w$]+$/.test(f.functionName) && f.functionName !== '__name');
  let best: { score: number; entry: CacheEntry } | undefined;
  for (const entry of entries) {
    const fitting = named.filter((f) =>
      entry.code
        .slice(Math.max(0, f.columnNumber - f.functionName.length - 2), f.columnNumber)
        .includes(f.functionName),
    );
    const score = named.length === 0 ? 0 : fitting.length / named.length;
    if (best === undefined || score > best.score) best = { score, entry };
  }
  return best?.entry.map === undefined ? undefined : mapLookup(best.entry.map, '/');
}
