import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { messageOf } from '../output.js';
import {
  findTypeScript,
  isSupportedVersion,
  TYPESCRIPT_FLOOR,
  type TypeScriptInstall,
} from './find-typescript.js';
import { formatTscError, parseTscOutput } from './tsc-output.js';

/** What a type check found, as printable `file:line:col: message [TScode]` lines. */
export interface TypeCheckResult {
  /** Errors located in each checked file that has some. */
  readonly byFile: ReadonlyMap<string, readonly string[]>;
  /** Errors anywhere else: in files the checked ones import, in the configuration, or no usable TypeScript. */
  readonly other: readonly string[];
}

/** Compiler options for files with no tsconfig.json above them. */
const DEFAULT_OPTIONS = {
  strict: true,
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  skipLibCheck: true,
};

/** A type check under way. Neither promise rejects. */
export interface RunningTypeCheck {
  /** Settles once each group's `tsc` has started (or was found unusable): from then on it only runs. */
  readonly started: Promise<void>;
  readonly result: Promise<TypeCheckResult>;
}

let configCount = 0;

/**
 * Type-checks files with the project's own TypeScript, as `tsc --noEmit` would: each group of files under one
 * tsconfig.json is checked with that configuration (extended by a temporary one that lists the files), by the `tsc`
 * its project resolves — the native one of TypeScript 7 where installed. The groups are checked in parallel, each in
 * a child process, so the caller can load and compile meanwhile.
 */
export function typeCheck(
  files: readonly string[],
  displayPath: (file: string) => string,
): Promise<TypeCheckResult> {
  return startTypeCheck(files, displayPath).result;
}

/**
 * `typeCheck`, telling also when its `tsc` processes have started: the longest task of a build, which the caller
 * lets start before it gives this thread other work.
 */
export function startTypeCheck(
  files: readonly string[],
  displayPath: (file: string) => string,
): RunningTypeCheck {
  const byFile = new Map<string, string[]>();
  const other: string[] = [];
  const groups = [...groupByConfig(files)].map(([config, group]) => {
    let started = () => {};
    const spawned = new Promise<void>((resolve) => {
      started = resolve;
    });
    const done = checkGroup(config, group, displayPath, byFile, other, started)
      .catch((error: unknown) => {
        // Never a rejection: the caller starts the check early and awaits it late.
        for (const file of group)
          byFile.set(file, [`${displayPath(file)}: not type-checked: ${messageOf(error)}`]);
      })
      .finally(started);
    return { spawned, done };
  });
  return {
    started: Promise.all(groups.map((group) => group.spawned)).then(() => undefined),
    result: Promise.all(groups.map((group) => group.done)).then(() => ({ byFile, other })),
  };
}

/** Type-checks the files under one tsconfig.json, adding what tsc found to `byFile` and `other`. */
async function checkGroup(
  config: string | undefined,
  group: readonly string[],
  displayPath: (file: string) => string,
  byFile: Map<string, string[]>,
  other: string[],
  started: () => void,
): Promise<void> {
  const directory = path.dirname(config ?? group[0] ?? '.');
  const typescript = await findTypeScript(directory);
  const problem = unusable(typescript, config ?? directory);
  if (problem !== undefined || typescript === undefined) {
    for (const file of group) byFile.set(file, [`${displayPath(file)}: not type-checked: ${problem}`]);
    return;
  }
  const output = await runTsc(typescript, config, group, directory, started);
  const fileSet = new Set(group);
  for (const error of parseTscOutput(output.text, output.cwd)) {
    const line = formatTscError(error, displayPath);
    if (error.file !== undefined && fileSet.has(error.file)) {
      byFile.set(error.file, [...(byFile.get(error.file) ?? []), line]);
    } else {
      other.push(line);
    }
  }
  if (output.failed && !group.some((file) => byFile.has(file)) && other.length === 0) {
    other.push(`tsc ${typescript.version} failed: ${output.text.trim() || 'no output'}`);
  }
}

function unusable(typescript: TypeScriptInstall | undefined, where: string): string | undefined {
  if (typescript === undefined) {
    return `no TypeScript found for ${where}: install it (npm install --save-dev typescript) or pass --no-typecheck`;
  }
  if (!isSupportedVersion(typescript.version)) {
    return `TypeScript ${typescript.version} (${typescript.directory}) is older than ${TYPESCRIPT_FLOOR.join('.')}, the first that reads Stepcraft's types`;
  }
  return undefined;
}

/**
 * Runs `tsc --noEmit` on the files through a temporary tsconfig written beside the project's, so that everything
 * relative to a configuration's place (`@types` lookup, `paths`, `include` of the extended file) stays as it is.
 */
async function runTsc(
  typescript: TypeScriptInstall,
  config: string | undefined,
  files: readonly string[],
  directory: string,
  started: () => void,
): Promise<{ text: string; cwd: string; failed: boolean }> {
  const settings = {
    ...(config === undefined
      ? { compilerOptions: { ...DEFAULT_OPTIONS, noEmit: true } }
      : { extends: config, compilerOptions: { noEmit: true, incremental: false, composite: false } }),
    files,
    include: [],
  };
  const name = `.stepcraft-typecheck-${process.pid}-${++configCount}.tsconfig.json`;
  let temporary = path.join(directory, name);
  try {
    await writeFile(temporary, JSON.stringify(settings));
  } catch {
    temporary = path.join(tmpdir(), name);
    await writeFile(temporary, JSON.stringify(settings));
  }
  try {
    const cwd = path.dirname(temporary);
    return await new Promise((resolve) => {
      execFile(
        typescript.command,
        [
          ...typescript.args,
          ...threadingArgs(typescript, availableParallelism()),
          '--project',
          temporary,
          '--pretty',
          'false',
        ],
        { cwd, maxBuffer: 64 * 1024 * 1024, env: tscEnvironment(typescript, process.env, totalmem()) },
        (error, stdout, stderr) => resolve({ text: `${stdout}${stderr}`, cwd, failed: error !== null }),
      );
      started();
    });
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * The threading flags for `tsc` on a machine with `cores` cores. TypeScript 7's `tsc` checks with four checkers on
 * as many threads by default, each checking again part of what the others check (the examples: 1.5 CPU-s, 0.9
 * single-threaded). Its callers load and compile the workflows meanwhile, on a core of their own: with two cores or
 * fewer, CPU is what a build waits for, and a single-threaded tsc spends the least. It finds the same errors; only
 * where a long message elaborates may differ from a four-checker run (microsoft/typescript-go#202).
 */
export function threadingArgs(typescript: Pick<TypeScriptInstall, 'native'>, cores: number): string[] {
  return typescript.native && cores <= 2 ? ['--singleThreaded'] : [];
}

/**
 * The environment `tsc` runs in. TypeScript 7's `tsc` is a Go program, whose collector by default (GOGC=100) runs
 * each time the heap has doubled, starting from 4 MB: a one-shot check of a small project spends a quarter of its CPU
 * there (the examples: 0.99 CPU-s, 0.74 with no collection; 0.82 with GOGC=400, for 168 → 182 MB). Build lets the
 * heap grow five times its live size between collections, up to a soft limit of a quarter of the machine's memory
 * (GOMEMLIMIT: above it Go collects sooner, so a large project uses no more memory than by default). A GOGC or
 * GOMEMLIMIT already set stays.
 */
export function tscEnvironment(
  typescript: Pick<TypeScriptInstall, 'native'>,
  environment: NodeJS.ProcessEnv,
  totalMemory: number,
): NodeJS.ProcessEnv {
  if (!typescript.native || environment.GOGC !== undefined || environment.GOMEMLIMIT !== undefined)
    return environment;
  return { ...environment, GOGC: '400', GOMEMLIMIT: `${Math.floor(totalMemory / 4 / 2 ** 20)}MiB` };
}

/** Files by their nearest tsconfig.json (undefined: none up to the filesystem root). */
function groupByConfig(files: readonly string[]): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const file of files) {
    const config = nearestConfig(path.dirname(file));
    groups.set(config, [...(groups.get(config) ?? []), file]);
  }
  return groups;
}

function nearestConfig(directory: string): string | undefined {
  for (let current = directory; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}
