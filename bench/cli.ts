/**
 * `npx -y pnpm@10 bench:cli`: the built CLI as users start it (plain Node, `packages/cli/dist`), whole processes,
 * timed from spawn to exit, the variants of each row interleaved so that the machine's load hits them alike.
 *   - start-up: `validate` of one ASL file and `run` of a one-state ASL file, against `node -e 0`;
 *   - build: `stepcraft build examples` against a plain `tsc --noEmit` of the same files (those that import
 *     @stepcraft/core) with the same tsconfig.json and the same native tsc, the same tsc single-threaded, and with the
 *     garbage collection settings build gives it (as build runs it on two cores or fewer), and `build --no-typecheck`.
 *   --runs N          runs per variant (default 15 for start-up, 7 for build)
 *   --baseline BIN    also time another build of the CLI (e.g. main's dist/bin.js) on the same commands, for before/after
 * Writes bench/results/cli.json and prints a Markdown table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem, userInfo } from 'node:os';
import path from 'node:path';
import { tscEnvironment } from '../packages/cli/src/typecheck/typecheck.js';
import { machine } from './lib/machine.js';
import { type Summary, summarize } from './lib/stats.js';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Where build keeps what discovery found per file content (see packages/cli/src/discovery-cache.ts). */
const DISCOVERY_CACHE = path.join(tmpdir(), `stepcraft-${userInfo().uid}`, 'discovery');
const BIN = path.join(ROOT, 'packages/cli/dist/bin.js');
const runsOption = process.argv.indexOf('--runs');
const runs = (fallback: number) => (runsOption >= 0 ? Number(process.argv[runsOption + 1]) : fallback);
const baselineOption = process.argv.indexOf('--baseline');
const BASELINE = baselineOption >= 0 ? path.resolve(process.argv[baselineOption + 1] ?? '') : undefined;
/** The same command with the baseline CLI, under a `before:` label, when one is given. */
const before = (name: string, run: (bin: string) => number): Record<string, () => number> =>
  BASELINE === undefined ? {} : { [`before: ${name}`]: () => run(BASELINE) };

/** Wall time of one process, in milliseconds; throws if it fails. */
function time(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env });
  const elapsed = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** Each variant once per round, after one warm-up round. */
function interleave(variants: Record<string, () => number>, rounds: number): Record<string, Summary> {
  const samples: Record<string, number[]> = Object.fromEntries(
    Object.keys(variants).map((name) => [name, []]),
  );
  for (let round = 0; round <= rounds; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const ms = run();
      if (round > 0) samples[name]?.push(ms);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, summarize(values)]));
}

/** What build type-checks: the .ts files of the folder (not tests or declarations) that import @stepcraft/core. */
function candidates(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.(test|test-d|d)\.ts$/.test(entry.name),
    )
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}node_modules${path.sep}`))
    .filter((file) => readFileSync(file, 'utf8').includes('@stepcraft/core'))
    .sort();
}

/** The native tsc of TypeScript 7 (what build starts too). */
async function nativeTsc(): Promise<string> {
  const module: { default: () => string } = await import(
    path.join(ROOT, 'node_modules/typescript/lib/getExePath.js')
  );
  return module.default();
}

async function main(): Promise<void> {
  // `pnpm build`: the declarations, then the bundles.
  for (const step of [
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.build.json'],
    [path.join(ROOT, 'scripts/bundle.mjs')],
  ]) {
    const built = spawnSync(process.execPath, step, { cwd: ROOT });
    if (built.status !== 0) throw new Error(`the build failed: ${built.stdout}${built.stderr}`);
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-bench-cli-'));
  try {
    const asl = path.join(scratch, 'pass.asl.json');
    writeFileSync(asl, JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }));
    process.stderr.write('start-up…\n');
    const startup = interleave(
      {
        'node -e 0': () => time(process.execPath, ['-e', '0']),
        'stepcraft validate examples/order-processing/workflow.asl.json': () =>
          time(process.execPath, [BIN, 'validate', 'examples/order-processing/workflow.asl.json']),
        ...before('stepcraft validate …', (bin) =>
          time(process.execPath, [bin, 'validate', 'examples/order-processing/workflow.asl.json']),
        ),
        'stepcraft run pass.asl.json --input {}': () =>
          time(process.execPath, [BIN, 'run', asl, '--input', '{}']),
        ...before('stepcraft run pass.asl.json', (bin) =>
          time(process.execPath, [bin, 'run', asl, '--input', '{}']),
        ),
      },
      runs(15),
    );

    // The same configuration build writes: the project's tsconfig.json, extended to list exactly these files.
    const files = candidates(path.join(ROOT, 'examples'));
    const config = path.join(ROOT, '.bench-cli.tsconfig.json');
    writeFileSync(
      config,
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { noEmit: true, incremental: false, composite: false },
        files,
        include: [],
      }),
    );
    const tsc = await nativeTsc();
    const buildTscEnvironment = tscEnvironment({ native: true }, process.env, totalmem());
    const out = path.join(scratch, 'asl');
    process.stderr.write(`build vs tsc (${files.length} files)…\n`);
    let build: Record<string, Summary>;
    try {
      build = interleave(
        {
          [`tsc --noEmit (${files.length} files)`]: () =>
            time(tsc, ['--project', config, '--pretty', 'false']),
          'tsc --noEmit --singleThreaded': () =>
            time(tsc, ['--singleThreaded', '--project', config, '--pretty', 'false']),
          'tsc --noEmit --singleThreaded, GOGC=400 (as build runs it on two cores or fewer)': () =>
            time(tsc, ['--singleThreaded', '--project', config, '--pretty', 'false'], buildTscEnvironment),
          'stepcraft build examples': () => time(process.execPath, [BIN, 'build', 'examples', '--out', out]),
          'stepcraft build examples, discovery cache emptied first': () => {
            rmSync(DISCOVERY_CACHE, { recursive: true, force: true });
            return time(process.execPath, [BIN, 'build', 'examples', '--out', out]);
          },
          'stepcraft build examples --no-typecheck': () =>
            time(process.execPath, [BIN, 'build', 'examples', '--out', out, '--no-typecheck']),
          ...before('stepcraft build examples', (bin) =>
            time(process.execPath, [bin, 'build', 'examples', '--out', out]),
          ),
        },
        runs(7),
      );
    } finally {
      rmSync(config, { force: true });
    }

    const results = { startedAt: new Date().toISOString(), machine: machine(), startup, build };
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/results/cli.json'), `${JSON.stringify(results, null, 2)}\n`);
    const baseline = (group: Record<string, Summary>) => Object.values(group)[0]?.median ?? Number.NaN;
    const rows = (group: Record<string, Summary>) =>
      Object.entries(group).map(
        ([name, s]) =>
          `| ${name} | ${s.median.toFixed(0)} ms | ${s.min.toFixed(0)}–${s.max.toFixed(0)} ms | ${(s.median / baseline(group)).toFixed(2)}× |`,
      );
    console.log(
      [
        '| process | median | range | vs first row |',
        '| --- | --- | --- | --- |',
        ...rows(startup),
        ...rows(build),
      ].join('\n'),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
