import { spawn } from 'node:child_process';
import path from 'node:path';
import { validate } from '@stepcraft/asl';
import { buildGraph, readRun, type ViewedRun, viewRun, walkElements } from '@stepcraft/viewer';
import { UsageError } from '../errors.js';
import { displayPath, readInputFile, writeOutputFile } from '../files.js';
import { describeJsonError, parseJson } from '../json-text.js';
import { invalidMessage, loadTarget } from '../load-target.js';
import { type ExitCode, type Io, messageOf } from '../output.js';

/** Options of `stepcraft view`. */
export interface ViewOptions {
  /** A run record (`stepcraft run --history`), or an AWS execution history given with `definition`. */
  readonly file: string;
  /** Where to write the page (default: FILE with `.html` for `.json`). */
  readonly out?: string;
  /** Open the page in the default browser once written. */
  readonly open?: boolean;
  /** The ASL JSON file or TypeScript module that ran, for an AWS history. */
  readonly definition?: string;
  /** Which workflow of a TypeScript `definition` exporting several. */
  readonly workflow?: string;
}

/** The command line of `stepcraft view` as options; a missing FILE or a stray flag is a usage error. */
export function viewOptions(
  positionals: readonly string[],
  values: Readonly<Record<string, unknown>>,
): ViewOptions {
  const [file, ...extra] = positionals;
  if (file === undefined)
    throw new UsageError('missing FILE: name a run record (stepcraft run --history FILE)');
  if (extra.length > 0) throw new UsageError(`view takes one FILE, got also: ${extra.join(' ')}`);
  const text = (name: 'out' | 'definition' | 'workflow') => {
    const value = values[name];
    return typeof value === 'string' ? { [name]: value } : {};
  };
  if (typeof values.workflow === 'string' && typeof values.definition !== 'string') {
    throw new UsageError('--workflow applies to a TypeScript --definition only');
  }
  return { file, ...text('out'), ...text('definition'), ...text('workflow'), open: values.open === true };
}

/**
 * `stepcraft view`: writes the run as one self-contained HTML page and prints its path; exit 1 when FILE is not a
 * run (or its definition cannot be drawn).
 */
export async function viewCommand(options: ViewOptions, io: Io): Promise<ExitCode> {
  const parsed = parseJson(await readInputFile(io.cwd, options.file));
  if (!parsed.ok) {
    io.stderr(`${options.file}: ${describeJsonError(parsed)}`);
    return 1;
  }
  let context: { definition: unknown; workflow: string } | undefined;
  if (options.definition !== undefined) {
    const target = await loadTarget(options.definition, options.workflow, io.cwd);
    if (!target.ok) {
      io.stderr(target.message);
      return 1;
    }
    if (target.kind === 'document') {
      // As `graph` does: resources do not change the picture, every URI will do.
      const errors = validate(target.document, { checkArn: false }).filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        io.stderr(invalidMessage(options.definition, errors));
        return 1;
      }
    }
    context =
      target.kind === 'compiled'
        ? { definition: target.compiled.definition, workflow: target.compiled.name ?? 'StateMachine' }
        : { definition: target.document, workflow: workflowName(options.definition) };
  }
  const read = readRun(parsed.value, context);
  if (!read.ok) {
    const hint = read.message.startsWith('this is an execution history') ? ' (--definition FILE)' : '';
    io.stderr(`${options.file}: not a run: ${read.message}${hint}`);
    return 1;
  }
  const stranger = context === undefined ? undefined : unknownState(read.run);
  if (stranger !== undefined) {
    io.stderr(
      `${options.file}: the run entered state ${JSON.stringify(stranger)}, which ${options.definition} does not have; is it a run of another workflow?`,
    );
    return 1;
  }
  const page = await writeRunPage(read.run, options.out ?? htmlPathFor(options.file), io);
  if (!page.ok) {
    io.stderr(`${options.file}: ${page.problem}`);
    return 1;
  }
  io.stdout(page.shown);
  if (options.open === true) await openPage(page.written, 'view', io);
  return 0;
}

/** A page written (its absolute path, and as shown to the user), or why the run cannot be shown. */
export type WrittenPage =
  | { readonly ok: true; readonly written: string; readonly shown: string }
  | { readonly ok: false; readonly problem: string };

/**
 * Writes the viewer page of `run` to `out` (relative to the working directory). A run the viewer cannot draw is a
 * problem returned; a file that cannot be written is a `UsageError` naming `option`.
 */
export async function writeRunPage(
  run: ViewedRun,
  out: string,
  io: Io,
  option = '--out',
): Promise<WrittenPage> {
  let html: string;
  try {
    html = await viewRun(run);
  } catch (error) {
    return { ok: false, problem: `cannot show this run: ${messageOf(error)}` };
  }
  await writeOutputFile(io.cwd, out, html, option);
  const written = path.resolve(io.cwd, out);
  return { ok: true, written, shown: displayPath(io.cwd, written) };
}

/** Opens a written page in the browser; a browser that cannot be started is reported, not an error. */
export async function openPage(written: string, command: string, io: Io): Promise<void> {
  const problem = await openInBrowser(written);
  if (problem !== undefined)
    io.stderr(`stepcraft ${command}: could not open a browser (${problem}); open the file yourself`);
}

/** The first state a history entered that its definition lacks (a history given with the wrong definition). */
function unknownState(run: ViewedRun): string | undefined {
  const names = new Set<string>();
  for (const element of walkElements(buildGraph(run.definition).elements)) {
    if (element.name !== undefined && element.type !== 'Missing') names.add(element.name);
  }
  for (const event of run.events) {
    const name = event.type.endsWith('StateEntered') ? event.stateEnteredEventDetails?.name : undefined;
    if (typeof name === 'string' && !names.has(name)) return name;
  }
  return undefined;
}

/** `run.json` → `run.html`; any other name gets `.html` added. */
export function htmlPathFor(file: string): string {
  return file.endsWith('.json') ? `${file.slice(0, -'.json'.length)}.html` : `${file}.html`;
}

/** `orders.asl.json` → `orders`: the name shown for an ASL file's state machine. */
function workflowName(file: string): string {
  return path.basename(file).replace(/(\.asl)?\.json$/, '');
}

/**
 * Opens a file or URL in the user's browser: `$BROWSER` when set (as on Linux desktops and in tests), else the
 * platform's opener. Resolves with a problem description when the opener cannot be started.
 */
export function openInBrowser(target: string): Promise<string | undefined> {
  const custom = process.env.BROWSER;
  const [command, ...args] =
    custom !== undefined && custom !== ''
      ? [custom, target]
      : process.platform === 'darwin'
        ? ['open', target]
        : process.platform === 'win32'
          ? ['cmd', '/c', 'start', '""', target]
          : ['xdg-open', target];
  return new Promise((resolve) => {
    const child = spawn(command as string, args, { detached: true, stdio: 'ignore' });
    child.once('error', (error) => resolve(`${command}: ${messageOf(error)}`));
    child.once('spawn', () => {
      child.unref();
      resolve(undefined);
    });
  });
}
