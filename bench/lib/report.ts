import type { EditorLatency, TypecheckResult } from '../cases/typecheck.js';
import type { ImplPlan, ScenarioPlan } from './case.js';
import type { Machine } from './machine.js';
import type { ChildReport } from './protocol.js';
import { type Summary, summarize } from './stats.js';

/** One implementation's measurement of a scenario. */
export interface ImplResult {
  readonly plan: ImplPlan;
  readonly report: ChildReport;
  readonly summary?: Summary;
  /** Work units (transitions or ops) per second at the median. */
  readonly rate?: number;
}

/** A scenario with both sides measured and compared. */
export interface ScenarioResult {
  readonly scenario: ScenarioPlan;
  readonly impls: readonly ImplResult[];
  /** Stepcraft's rate over the peer's (how many times faster Stepcraft is). */
  readonly ratio?: number;
  /**
   * The same ratio from each side's fastest run: on a loaded machine the median carries the other processes' load,
   * the minimum is the closest to the work itself (the verdict still uses the median).
   */
  readonly minRatio?: number;
  /** `same`, `differs`, or why the outputs were not compared by digest. */
  readonly outputs: string;
  readonly verdict: string;
}

/** Everything one `pnpm bench` measured; written to `bench/results/latest.json`. */
export interface BenchResults {
  readonly startedAt: string;
  readonly wallSeconds: number;
  readonly quick: boolean;
  readonly machine: Machine;
  readonly scenarios: readonly ScenarioResult[];
  readonly typecheck: readonly TypecheckResult[];
  /** Completion at the end of the chain through the language service. */
  readonly editor: readonly EditorLatency[];
  readonly notes: readonly string[];
}

const MB = 2 ** 20;
const MEMORY_TARGET_MB = 500;

/** Summarizes one child's report. */
export function implResult(plan: ImplPlan, report: ChildReport): ImplResult {
  if (!report.ok) return { plan, report };
  const summary = summarize(report.samples);
  return { plan, report, summary, rate: report.work / (summary.median / 1000) };
}

/** Compares the implementations of a scenario against each other and against its target. */
export function compare(scenario: ScenarioPlan, impls: readonly ImplResult[]): ScenarioResult {
  const ours = impls.find((i) => i.plan.impl === 'stepcraft');
  const theirs = impls.find((i) => i.plan.impl === 'peer');
  const failed = impls.filter((i) => !i.report.ok);
  if (failed.length > 0 || ours === undefined) {
    return {
      scenario,
      impls,
      outputs: 'n/a',
      verdict: failed.length > 0 ? `failed: ${failed.map((f) => f.plan.impl).join(', ')}` : 'not available',
    };
  }
  if (theirs === undefined) {
    const peak = ours.report.ok ? ours.report.peakRss / MB : Number.NaN;
    return {
      scenario,
      impls,
      outputs: 'checked against the expected output',
      verdict:
        peak < MEMORY_TARGET_MB
          ? `✓ peak RSS ${peak.toFixed(0)} MB < ${MEMORY_TARGET_MB} MB`
          : `✗ peak RSS ${peak.toFixed(0)} MB ≥ ${MEMORY_TARGET_MB} MB`,
    };
  }
  const [a, b] = [ours.report, theirs.report];
  if (!a.ok || !b.ok) return { scenario, impls, outputs: 'n/a', verdict: 'failed' };
  const outputs =
    a.size !== b.size
      ? 'each checked against the expected output (peer on a smaller size)'
      : a.digest === b.digest
        ? 'same'
        : 'differs';
  if (outputs === 'differs') return { scenario, impls, outputs, verdict: '✗ outputs differ: no ratio' };
  const ratio = (ours.rate ?? Number.NaN) / (theirs.rate ?? Number.NaN);
  const fastest = (result: ImplResult) =>
    (result.report.ok ? result.report.work : Number.NaN) / (result.summary?.min ?? Number.NaN);
  const minRatio = fastest(ours) / fastest(theirs);
  const target = scenario.target;
  const verdict =
    target === undefined ? '' : ratio >= target.ratio ? `✓ ≥ ${target.ratio}×` : `✗ < ${target.ratio}×`;
  return { scenario, impls, ratio, minRatio, outputs, verdict };
}

const sig = (value: number, digits = 3) =>
  value >= 10 ** digits
    ? Math.round(value).toLocaleString('en-US')
    : Number(value.toPrecision(digits)).toString();

const ms = (value: number) => (value >= 1000 ? `${sig(value / 1000)} s` : `${sig(value)} ms`);

const rate = (value: number, unit: string) =>
  value >= 1e6
    ? `${sig(value / 1e6)} M ${unit}`
    : value >= 1e3
      ? `${sig(value / 1e3)} k ${unit}`
      : `${sig(value)} ${unit}`;

function cells(result: ImplResult | undefined, unit: string): string[] {
  if (result === undefined) return ['—', '—', '—'];
  const { report, summary } = result;
  if (!report.ok || summary === undefined)
    return [`failed: ${report.ok ? '' : report.error.split('\n')[0]}`, '', ''];
  const reduced = report.reduced ? ` (on ${report.size.toLocaleString('en-US')}†)` : '';
  return [
    `${ms(summary.median)} (${ms(summary.min)}–${ms(summary.max)}, n=${summary.n})${reduced}`,
    rate(result.rate ?? Number.NaN, unit),
    `${(report.peakRss / MB).toFixed(0)} MB / ${(report.retainedHeap / MB).toFixed(0)} MB`,
  ];
}

/** The Markdown tables of a run (what `pnpm bench` prints, ready for the README). */
export function markdown(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    `## Benchmarks${results.quick ? ' (quick smoke run: reduced sizes, figures not meaningful)' : ''}`,
    '',
    `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; load average ${m.loadAverage} at start; ${results.startedAt}; ${sig(results.wallSeconds)} s in all.`,
    'Median (min–max, n timed runs after warm-up), each implementation in its own fresh Node process. Peak RSS = the process high-water mark; heap kept = JS heap still in use after a GC while the result of one run (output + history) is alive, over the pre-run baseline.',
  ];
  const groups: readonly { group: ScenarioPlan['group']; title: string; peer: string; unit: string }[] = [
    {
      group: 'runner',
      title: 'Runner: `run()` vs aws-local-stepfunctions 3.0.0 (history recorded)',
      peer: 'aws-local-stepfunctions',
      unit: 'tr/s',
    },
    {
      group: 'compile',
      title: 'Compile: `compile` + `stringifyAsl` vs aws-cdk-lib 2.276.0 render',
      peer: 'CDK',
      unit: 'ops/s',
    },
    {
      group: 'validate',
      title: 'Validate: `validate` vs asl-validator 4.0.0',
      peer: 'asl-validator',
      unit: 'ops/s',
    },
  ];
  for (const g of groups) {
    const rows = results.scenarios.filter((s) => s.scenario.group === g.group);
    if (rows.length === 0) continue;
    lines.push(
      '',
      `### ${g.title}`,
      '',
      `| Scenario | Stepcraft median (min–max) | Stepcraft rate | Stepcraft peak RSS / heap kept | ${g.peer} median (min–max) | ${g.peer} rate | ${g.peer} peak RSS / heap kept | Stepcraft/${g.peer} (of the fastest runs) | Target |`,
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const row of rows) {
      const ours = cells(
        row.impls.find((i) => i.plan.impl === 'stepcraft'),
        g.unit,
      );
      const theirs = cells(
        row.impls.find((i) => i.plan.impl === 'peer'),
        g.unit,
      );
      const ratio =
        row.ratio === undefined
          ? '—'
          : `${sig(row.ratio)}×${row.minRatio === undefined ? '' : ` (${sig(row.minRatio)}×)`}`;
      lines.push(`| ${row.scenario.title} | ${[...ours, ...theirs, ratio, row.verdict].join(' | ')} |`);
    }
  }
  if (results.typecheck.length > 0) {
    lines.push(
      '',
      '### Type-check: typed workflow with `tsc` 7 (native) `--extendedDiagnostics`',
      '',
      '| Source | States | Total time (min–max) | Check time | Instantiations | Types | Memory | Files |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const t of results.typecheck) {
      const last = t.runs[t.runs.length - 1];
      lines.push(
        `| ${t.flavour === 'stepcraft' ? 'Stepcraft' : 'CDK'}${t.errors === undefined ? '' : ' (type errors!)'} | ${t.states} | ${ms(t.total.median)} (${ms(t.total.min)}–${ms(t.total.max)}) | ${ms(t.check.median)} | ${last?.instantiations.toLocaleString('en-US')} | ${last?.types.toLocaleString('en-US')} | ${((last?.memoryKb ?? 0) / 1024).toFixed(0)} MB | ${last?.files} |`,
      );
    }
  }
  if (results.editor.length > 0) {
    lines.push(
      '',
      `### Editor: completion after \`.\` at the end of the chain (TypeScript ${results.editor[0]?.typescript} language service)`,
      '',
      '| Source | States | First completion | Per keystroke, median (min–max) | Instantiations per keystroke | Entries |',
      '|---|---|---|---|---|---|',
    );
    for (const e of results.editor) {
      lines.push(
        `| ${e.flavour === 'stepcraft' ? 'Stepcraft' : 'CDK'}${e.errors === undefined ? '' : ' (no completion!)'} | ${e.states} | ${ms(e.coldMs)} | ${ms(e.keystroke.median)} (${ms(e.keystroke.min)}–${ms(e.keystroke.max)}) | ${e.keystrokeInstantiations.toLocaleString('en-US')} | ${e.entries} |`,
      );
    }
  }
  if (results.notes.length > 0) lines.push('', ...results.notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}
