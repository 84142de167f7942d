import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COVERAGE_KINDS, type CoverageItem, type CoverageKind } from './model.js';
import type { CoverageRecord } from './record.js';

/** What a test run covered of one workflow (all its definitions merged, e.g. its JSONPath and JSONata forms). */
export interface WorkflowCoverage {
  readonly name: string;
  readonly items: readonly CoverageItem[];
  readonly covered: ReadonlySet<string>;
  readonly runs: number;
}

/** Covered and total items of one kind (or of all kinds). */
export interface Ratio {
  readonly covered: number;
  readonly total: number;
}

/** The name of each kind in thresholds and in the JSON summary. */
export const COVERAGE_KEYS = {
  state: 'states',
  transition: 'transitions',
  choice: 'choiceRules',
  retry: 'retries',
  catch: 'catches',
} as const satisfies Record<CoverageKind, string>;

/** A key of a threshold or summary: a kind's name, or `total` (all items together). */
export type CoverageKey = (typeof COVERAGE_KEYS)[CoverageKind] | 'total';

/** Minimum percentages: one number for every kind and the total, or per key (`{ states: 100, choiceRules: 80 }`). */
export type CoverageThreshold = number | Partial<Record<CoverageKey, number>>;

const LABELS: Readonly<Record<CoverageKind, string>> = {
  state: 'states',
  transition: 'transitions',
  choice: 'choice rules',
  retry: 'retries',
  catch: 'catches',
};

/**
 * Merges the records of every worker, by workflow name; only runs from test files `include` accepts count
 * (every run when it is undefined).
 */
export function mergeRecords(
  records: Iterable<CoverageRecord>,
  include?: (file: string | undefined) => boolean,
): WorkflowCoverage[] {
  const names = new Map<string, string>();
  const byName = new Map<string, { items: Map<string, CoverageItem>; covered: Set<string>; runs: number }>();
  const runs: Extract<CoverageRecord, { type: 'run' }>[] = [];
  for (const record of records) {
    if (record.type === 'run') {
      runs.push(record);
      continue;
    }
    names.set(record.id, record.name);
    let entry = byName.get(record.name);
    if (entry === undefined) {
      entry = { items: new Map(), covered: new Set(), runs: 0 };
      byName.set(record.name, entry);
    }
    for (const item of record.items) {
      if (COVERAGE_KINDS.includes(item.kind as CoverageKind))
        entry.items.set(item.id, { ...item, kind: item.kind as CoverageKind });
    }
  }
  const used = new Set<string>();
  for (const run of runs) {
    const name = names.get(run.id);
    const entry = name === undefined ? undefined : byName.get(name);
    if (name === undefined || entry === undefined || (include !== undefined && !include(run.file))) continue;
    used.add(name);
    entry.runs++;
    for (const id of run.covered) entry.covered.add(id);
  }
  return [...byName]
    .filter(([name]) => used.has(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entry]) => ({
      name,
      items: [...entry.items.values()],
      covered: new Set([...entry.covered].filter((id) => entry.items.has(id))),
      runs: entry.runs,
    }));
}

/** Reads every `*.jsonl` coverage file of a directory (lines that are not records are skipped). */
export function readRecords(dir: string): CoverageRecord[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  } catch {
    return [];
  }
  const out: CoverageRecord[] = [];
  for (const file of files.sort()) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        out.push(JSON.parse(line) as CoverageRecord);
      } catch {
        // A worker killed mid-write leaves a partial last line.
      }
    }
  }
  return out;
}

/** Covered/total per kind and in total. */
export function ratios(coverage: WorkflowCoverage): Record<CoverageKind | 'total', Ratio> {
  const out = { total: { covered: 0, total: 0 } } as Record<CoverageKind | 'total', Ratio>;
  for (const kind of COVERAGE_KINDS) {
    const items = coverage.items.filter((i) => i.kind === kind);
    out[kind] = { covered: items.filter((i) => coverage.covered.has(i.id)).length, total: items.length };
  }
  out.total = {
    covered: coverage.items.filter((i) => coverage.covered.has(i.id)).length,
    total: coverage.items.length,
  };
  return out;
}

const percent = (r: Ratio): number => (r.total === 0 ? 100 : (100 * r.covered) / r.total);
const cell = (r: Ratio): string =>
  r.total === 0 ? '-' : `${r.covered}/${r.total} ${percent(r).toFixed(percent(r) % 1 === 0 ? 0 : 1)}%`;

/** A plain-text table, one row per workflow, then the items each workflow never exercised. */
export function formatCoverage(workflows: readonly WorkflowCoverage[]): string {
  const header = ['workflow', ...COVERAGE_KINDS.map((k) => LABELS[k]), 'total', 'runs'];
  const rows = workflows.map((w) => {
    const r = ratios(w);
    return [w.name, ...COVERAGE_KINDS.map((k) => cell(r[k])), cell(r.total), String(w.runs)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  const out = [
    'Stepcraft workflow coverage',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  for (const w of workflows) {
    const missed = w.items.filter((i) => !w.covered.has(i.id));
    if (missed.length === 0) continue;
    out.push('', `${w.name}: not covered`);
    for (const kind of COVERAGE_KINDS) {
      const labels = missed.filter((i) => i.kind === kind).map((i) => i.label);
      if (labels.length > 0) out.push(`  ${LABELS[kind]}: ${labels.join('; ')}`);
    }
  }
  return out.join('\n');
}

/** The JSON written to `coverage/stepcraft.json`. */
export function coverageJson(workflows: readonly WorkflowCoverage[]): unknown {
  return {
    format: 'stepcraft.coverage/1',
    workflows: workflows.map((w) => {
      const r = ratios(w);
      return {
        name: w.name,
        runs: w.runs,
        summary: Object.fromEntries(
          (['total', ...COVERAGE_KINDS] as const).map((k) => [
            k === 'total' ? k : COVERAGE_KEYS[k],
            { ...r[k], percent: Number(percent(r[k]).toFixed(2)) },
          ]),
        ),
        items: w.items.map((i) => ({
          kind: i.kind,
          state: i.state,
          label: i.label,
          covered: w.covered.has(i.id),
        })),
      };
    }),
  };
}

/** One message per workflow and kind below the threshold. */
export function thresholdFailures(
  workflows: readonly WorkflowCoverage[],
  threshold: CoverageThreshold,
): string[] {
  const out: string[] = [];
  for (const w of workflows) {
    const r = ratios(w);
    for (const kind of ['total', ...COVERAGE_KINDS] as const) {
      const limit =
        typeof threshold === 'number' ? threshold : threshold[kind === 'total' ? kind : COVERAGE_KEYS[kind]];
      if (limit === undefined || r[kind].total === 0) continue;
      const value = percent(r[kind]);
      if (value < limit) {
        out.push(
          `${w.name}: ${kind === 'total' ? 'total' : LABELS[kind]} coverage ${value.toFixed(1)}% is below the threshold ${limit}%`,
        );
      }
    }
  }
  return out;
}
