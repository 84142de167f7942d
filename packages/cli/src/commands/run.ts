import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AslDocument, Handlers, JsonValue, TaskHandler } from '@stepcraft/asl';
import {
  type ExecutionResult,
  type RunnableWorkflow,
  type RunSource,
  run,
  runRecordJson,
  toRunRecord,
} from '@stepcraft/runner';
import { UsageError } from '../errors.js';
import { assertFile, readInputFile } from '../files.js';
import { forgottenAt, withCliHints } from '../hints.js';
import { describeJsonError, parseJson } from '../json-text.js';
import { loadModule } from '../load.js';
import { invalidMessage, loadTarget } from '../load-target.js';
import { type ExitCode, formatJson, type Io, messageOf } from '../output.js';

/** Options of `stepcraft run`. */
export interface RunOptions {
  /** An ASL JSON file, or a TypeScript (or JavaScript) module exporting a workflow. */
  readonly file: string;
  /** The execution input: JSON text, or `@path` to a JSON file; `{}` when absent, as AWS takes it. */
  readonly input?: string;
  /** A module whose default export maps state names, FunctionNames or ARNs to task handlers. */
  readonly handlers?: string;
  readonly json?: boolean;
  /** Where to write the run record (definition, input, result, history events) as JSON. */
  readonly history?: string;
  /** Which workflow to run when the TypeScript file exports several (workflow name or export name). */
  readonly workflow?: string;
  /** Type-check a TypeScript FILE first, as `build` does (default true). */
  readonly typecheck?: boolean;
  /**
   * Write the run as a viewer page (as `stepcraft view` does) beside the `history` file (`run.json` → `run.html`),
   * else in a new temporary directory, and print its path.
   */
  readonly view?: boolean;
  /** Open the page in the default browser (implies `view`). */
  readonly open?: boolean;
}

/**
 * `stepcraft run`: executes a workflow locally and prints its result, then writes the run record to `--history`
 * and its viewer page for `--view`. Exit 0 on SUCCEEDED, 1 when the execution did not succeed (or could not start),
 * 2 on a usage error, 3 when the run ended but its `--history` file or `--view` page could not be written (reported
 * after the result).
 */
export async function runCommand(options: RunOptions, io: Io): Promise<ExitCode> {
  const input = await readExecutionInput(io.cwd, options.input);
  const target = await loadTarget(options.file, options.workflow, io.cwd, options);
  if (!target.ok) {
    io.stderr(target.message);
    return 1;
  }
  // run() validates a document itself and reports its findings in `diagnostics`.
  const runnable: RunnableWorkflow =
    target.kind === 'compiled' ? target.compiled : (target.document as AslDocument);
  const handlers = options.handlers === undefined ? undefined : await loadHandlers(io.cwd, options.handlers);
  const view = options.view === true || options.open === true;
  // What a run record shows of each state's I/O steps (the viewer's details) is recorded only when asked for.
  const inspect = view || options.history !== undefined;
  let result: ExecutionResult;
  try {
    result = await run(runnable, input, { ...(handlers === undefined ? {} : { handlers }), inspect });
  } catch (error) {
    io.stderr(`stepcraft run: ${messageOf(error)}`);
    return 1;
  }
  result = withCliHints(result, handlers);
  printResult(options, result, io);
  const code: ExitCode = result.status === 'SUCCEEDED' ? 0 : 1;
  if (options.history === undefined && !view) return code;
  const source: RunSource = {
    workflow:
      target.kind === 'compiled'
        ? target.compiled.name
        : path.basename(options.file).replace(/\.asl\.json$|\.json$/, ''),
    definition: target.kind === 'compiled' ? target.compiled.definition : (target.document as AslDocument),
    input,
  };
  if (options.history !== undefined) {
    try {
      await writeRecord(path.resolve(io.cwd, options.history), runRecordJson(result, source));
    } catch (error) {
      io.stderr(`stepcraft run: --history: cannot write ${options.history}: ${messageOf(error)}`);
      return 3;
    }
  }
  // An invalid definition did not run: its findings are the report, there is nothing to show.
  if (!view || (result.diagnostics !== undefined && result.diagnostics.length > 0)) return code;
  return (await writeView(result, source, options, io)) ?? code;
}

/** `--view`: the run's page beside the history file or in a new temporary directory; exit 3 if it is not written. */
async function writeView(
  result: ExecutionResult,
  source: RunSource,
  options: RunOptions,
  io: Io,
): Promise<ExitCode | undefined> {
  // The viewer (and its layout engine) is loaded only for the runs that are shown.
  const { htmlPathFor, openPage, writeRunPage } = await import('./view.js');
  try {
    const out =
      options.history === undefined
        ? path.join(
            await mkdtemp(path.join(tmpdir(), 'stepcraft-run-')),
            `${fileNameOf(source.workflow)}.html`,
          )
        : htmlPathFor(options.history);
    const page = await writeRunPage(toRunRecord(result, source), out, io, '--view');
    if (!page.ok) {
      io.stderr(`stepcraft run: --view: ${page.problem}`);
      return 3;
    }
    io.stderr(`wrote ${page.shown}`);
    if (options.open === true) await openPage(page.written, 'run', io);
  } catch (error) {
    io.stderr(`stepcraft run: ${messageOf(error)}`);
    return 3;
  }
  return undefined;
}

/** A workflow name as a file name: anything but letters, digits, `.`, `_` and `-` becomes `_` (no path escapes). */
function fileNameOf(name: string): string {
  return name.replace(/[^\w.-]/g, '_').replace(/^\.+/, '_') || 'StateMachine';
}

/** The result first: the output (or `--json`), or the failure on stderr. */
function printResult(options: RunOptions, result: ExecutionResult, io: Io): void {
  const isSucceeded = result.status === 'SUCCEEDED';
  if (options.json === true) {
    io.stdout(
      formatJson(
        isSucceeded
          ? { status: result.status, output: result.output }
          : { status: result.status, error: result.error, cause: result.cause },
      ),
    );
  } else if (result.diagnostics !== undefined && result.diagnostics.length > 0) {
    io.stderr(invalidMessage(options.file, result.diagnostics));
  } else if (isSucceeded) {
    io.stdout(formatJson(result.output));
  } else {
    const cause = result.cause === undefined ? '' : `: ${result.cause}`;
    io.stderr(`Execution ${result.status}: ${result.error ?? 'unknown error'}${cause}`);
  }
}

/** Streams the run record to `file`, piece by piece with backpressure (a long history is never one string). */
async function writeRecord(file: string, pieces: Iterable<string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await pipeline(Readable.from(pieces, { objectMode: false }), createWriteStream(file));
}

/** `--input`: inline JSON or `@file` (absent: `{}`); malformed JSON is a usage error. */
async function readExecutionInput(cwd: string, raw: string | undefined): Promise<JsonValue> {
  if (raw === undefined) return {};
  const isFile = raw.startsWith('@');
  const text = isFile ? await readInputFile(cwd, raw.slice(1)) : raw;
  const parsed = parseJson(text);
  if (!parsed.ok)
    throw new UsageError(
      `--input${isFile ? ` ${raw}` : ''}: ${describeJsonError(parsed)}${await forgottenAt(cwd, raw)}`,
    );
  return parsed.value;
}

/** `--handlers MODULE`: its default export, checked to be an object of functions. */
async function loadHandlers(cwd: string, file: string): Promise<Handlers> {
  const absolute = await assertFile(cwd, file);
  let namespace: Record<string, unknown>;
  try {
    namespace = await loadModule(absolute);
  } catch (error) {
    throw new UsageError(`--handlers ${file}: failed to load: ${messageOf(error)}`);
  }
  const exported = namespace.default;
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    throw new UsageError(
      `--handlers ${file}: the default export must be an object mapping state names, FunctionNames or ARNs to functions`,
    );
  }
  // Null prototype: a state named `constructor` must not find Object.prototype.constructor.
  const handlers: Record<string, TaskHandler> = Object.create(null);
  for (const [key, handler] of Object.entries(exported)) {
    if (typeof handler !== 'function') throw new UsageError(`--handlers ${file}: '${key}' is not a function`);
    Object.defineProperty(handlers, key, { value: handler, enumerable: true });
  }
  return handlers;
}
