import { Worker } from 'node:worker_threads';
import { isRunningFromSource, SOURCE_CONDITION_HOOK } from '../load.js';
import { messageOf } from '../output.js';
import type { ExportOutcome, LoadRequest, WorkerMessage } from './protocol.js';

/** How loading one module ended. */
export type LoadOutcome =
  | { readonly ok: true; readonly file: string; readonly exports: readonly ExportOutcome[] }
  | { readonly ok: false; readonly file: string; readonly problem: string };

/** Options of `loadIsolated`. */
export interface IsolationOptions {
  /** How long one module may take to load before it is given up on. */
  readonly timeoutMs: number;
  /** Called with each module's outcome, in request order, as soon as it is known. */
  readonly onOutcome: (outcome: LoadOutcome) => void;
}

// The worker starts from this module: it registers tsx (and, in the workspace, the source condition), then imports
// the worker's own code through tsx, so the same code runs from `src/*.ts` and from the published `dist/*.js`.
const BOOTSTRAP = `
import { register } from 'node:module';
import { workerData } from 'node:worker_threads';
if (workerData.conditionHook !== undefined) register(workerData.conditionHook);
const tsx = await import(workerData.tsx);
const loader = tsx.register({ namespace: 'stepcraft-build' });
const importModule = (url) => loader.import(url, workerData.parent);
const worker = await loader.import(workerData.worker, workerData.parent);
worker.serve(importModule);
`;

/**
 * Loads workflow modules in a worker thread, one after the other, so that what a module does at import cannot stop
 * the build: a throw of any value is reported by the worker; `process.exit()` ends only the worker; a module that
 * loops forever or never settles is stopped after `timeoutMs`. After an exit or a timeout a fresh worker takes the
 * remaining modules. Each module's outcome is reported by file.
 */
export async function loadIsolated(
  requests: readonly LoadRequest[],
  options: IsolationOptions,
): Promise<void> {
  let worker: Worker | undefined;
  try {
    for (const request of requests) {
      if (worker === undefined) {
        const started = await startWorker();
        if (!started.ok) {
          options.onOutcome({ ok: false, file: request.file, problem: started.problem });
          continue;
        }
        worker = started.worker;
      }
      const { outcome, isWorkerGone } = await loadOne(worker, request, options.timeoutMs);
      if (isWorkerGone) worker = undefined;
      options.onOutcome(outcome);
    }
  } finally {
    await worker?.terminate();
  }
}

async function startWorker(): Promise<{ ok: true; worker: Worker } | { ok: false; problem: string }> {
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(BOOTSTRAP)}`), {
    workerData: {
      tsx: import.meta.resolve('tsx/esm/api'),
      worker: new URL(`./worker${isRunningFromSource() ? '.ts' : '.js'}`, import.meta.url).href,
      parent: import.meta.url,
      conditionHook: isRunningFromSource() ? SOURCE_CONDITION_HOOK : undefined,
    },
    // What a module prints must not land in our stdout (it may be --json).
    stdout: true,
    stderr: true,
  });
  worker.stdout.pipe(process.stderr);
  worker.stderr.pipe(process.stderr);
  return new Promise((resolve) => {
    const settle = (result: { ok: true; worker: Worker } | { ok: false; problem: string }) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(result);
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'ready') settle({ ok: true, worker });
    };
    const onError = (error: unknown) =>
      settle({ ok: false, problem: `the loader did not start: ${messageOf(error)}` });
    const onExit = (code: number) =>
      settle({ ok: false, problem: `the loader did not start (exit code ${code})` });
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

function loadOne(
  worker: Worker,
  request: LoadRequest,
  timeoutMs: number,
): Promise<{ outcome: LoadOutcome; isWorkerGone: boolean }> {
  const file = request.file;
  return new Promise((resolve) => {
    const settle = (outcome: LoadOutcome, isWorkerGone: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve({ outcome, isWorkerGone });
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'loaded' && message.file === file)
        settle({ ok: true, file, exports: message.exports }, false);
      if (message.type === 'failed' && message.file === file)
        settle({ ok: false, file, problem: message.problem }, false);
    };
    // An error thrown where the worker cannot catch it, such as in a timer the module started.
    const onError = (error: unknown) => {
      void worker.terminate();
      settle({ ok: false, file, problem: messageOf(error) }, true);
    };
    const onExit = (code: number) =>
      settle(
        { ok: false, file, problem: `it ended the process while loading (process.exit(${code}) at import?)` },
        true,
      );
    const timer = setTimeout(() => {
      void worker.terminate();
      settle(
        {
          ok: false,
          file,
          problem: `it did not finish loading within ${timeoutMs / 1000} s (an endless loop or a promise that never settles at import?); --load-timeout sets the limit`,
        },
        true,
      );
    }, timeoutMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request);
  });
}
