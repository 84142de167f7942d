/**
 * `pnpm bench`: Stepcraft against its peers, same work, one process per measurement.
 *   --quick             reduced sizes (a smoke test: asserts correctness, nothing about speed)
 *   --only <text>       only scenarios whose `group/key` contains the text (e.g. `runner/`, `validate-20`, `typecheck`)
 *   --profile <g/key>   CPU-profile the timed runs of one scenario (`:peer` for the peer) and print the top self-time functions
 *   --source            run Stepcraft's TypeScript through tsx instead of the esbuild bundle (see lib/stepcraft.ts)
 * Writes bench/results/latest.json and prints Markdown tables.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compilePlans } from './cases/compile.js';
import { runnerPlans } from './cases/runner.js';
import { type EditorLatency, editorLatency, type TypecheckResult, typecheck } from './cases/typecheck.js';
import { validatePlans } from './cases/validate.js';
import type { ScenarioPlan } from './lib/case.js';
import { hotSpots } from './lib/cpu-profile.js';
import { machine } from './lib/machine.js';
import {
  type BenchResults,
  compare,
  type ImplResult,
  implResult,
  markdown,
  type ScenarioResult,
} from './lib/report.js';
import { runChild } from './lib/spawn.js';
import { summarize } from './lib/stats.js';
import { buildStepcraft, DIST_ENV } from './lib/stepcraft.js';

const RESULTS = path.resolve(import.meta.dirname, 'results');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes('--quick');
const only = option('--only');
const profile = option('--profile');
const fromSource = args.includes('--source');

/** Bundles Stepcraft for the children unless `--source`; returns how Stepcraft is loaded, for the notes. */
async function prepareStepcraft(): Promise<string> {
  if (fromSource) return 'Stepcraft runs from its TypeScript sources through tsx (`--source`).';
  try {
    await buildStepcraft();
    process.env[DIST_ENV] = '1';
    return 'Stepcraft runs as an esbuild bundle of its sources (bench/generated/dist), as a published build would; `--source` runs it through tsx, whose keepNames transform costs ~10% on closure-heavy paths.';
  } catch (e) {
    return `Stepcraft runs from source through tsx: the esbuild bundle failed (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`;
  }
}

/** `compile` + `stringifyAsl` are written by another helper; until they exist the compile group reports "not available". */
async function coreReady(): Promise<boolean> {
  try {
    const core: Record<string, unknown> = await import('@stepcraft/core');
    return typeof core.compile === 'function' && typeof core.stringifyAsl === 'function';
  } catch {
    return false;
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function measureScenario(scenario: ScenarioPlan): Promise<ScenarioResult> {
  const impls: ImplResult[] = [];
  for (const plan of scenario.impls) {
    const started = performance.now();
    const report = await runChild({ group: scenario.group, key: scenario.key, plan });
    const result = implResult(plan, report);
    impls.push(result);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      report.ok
        ? `  ${plan.impl.padEnd(9)} size ${report.size}${report.reduced ? ' (reduced)' : ''}: median ${result.summary?.median.toFixed(2)} ms over ${report.samples.length} runs (${seconds} s)`
        : `  ${plan.impl.padEnd(9)} FAILED: ${report.error}`,
    );
  }
  return compare(scenario, impls);
}

async function typecheckGroup(): Promise<{
  results: TypecheckResult[];
  editor: EditorLatency[];
  notes: string[];
}> {
  const n = quick ? 20 : 500;
  const runs = quick ? 1 : 3;
  const results: TypecheckResult[] = [];
  for (const flavour of ['stepcraft', 'cdk'] as const) {
    for (const states of quick ? [n] : [1, n]) {
      log(`typecheck ${flavour} ${states} states`);
      results.push(await typecheck(flavour, states, runs));
    }
  }
  const pick = (flavour: string, states: number) =>
    results.find((r) => r.flavour === flavour && r.states === states);
  const ours = pick('stepcraft', n);
  const theirs = pick('cdk', n);
  const notes: string[] = [];
  if (ours !== undefined && theirs !== undefined) {
    const ratio = theirs.total.median / ours.total.median;
    notes.push(
      `Type-check of the ${n}-state workflow: Stepcraft ${ours.total.median.toFixed(0)} ms vs CDK ${theirs.total.median.toFixed(0)} ms total (CDK/Stepcraft ${ratio.toFixed(2)}; target ≥ 1: ${ratio >= 1 ? '✓ met' : '✗ missed'}).`,
    );
    const base = (flavour: string) => pick(flavour, 1)?.check.median;
    const ourBase = base('stepcraft');
    const theirBase = base('cdk');
    if (ourBase !== undefined && theirBase !== undefined) {
      notes.push(
        `Check time the ${n} states add over a 1-state file: Stepcraft ${(ours.check.median - ourBase).toFixed(0)} ms, CDK ${(theirs.check.median - theirBase).toFixed(0)} ms. Stepcraft resolves to its .ts sources (checked, no skipLibCheck), CDK to .d.ts (skipLibCheck: parse cost only).`,
      );
    }
  }
  const editor: EditorLatency[] = [];
  for (const flavour of ['stepcraft', 'cdk'] as const) {
    log(`editor completion ${flavour} ${n} states`);
    editor.push(await editorLatency(flavour, n, quick ? 1 : 5));
  }
  for (const e of editor) {
    if (e.errors !== undefined) notes.push(`✗ editor completion on ${e.flavour}-${e.states}.ts: ${e.errors}`);
  }
  for (const r of results) {
    if (r.errors !== undefined) notes.push(`✗ ${r.flavour}-${r.states}.ts has type errors: ${r.errors}`);
    if (r.sourceErrors !== undefined)
      notes.push(
        `${r.flavour}-${r.states}: tsc also reported ${r.sourceErrors} type errors in library sources (not the benchmark file).`,
      );
  }
  return { results, editor, notes };
}

const NOTES = [
  '† measured on a smaller size: one run at full size was estimated (from a small warm probe) to take over 60 s; rates are per second so they still compare, memory does not.',
  'Runner: Stepcraft `run()` validates a definition on its first execution and caches the result per definition object (so warm runs skip it); the peer is constructed (untimed) with `noValidate` and only `run()` is timed. Both record history: Stepcraft `recordHistory` (default) with `maxHistoryEvents`/`maxTransitions` raised; the peer always queues its event log (read back untimed to count it, below 50,000 transitions).',
  'aws-local-stepfunctions declares Node ≥ 22; on Node 20 `Promise.withResolvers` is polyfilled (bench/lib/polyfill.ts). Its Map fails `"v.$": "$"` on primitive items, so Map items are objects.',
  'Both runners must return the expected output (checked on the first run at each size, before timing); same-size outputs are also compared by digest.',
  'Compile: the same Pass chain (Parameters + ResultPath); timed = Stepcraft `compile` + `stringifyAsl` vs CDK `new StateGraph` + `ChainDefinitionBody.bind` + `stack.resolve` (what `StateMachine` + synth do for the definition, without IAM and CloudFormation); "Build + render" also times creating the states. CDK needs `--stack-size=7000` at 5,000 states (`State.bindToGraph` recurses per state). Outputs compared as canonical JSON.',
  'Validate: both with default options (ARN and path checks on), each run on a fresh `structuredClone` made untimed (asl-validator writes `QueryLanguage` into the states); both must accept the definition.',
];

async function runProfile(target: string): Promise<void> {
  const [group, key, implName] = target.split(/[/:]/);
  const plans = [...runnerPlans(quick), ...compilePlans(quick, true), ...validatePlans(quick)];
  const scenario = plans.find((p) => p.group === group && p.key === key);
  const plan = scenario?.impls.find((i) => i.impl === (implName ?? 'stepcraft'));
  if (scenario === undefined || plan === undefined) {
    log(`No scenario ${target}; try one of: ${plans.map((p) => `${p.group}/${p.key}`).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  log(await prepareStepcraft());
  const dir = path.join(RESULTS, 'profiles');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${group}-${key}-${plan.impl}.cpuprofile`);
  const report = await runChild({
    group: scenario.group,
    key: scenario.key,
    plan: { ...plan, budgetMs: 10_000 },
    profile: file,
  });
  if (!report.ok) throw new Error(report.error);
  const { totalMs, functions, files, lines } = await hotSpots(file);
  const row = (h: { name: string; selfMs: number; percent: number }) =>
    `${h.percent.toFixed(1).padStart(5)}%  ${h.selfMs.toFixed(0).padStart(7)} ms  ${h.name}`;
  console.log(
    `Profile of ${target} at size ${report.size}: ${report.samples.length} timed runs, median ${summarize(report.samples).median.toFixed(1)} ms; ${totalMs.toFixed(0)} ms sampled (${path.relative(process.cwd(), file)})`,
  );
  console.log('\nTop self time by function:');
  for (const h of functions.slice(0, 30)) console.log(row(h));
  console.log('\nTop self time by source line (JS lines only; GC and native work have no line):');
  for (const h of lines.slice(0, 25)) console.log(row(h));
  console.log('\nSelf time by file:');
  for (const h of files.slice(0, 20)) console.log(row(h));
}

async function main(): Promise<void> {
  if (profile !== undefined) return runProfile(profile);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const host = machine();
  const ready = await coreReady();
  const loading = await prepareStepcraft();
  const selected = (id: string) => only === undefined || id.includes(only);
  const plans = [...runnerPlans(quick), ...compilePlans(quick, ready), ...validatePlans(quick)].filter((p) =>
    selected(`${p.group}/${p.key}`),
  );
  const scenarios: ScenarioResult[] = [];
  for (const scenario of plans) {
    log(`${scenario.group}/${scenario.key}: ${scenario.title}`);
    scenarios.push(await measureScenario(scenario));
  }
  const typed = selected('typecheck/') ? await typecheckGroup() : { results: [], editor: [], notes: [] };
  const results: BenchResults = {
    startedAt,
    wallSeconds: (performance.now() - started) / 1000,
    quick,
    machine: host,
    scenarios,
    typecheck: typed.results,
    editor: typed.editor,
    notes: [
      loading,
      ...NOTES,
      ...(ready ? [] : ['Compile: Stepcraft compile not available yet.']),
      ...typed.notes,
    ],
  };
  await mkdir(RESULTS, { recursive: true });
  await writeFile(path.join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(markdown(results));
  log(`Results written to ${path.relative(process.cwd(), path.join(RESULTS, 'latest.json'))}`);
  const broken =
    scenarios.some((s) => s.impls.some((i) => !i.report.ok) || s.outputs === 'differs') ||
    typed.results.some((r) => r.errors !== undefined);
  if (broken) process.exitCode = 1;
}

await main();
