import { type ChildProcess, fork } from 'node:child_process';
import { type FSWatcher, watch } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DevContext,
  type DevProblem,
  type GraphLayout,
  layoutDefinition,
  renderPage,
} from '@stepcraft/viewer';
import { UsageError } from '../errors.js';
import { assertFile, displayPath } from '../files.js';
import { type ExitCode, type Io, messageOf } from '../output.js';
import { isRunningFromSource, ownModule } from '../own-modules.js';
import { inputSource, readFixtures } from './dev-inputs.js';
import { incrementalTypeCheck } from './dev-typecheck.js';
import type { DevJob, DevJobResult } from './dev-worker.js';
import { openInBrowser } from './view.js';

/** Options of `stepcraft dev`. */
export interface DevOptions {
  /** The TypeScript module exporting the workflow (or an ASL JSON file). */
  readonly file: string;
  /** Inputs: JSON text, `@file.json`, or `@dir/` for every `*.json` in it (default: `input.json` beside FILE). */
  readonly input?: string;
  readonly workflow?: string;
  /** Port on 127.0.0.1 (default 0, a free port). */
  readonly port?: number;
  readonly open?: boolean;
  /** A build taking longer is stopped and reported (default 120 s): a handler that never returns, an endless loop. */
  readonly buildTimeoutMs?: number;
}

/** The command line of `stepcraft dev` as options. */
export function devOptions(
  positionals: readonly string[],
  values: Readonly<Record<string, unknown>>,
): DevOptions {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('missing FILE: name the .ts file exporting the workflow');
  if (extra.length > 0) throw new UsageError(`dev takes one FILE, got also: ${extra.join(' ')}`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    throw new UsageError(`--port must be an integer from 0 to 65535, not '${String(values.port)}'`);
  }
  const text = (name: 'input' | 'workflow') =>
    typeof values[name] === 'string' ? { [name]: values[name] } : {};
  return {
    file,
    ...text('input'),
    ...text('workflow'),
    ...(port === undefined ? {} : { port }),
    open: values.open === true,
  };
}

/** A running dev loop. */
export interface DevServer {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  /** Builds again now (as a save does); resolves when the build is shown. */
  rebuild(reason: string): Promise<void>;
  close(): Promise<void>;
}

/** What the page shows: the latest build, and the last one that produced runs (shown while a build is broken). */
interface Shown {
  readonly build: number;
  readonly problems: readonly DevProblem[];
  readonly runs: DevJobResult['runs'];
  readonly layout?: GraphLayout;
  readonly isStale: boolean;
}

/** A build that takes longer than this is stopped (a handler that never returns, an endless loop). */
const BUILD_TIMEOUT_MS = 120_000;
/** Saves often come as bursts of file events: build once they settle. */
const SETTLE_MS = 150;
const IGNORED = /(^|[/\\])(node_modules|\.git|dist)([/\\]|$)/;
const TYPESCRIPT = /\.(ts|mts)$/;

/** `stepcraft dev`: builds, runs and serves until interrupted (Ctrl-C); exit 0 then. */
export async function devCommand(options: DevOptions, io: Io): Promise<ExitCode> {
  const server = await startDev(options, io);
  io.stdout(`stepcraft dev: serving ${server.url} (Ctrl-C to stop)`);
  if (options.open === true) {
    const problem = await openInBrowser(server.url);
    if (problem !== undefined) io.stderr(`stepcraft dev: could not open a browser (${problem})`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}

/**
 * Starts the dev loop: watches the workflow's folder (and the inputs' folder), and on every save type-checks,
 * rebuilds, validates and re-runs the workflow on each input in a fresh child process; serves the viewer of each
 * run on 127.0.0.1 and tells open pages to reload (server-sent events). Problems go to the page and to stderr.
 */
export async function startDev(options: DevOptions, io: Io): Promise<DevServer> {
  const absolute = await assertFile(io.cwd, options.file);
  const inputs = await inputSource(io.cwd, absolute, options.input);
  const typeChecker = TYPESCRIPT.test(absolute)
    ? incrementalTypeCheck(absolute, path.dirname(absolute), displayPath(io.cwd, absolute))
    : undefined;
  let shown: Shown = { build: 0, problems: [], runs: [], isStale: false };
  let lastGood: Shown | undefined;
  const pages = new Map<string, string>();
  const listeners = new Set<ServerResponse>();
  let worker: ChildProcess | undefined;
  let generation = 0;

  const build = async (reason: string): Promise<void> => {
    const number = ++generation;
    const started = performance.now();
    worker?.kill();
    if (reason.endsWith('tsconfig.json')) typeChecker?.reset();
    const fixtures = await readFixtures(inputs);
    if (number !== generation) return; // A newer save took over.
    let pending: Promise<DevJobResult> | undefined;
    if (fixtures.problems.length === 0) {
      const job: DevJob = {
        file: options.file,
        ...(options.workflow === undefined ? {} : { workflow: options.workflow }),
        cwd: io.cwd,
        fixtures: fixtures.list,
      };
      pending = runWorker(
        job,
        (child) => {
          worker = child;
        },
        io,
        options.buildTimeoutMs ?? BUILD_TIMEOUT_MS,
      );
    }
    // The child builds and runs while this process type-checks (two cores at work); type errors win.
    const typeErrors = typeChecker?.check() ?? [];
    if (typeErrors.length > 0) worker?.kill();
    const built = (await pending) ?? { problems: fixtures.problems, runs: [] };
    if (number !== generation) return;
    const result: DevJobResult =
      typeErrors.length > 0
        ? { problems: [{ kind: 'type', message: typeErrors.join('\n') }], runs: [] }
        : built;
    let layout: GraphLayout | undefined;
    const problems = [...result.problems];
    const first = result.runs[0];
    if (first !== undefined) {
      try {
        layout = await layoutDefinition(first.record.definition);
      } catch (error) {
        problems.push({ kind: 'validation', message: messageOf(error) });
      }
    }
    if (number !== generation) return;
    const next: Shown = {
      build: number,
      problems,
      runs: result.runs,
      ...(layout === undefined ? {} : { layout }),
      isStale: false,
    };
    if (layout !== undefined) lastGood = next;
    shown =
      layout !== undefined || lastGood === undefined
        ? next
        : { ...lastGood, build: number, problems, isStale: true };
    pages.clear();
    report(
      io,
      number,
      `${reason}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
      problems,
      result.runs,
    );
    for (const response of listeners) response.write(`event: reload\ndata: ${number}\n\n`);
  };

  const server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`stepcraft dev: ${messageOf(error)}`);
    });
  });
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const port = (server.address() as AddressInfo).port;
    // Only this machine's pages: a foreign Host header is DNS rebinding, refused.
    if (request.headers.host !== `127.0.0.1:${port}` && request.headers.host !== `localhost:${port}`) {
      response.writeHead(403).end();
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (url.pathname === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(`event: hello\ndata: ${shown.build}\n\n`);
      listeners.add(response);
      request.once('close', () => listeners.delete(response));
    } else if (url.pathname === '/status.json') {
      const status = {
        build: shown.build,
        isStale: shown.isStale,
        problems: shown.problems,
        runs: shown.runs.map(({ label, record }) => ({ label, status: record.status, error: record.error })),
      };
      response
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(status));
    } else if (url.pathname === '/' || url.pathname.startsWith('/run/')) {
      const label =
        url.pathname === '/' ? shown.runs[0]?.label : decodeLabel(url.pathname.slice('/run/'.length));
      const html = page(label);
      if (html === undefined)
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`no run '${label}'`);
      else
        response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
          .end(html);
    } else {
      response.writeHead(404).end();
    }
  };

  /** The page of one run (or of the problems when there is none), cached per build. */
  const page = (label: string | undefined): string | undefined => {
    const key = label ?? '';
    const cached = pages.get(key);
    if (cached !== undefined) return cached;
    const current = shown.runs.find((run) => run.label === label);
    if (label !== undefined && current === undefined) return undefined;
    const dev: DevContext = {
      events: '/events',
      build: shown.build,
      isStale: shown.isStale,
      problems: shown.problems,
      runs: shown.runs.map(({ label: name, record }) => ({
        label: name,
        href: `/run/${encodeURIComponent(name)}`,
        status: record.status,
        isCurrent: name === label,
      })),
    };
    const html =
      current === undefined || shown.layout === undefined
        ? renderPage({ dev })
        : renderPage({ run: current.record, layout: shown.layout, dev });
    pages.set(key, html);
    return html;
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  for (const folder of new Set([
    path.dirname(absolute),
    ...(inputs.kind === 'inline' ? [] : [inputs.folder]),
  ])) {
    watchers.push(
      watch(folder, { recursive: true }, (_event, name) => {
        if (name !== null && IGNORED.test(name)) return;
        clearTimeout(timer);
        timer = setTimeout(() => void build(`changed ${name ?? folder}`), SETTLE_MS);
      }),
    );
  }
  await build('start');
  return {
    url,
    rebuild: build,
    async close() {
      clearTimeout(timer);
      generation++;
      worker?.kill();
      for (const watcher of watchers) watcher.close();
      for (const response of listeners) response.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A run's label from its URL; a malformed escape names no run (404), it does not fail the request. */
function decodeLabel(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

/** Runs one build in a fresh child process (so the user's modules load anew); stops it after the timeout. */
function runWorker(
  job: DevJob,
  started: (child: ChildProcess) => void,
  io: Io,
  timeoutMs: number,
): Promise<DevJobResult> {
  const entry = fileURLToPath(ownModule('commands/dev-worker'));
  // From source, the worker itself is TypeScript: load it with tsx and resolve workspace packages to source.
  const execArgv = isRunningFromSource()
    ? ['--import', createRequire(import.meta.url).resolve('tsx'), '--conditions=@stepcraft/source']
    : [];
  return new Promise((resolve) => {
    const child = fork(entry, [], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    started(child);
    let settled = false;
    const finish = (result: DevJobResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      child.kill();
      resolve(result);
    };
    const timeout = setTimeout(
      () =>
        finish({
          problems: [
            {
              kind: 'run',
              message: `the build took over ${timeoutMs / 1000} s and was stopped (a handler that never returns?)`,
            },
          ],
          runs: [],
        }),
      timeoutMs,
    );
    // What the user's code prints while it runs goes to the terminal.
    const forward = (chunk: Buffer) => {
      const text = chunk.toString('utf8').trimEnd();
      if (text.trim() !== '') io.stderr(text);
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    child.once('message', (message) => finish(message as DevJobResult));
    child.once('exit', (code, signal) =>
      finish({
        problems: [
          { kind: 'load', message: `the build stopped (${signal ?? `exit code ${code}`}) before reporting` },
        ],
        runs: [],
      }),
    );
    child.send(job);
  });
}

/** One line per build on the terminal, then its problems. */
function report(
  io: Io,
  build: number,
  reason: string,
  problems: readonly DevProblem[],
  runs: DevJobResult['runs'],
): void {
  const outcomes = runs.map(
    ({ label, record }) =>
      `${label} ${record.status}${record.error === undefined ? '' : ` (${record.error})`}`,
  );
  io.stdout(
    `stepcraft dev: build ${build} (${reason}): ${outcomes.length > 0 ? outcomes.join(', ') : 'no run'}`,
  );
  for (const problem of problems) io.stderr(`stepcraft dev: ${problem.kind} problem:\n${problem.message}`);
}
