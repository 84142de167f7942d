import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createIsolatedLoader, type IsolatedLoader, type LoadOutcome } from '../build/load-isolated.js';
import type { ExportOutcome } from '../build/protocol.js';
import type { DiscoveredWorkflow } from '../discover.js';
import { discoveryCache } from '../discovery-cache.js';
import { displayPath, writeOutputFile } from '../files.js';
import { type ExitCode, formatJson, type Io } from '../output.js';
import { collectSourceFiles } from '../source-files.js';
import { startTypeCheck, type TypeCheckResult } from '../typecheck/typecheck.js';
import type { QueryLanguageOption } from '../usage.js';

/** Options of `stepcraft build`. */
export interface BuildOptions {
  /** Files and directories to search (default: the current directory). */
  readonly paths: readonly string[];
  /** Directory the `<WorkflowName>.asl.json` files are written to. */
  readonly out: string;
  readonly queryLanguage?: QueryLanguageOption;
  /** Also write a CloudFormation or SAM template per workflow. */
  readonly format?: 'cloudformation' | 'sam';
  /** Type-check the workflow files first (default true). */
  readonly typecheck?: boolean;
  /** How long one module may take to load (default 30 s). */
  readonly loadTimeoutSeconds?: number;
  /** Print a JSON summary on stdout. */
  readonly json?: boolean;
}

/** A workflow written by `build`. */
export interface BuiltWorkflow {
  readonly workflow: string;
  readonly file: string;
  readonly source: string;
  readonly export: string;
  /** The files written beside it: JSON Schemas of its input and output, a template with `--format`. */
  readonly beside: readonly string[];
}

/** A file or workflow `build` could not write. */
export interface BuildFailure {
  readonly source?: string;
  readonly workflow?: string;
  readonly message: string;
}

/** A workflow a module exported, compiled, waiting for its checks. */
interface Candidate {
  readonly source: string;
  readonly exportName: string;
  readonly name: string;
  /** The definition as it is written: compiled, validated, stable JSON. */
  readonly text: string;
  readonly deploy: Extract<ExportOutcome, { kind: 'compiled' }>['deploy'];
}

// AWS state machine names may not hold these (and the name becomes a file name).
// @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
const FORBIDDEN_NAME_CHARACTERS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]/u;

// Only files that import core can declare a workflow; the rest are not parsed, checked or loaded.
const CORE_IMPORT = '@stepcraft/core';

const NO_TYPE_ERRORS: TypeCheckResult = { byFile: new Map(), other: [] };

/**
 * `stepcraft build`: finds exported workflows, and then at the same time type-checks their files with the project's
 * TypeScript (a child process) and loads them in a worker (so a module that throws, exits or hangs at import is
 * reported by file); compiles and validates each workflow and writes `OUT/<WorkflowName>.asl.json`, with one progress
 * line per workflow on stderr. Exit 1 when any file or workflow fails; the others are still written.
 */
export async function buildCommand(options: BuildOptions, io: Io): Promise<ExitCode> {
  const started = performance.now();
  const show = (file: string) => displayPath(io.cwd, file);
  const files = await collectSourceFiles(io.cwd, options.paths.length === 0 ? ['.'] : options.paths);
  const texts = new Map(
    await Promise.all(files.map(async (file) => [file, await readFile(file, 'utf8')] as const)),
  );
  const candidates = files.filter((file) => texts.get(file)?.includes(CORE_IMPORT));
  // Three things at once: tsc in a child process, the loader's worker starting up, discovery on this thread. tsc
  // takes longest: it starts first, before the other two compete with its start for this thread and the disk.
  const typeCheck =
    options.typecheck === false || candidates.length === 0 ? undefined : startTypeCheck(candidates, show);
  await typeCheck?.started;
  const checking = typeCheck?.result;
  const loader =
    candidates.length === 0 ? undefined : createIsolatedLoader((options.loadTimeoutSeconds ?? 30) * 1000);
  const report = new BuildReport(io, options, started);
  try {
    const discovered = await discover(candidates, texts);
    if (discovered.size === 0 || loader === undefined) {
      report.fail({
        message: `stepcraft build: no exported workflows found in ${options.paths.join(', ') || '.'}`,
      });
      return report.finish();
    }
    const outcomes = await load(loader, discovered, options);
    const types = (await checking) ?? NO_TYPE_ERRORS;
    if (types.other.length > 0) {
      report.fail({
        message: `${types.other.join('\n')}\nstepcraft build: nothing built, the files above have type errors`,
      });
      return report.finish();
    }
    const ready = collect(outcomes, types, show, report);
    if (ready.length === 0 && report.failures.length === 0) {
      report.fail({ message: 'stepcraft build: no workflows to build (every export found was skipped)' });
      return report.finish();
    }
    await write(ready, path.resolve(io.cwd, options.out), show, report);
    return report.finish();
  } finally {
    await Promise.all([loader?.close(), checking]);
  }
}

/** What build has written and what failed: printed as it happens, summed up at the end. */
class BuildReport {
  readonly written: BuiltWorkflow[] = [];
  readonly failures: BuildFailure[] = [];

  constructor(
    readonly io: Io,
    private readonly options: BuildOptions,
    private readonly started: number,
  ) {}

  fail(failure: BuildFailure): void {
    this.failures.push(failure);
    this.io.stderr(failure.message);
  }

  wrote(built: BuiltWorkflow): void {
    this.written.push(built);
    const beside =
      built.beside.length === 0 ? '' : `, with ${built.beside.map((file) => path.basename(file)).join(', ')}`;
    this.io.stderr(`wrote ${built.file} (workflow '${built.workflow}' from ${built.source}${beside})`);
  }

  finish(): ExitCode {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(2);
    this.io.stderr(
      `stepcraft build: ${this.written.length} written, ${this.failures.length} failed (${seconds} s)`,
    );
    if (this.options.json === true)
      this.io.stdout(formatJson({ written: this.written, failed: this.failures }));
    return this.failures.length === 0 ? 0 : 1;
  }
}

/** Loads every file with workflows, one after the other, in the isolated loader. */
async function load(
  loader: IsolatedLoader,
  discovered: ReadonlyMap<string, readonly DiscoveredWorkflow[]>,
  options: BuildOptions,
): Promise<LoadOutcome[]> {
  const language = {
    ...(options.queryLanguage === undefined ? {} : { queryLanguage: options.queryLanguage }),
    ...(options.format === undefined ? {} : { format: options.format }),
  };
  return Promise.all(
    [...discovered].map(([file, found]) =>
      loader.load({ file, exports: found.map((workflow) => workflow.exportName), ...language }),
    ),
  );
}

/** The compiled workflows of the files that type-check and loaded; everything else reported. */
function collect(
  outcomes: readonly LoadOutcome[],
  types: TypeCheckResult,
  show: (file: string) => string,
  report: BuildReport,
): Candidate[] {
  const ready: Candidate[] = [];
  for (const outcome of outcomes) {
    const source = show(outcome.file);
    const typeErrors = types.byFile.get(outcome.file) ?? [];
    if (typeErrors.length > 0) {
      report.fail({ source, message: `${typeErrors.join('\n')}\n${source}: not built, it has type errors` });
    } else if (!outcome.ok) {
      report.fail({ source, message: `${source}: failed to load: ${outcome.problem}` });
    } else {
      for (const result of outcome.exports) {
        if (result.kind === 'not-a-workflow') {
          report.io.stderr(`${source}: export '${result.exportName}' is not a workflow at run time; skipped`);
        } else if (result.kind === 'not-compiled') {
          const message = `${source}: workflow '${result.name}' ${result.problem}`;
          report.fail({ source, workflow: result.name, message });
        } else {
          ready.push({
            source,
            exportName: result.exportName,
            name: result.name,
            text: result.text,
            deploy: result.deploy,
          });
        }
      }
    }
  }
  return ready;
}

/** Writes each workflow, unless its name is taken twice or is not a valid state machine name. */
async function write(
  ready: readonly Candidate[],
  outDirectory: string,
  show: (file: string) => string,
  report: BuildReport,
): Promise<void> {
  for (const group of groupByName(ready).values()) {
    const [first, ...others] = group;
    if (first === undefined) continue;
    const label = `workflow '${first.name}'`;
    if (others.length > 0) {
      const places = group.map((w) => `${w.source} (export '${w.exportName}')`).join(', ');
      report.fail({
        workflow: first.name,
        message: `${label} is defined more than once: ${places}; workflow names must be unique`,
      });
      continue;
    }
    if (!isValidName(first.name)) {
      const problem =
        'not a valid state machine name (1-80 characters, no spaces or <>{}[]?*"#%\\^|~`$&,;:/)';
      report.fail({
        source: first.source,
        workflow: first.name,
        message: `${first.source}: ${label} ${problem}`,
      });
      continue;
    }
    const target = path.join(outDirectory, `${first.name}.asl.json`);
    await writeOutputFile(report.io.cwd, target, first.text, '--out');
    // The deployment files (@stepcraft/cdk/cloudformation): JSON Schemas, and a template with --format.
    for (const finding of first.deploy.findings) {
      const message = `${first.source}: ${label}: ${finding.message} (${finding.pointer})`;
      if (finding.severity === 'error') report.fail({ source: first.source, workflow: first.name, message });
      else report.io.stderr(`warning: ${message}`);
    }
    const beside: string[] = [];
    for (const file of first.deploy.files) {
      const written = path.join(outDirectory, file.name);
      await writeOutputFile(report.io.cwd, written, file.text, '--out');
      beside.push(show(written));
    }
    report.wrote({
      workflow: first.name,
      file: show(target),
      source: first.source,
      export: first.exportName,
      beside,
    });
  }
}

/** Exported workflows per file, found by reading the source (only files that declare some), cached by text. */
async function discover(
  files: readonly string[],
  texts: ReadonlyMap<string, string>,
): Promise<Map<string, DiscoveredWorkflow[]>> {
  const discovered = new Map<string, DiscoveredWorkflow[]>();
  const cache = await discoveryCache();
  const misses: string[] = [];
  for (const file of files) {
    const found = await cache.get(texts.get(file) ?? '');
    if (found === undefined) misses.push(file);
    else if (found.length > 0)
      discovered.set(
        file,
        found.map((workflow) => ({ file, ...workflow })),
      );
  }
  if (misses.length > 0) {
    const { discoverWorkflows, morph } = await import('../discover.js');
    const project = new morph.Project({ skipFileDependencyResolution: true, skipLoadingLibFiles: true });
    for (const file of misses) {
      const text = texts.get(file) ?? '';
      const found = discoverWorkflows(project.createSourceFile(file, text, { overwrite: true }));
      await cache.set(
        text,
        found.map(({ file: _, ...workflow }) => workflow),
      );
      if (found.length > 0) discovered.set(file, found);
    }
  }
  // In file order, whatever came from the cache.
  return new Map(files.flatMap((file) => (discovered.has(file) ? [[file, discovered.get(file) ?? []]] : [])));
}

function isValidName(name: string): boolean {
  return name.length >= 1 && name.length <= 80 && !FORBIDDEN_NAME_CHARACTERS.test(name);
}

function groupByName(workflows: readonly Candidate[]): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of workflows)
    groups.set(candidate.name, [...(groups.get(candidate.name) ?? []), candidate]);
  return groups;
}
