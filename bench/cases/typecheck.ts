import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { type Summary, summarize } from '../lib/stats.js';

/**
 * Type-checks the same typed N-state workflow written with Stepcraft and with CDK, using the native `tsc`
 * (`--extendedDiagnostics`). The files are generated under `bench/generated/` (git-ignored).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'bench/generated');
const TSC = path.join(ROOT, 'node_modules/.bin/tsc');

export type Flavour = 'stepcraft' | 'cdk';

/** One `tsc --extendedDiagnostics` run, as reported by tsc. */
export interface TscFigures {
  readonly totalMs: number;
  readonly checkMs: number;
  readonly instantiations: number;
  readonly types: number;
  readonly memoryKb: number;
  readonly files: number;
}

/** Medians over the repeated runs, plus every run. */
export interface TypecheckResult {
  readonly flavour: Flavour;
  readonly states: number;
  readonly total: Summary;
  readonly check: Summary;
  readonly runs: readonly TscFigures[];
  /** Type errors in the generated file (the benchmark is then void). */
  readonly errors?: string;
  /** Type errors tsc reported in library sources outside the generated file. */
  readonly sourceErrors?: number;
}

const pad = (lines: readonly string[]) => lines.join('\n');

/** Stepcraft: every state declares its input type; the chain checks each wire at compile time. */
export function stepcraftSource(n: number): string {
  const states = Array.from(
    { length: n },
    (_, i) =>
      `const s${i} = pass('Pass${i}', { input: typed<Data>(), parameters: ({ input }) => ({ step: ${i}, from: input.last.step }) }).resultPath('$.last');`,
  );
  const chain = Array.from({ length: n - 1 }, (_, i) => `  .next(s${i + 1})`);
  return pad([
    `import { compile, pass, typed, workflow } from '@stepcraft/core';`,
    '',
    'interface Data { readonly last: { readonly step: number; readonly from?: number } }',
    '',
    ...states,
    '',
    `export const flow = workflow('Typed${n}', { input: typed<Data>() })`,
    '  .start(s0)',
    ...chain,
    ';',
    'export const definition = compile(flow).definition;',
    '',
  ]);
}

/** CDK: the same chain of Pass constructs, in a StateMachine (CDK's props are untyped JSON). */
export function cdkSource(n: number): string {
  const states = Array.from(
    { length: n },
    (_, i) =>
      `const s${i} = new sfn.Pass(stack, 'Pass${i}', { parameters: { step: ${i}, 'from.$': '$.last.step' }, resultPath: '$.last' });`,
  );
  const chain = Array.from({ length: n - 1 }, (_, i) => `  .next(s${i + 1})`);
  return pad([
    `import { App, Stack } from 'aws-cdk-lib';`,
    `import * as sfn from 'aws-cdk-lib/aws-stepfunctions';`,
    '',
    `const stack = new Stack(new App(), 'Typed${n}');`,
    ...states,
    '',
    'export const chain = sfn.Chain.start(s0)',
    ...chain,
    ';',
    `export const machine = new sfn.StateMachine(stack, 'Machine', { definitionBody: sfn.DefinitionBody.fromChainable(chain) });`,
    '',
  ]);
}

const number = (text: string, label: string): number => {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)(s|K)?`, 'm').exec(text);
  const value = Number(match?.[1] ?? Number.NaN);
  return match?.[2] === 's' ? value * 1000 : value;
};

function tsc(project: string): Promise<{ figures: TscFigures; errors?: string; sourceErrors?: number }> {
  return new Promise((resolve) => {
    execFile(
      TSC,
      ['-p', project, '--extendedDiagnostics'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        const figures: TscFigures = {
          totalMs: number(stdout, 'Total time'),
          checkMs: number(stdout, 'Check time'),
          instantiations: number(stdout, 'Instantiations'),
          types: number(stdout, 'Types'),
          memoryKb: number(stdout, 'Memory used'),
          files: number(stdout, 'Files'),
        };
        // Errors in the generated file void the benchmark; errors in Stepcraft's own sources (work in progress
        // elsewhere) are only counted.
        const lines = stdout.split('\n').filter((line) => /error TS\d+/.test(line));
        const ours = lines.filter((line) => line.startsWith('bench/generated/'));
        const elsewhere = lines.length - ours.length;
        resolve({
          figures,
          ...(ours.length > 0 || (error !== null && lines.length === 0)
            ? { errors: ours.slice(0, 5).join('\n') || String(error).slice(0, 400) }
            : {}),
          ...(elsewhere > 0 ? { sourceErrors: elsewhere } : {}),
        });
      },
    );
  });
}

/** Writes `bench/generated/<flavour>-<n>.ts` and its tsconfig; returns the tsconfig path. */
async function generate(flavour: Flavour, n: number): Promise<string> {
  await mkdir(OUT, { recursive: true });
  const file = `${flavour}-${n}.ts`;
  await writeFile(path.join(OUT, file), flavour === 'stepcraft' ? stepcraftSource(n) : cdkSource(n));
  const project = path.join(OUT, `tsconfig.${flavour}-${n}.json`);
  const config = { extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true }, files: [file] };
  await writeFile(project, `${JSON.stringify(config, null, 2)}\n`);
  return project;
}

/** Generates and type-checks one flavour `runs` times. */
export async function typecheck(flavour: Flavour, n: number, runs: number): Promise<TypecheckResult> {
  const project = await generate(flavour, n);
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await tsc(project));
  const errors = results.find((r) => r.errors !== undefined)?.errors;
  const sourceErrors = results.find((r) => r.sourceErrors !== undefined)?.sourceErrors;
  const figures = results.map((r) => r.figures);
  return {
    flavour,
    states: n,
    total: summarize(figures.map((f) => f.totalMs)),
    check: summarize(figures.map((f) => f.checkMs)),
    runs: figures,
    ...(errors === undefined ? {} : { errors }),
    ...(sourceErrors === undefined ? {} : { sourceErrors }),
  };
}

/** Completion at the end of an N-state chain through the TypeScript language service, as an editor asks for it. */
export interface EditorLatency {
  readonly flavour: Flavour;
  readonly states: number;
  /** The TypeScript version of the language service (ts-morph's: TypeScript 7's native tsc has no JS API). */
  readonly typescript: string;
  /** The first completion list: the service builds the program and checks what the chain's type needs. */
  readonly coldMs: number;
  /** Completions after each keystroke at the end of the chain (the service keeps what the edit leaves valid). */
  readonly keystroke: Summary;
  /**
   * Type instantiations the service's checker made for the last keystroke's completion (each edit gets a new program
   * and checker): deterministic, so it compares runs whatever the machine's load.
   */
  readonly keystrokeInstantiations: number;
  /** Entries in the completion list (the chain's methods must be among them). */
  readonly entries: number;
  readonly errors?: string;
}

/**
 * Times completion after `.` at the end of the generated N-state chain (`….next(s{N-1}).|`): once cold, then after
 * each of `runs` keystrokes that retype the dot (a new file version each time, as an editor sends them).
 */
export async function editorLatency(flavour: Flavour, n: number, runs: number): Promise<EditorLatency> {
  const project = new Project({ tsConfigFilePath: await generate(flavour, n) });
  const file = project.getSourceFileOrThrow(path.join(OUT, `${flavour}-${n}.ts`));
  const service = project.getLanguageService().compilerObject;
  const source = file.getFullText();
  const anchor = `.next(s${n - 1})`;
  const at =
    n > 1 ? source.lastIndexOf(anchor) + anchor.length : source.indexOf('.start(s0)') + '.start(s0)'.length;
  // Alternate between two spellings of the same member access, so that every keystroke is a new version.
  const edits = [`${source.slice(0, at)}.${source.slice(at)}`, `${source.slice(0, at)} .${source.slice(at)}`];
  const complete = (text: string, offset: number) => {
    file.replaceWithText(text);
    const started = performance.now();
    const list = service.getCompletionsAtPosition(file.getFilePath(), at + offset, {});
    const ms = performance.now() - started;
    const instantiations = service.getProgram()?.getInstantiationCount() ?? 0;
    return { ms, instantiations, names: list?.entries.map((e) => e.name) ?? [] };
  };
  const cold = complete(edits[0] as string, 1);
  const samples: number[] = [];
  let keystrokeInstantiations = cold.instantiations;
  for (let i = 1; i <= runs; i++) {
    const keystroke = complete(edits[i % 2] as string, 1 + (i % 2));
    samples.push(keystroke.ms);
    keystrokeInstantiations = keystroke.instantiations;
  }
  // Both chains end in a value whose `next` continues them.
  const wanted = 'next';
  return {
    flavour,
    states: n,
    typescript: ts.version,
    coldMs: cold.ms,
    keystroke: summarize(samples),
    keystrokeInstantiations,
    entries: cold.names.length,
    ...(cold.names.includes(wanted)
      ? {}
      : { errors: `no "${wanted}" among the completions at the end of the chain` }),
  };
}
