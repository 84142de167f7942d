import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleLookup, type Lookup, loadTsxCache, tsxLookup } from './source-map.js';

/** The parts of a V8 `.cpuprofile` we read. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    /** Samples per 1-based line of the generated code. */
    readonly positionTicks?: readonly { readonly line: number; readonly ticks: number }[];
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
      readonly columnNumber: number;
    };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time of one function (or one file), in ms and as a share of the whole profile. */
export interface HotSpot {
  readonly name: string;
  readonly selfMs: number;
  readonly percent: number;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

const where = (url: string): string => {
  if (url === '') return '(native)';
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const pnpm = file.lastIndexOf('/node_modules/');
  return pnpm >= 0 ? `node_modules/${file.slice(pnpm + 14)}` : path.relative(ROOT, file);
};

/** Self time per function and per file, highest first. */
export async function hotSpots(
  file: string,
): Promise<{ totalMs: number; functions: HotSpot[]; files: HotSpot[]; lines: HotSpot[] }> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const tsx = await loadTsxCache();
  const lookups = new Map<string, Lookup | undefined>();
  for (const url of new Set(profile.nodes.map((n) => n.callFrame.url))) {
    if (!url.startsWith('file://')) continue;
    const source = decodeURIComponent(new URL(url).pathname);
    const frames = profile.nodes.map((n) => n.callFrame).filter((f) => f.url === url);
    lookups.set(
      url,
      source.endsWith('.ts') ? tsxLookup(tsx.get(source) ?? [], frames) : await bundleLookup(source),
    );
  }
  const fn = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id);
    if (frame === undefined) return;
    total += us;
    const origin = lookups.get(frame.url)?.(frame.lineNumber, frame.columnNumber);
    const file = origin === undefined ? where(frame.url) : where(`file://${origin.source}`);
    const name = `${file}:${origin?.line ?? frame.lineNumber + 1} ${frame.functionName || '(anonymous)'}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    files.set(file, (files.get(file) ?? 0) + us);
  });
  // Line-level self time, from the sampler's per-line tick counts (a share of samples, scaled to the total).
  const lineTicks = new Map<string, number>();
  let ticks = 0;
  for (const node of profile.nodes) {
    for (const { line, ticks: count } of node.positionTicks ?? []) {
      const origin = lookups.get(node.callFrame.url)?.(line - 1, 0);
      const name =
        origin === undefined
          ? `${where(node.callFrame.url)}:${line} ${node.callFrame.functionName || '(anonymous)'}`
          : `${where(`file://${origin.source}`)}:${origin.line} ${node.callFrame.functionName || '(anonymous)'}`;
      lineTicks.set(name, (lineTicks.get(name) ?? 0) + count);
      ticks += count;
    }
  }
  const lineTable = new Map(
    [...lineTicks].map(([name, count]) => [name, (count / Math.max(1, ticks)) * total]),
  );
  const rank = (table: Map<string, number>): HotSpot[] =>
    [...table]
      .map(([name, us]) => ({ name, selfMs: us / 1000, percent: (100 * us) / total }))
      .sort((a, b) => b.selfMs - a.selfMs);
  return { totalMs: total / 1000, functions: rank(fn), files: rank(files), lines: rank(lineTable) };
}
