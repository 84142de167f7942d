import { Worker } from 'node:worker_threads';
import { SOURCE_CONDITION_HOOK } from '../load.js';
import { messageOf } from '../output.js';
import { isRunningFromSource, ownModule } from '../own-modules.js';
import type { ExportOutcome, LoadRequest, WorkerMessage } from './protocol.js';

/** How loading one module ended. */
export type LoadOutcome =
  | { readonly ok: true; readonly file: string; readonly exports: readonly ExportOutcome[] }
  | { readonly ok: false; readonly file: string; readonly problem: string };

/** Loads workflow modules one at a time, each in isolation from the build; see `createIsolatedLoader`. */
export interface IsolatedLoader {
  /** Loads one module and compiles its named exports; never rejects. Calls are served in order. */
  readonly load: (request: LoadRequest) => Promise<LoadOutcome>;
  /** Ends the worker once the pending loads are done. */
  readonly close: () => Promise<void>;
}

type Started =
  | { readonly ok: true; readonly worker: Worker }
  | { readonly ok: false; readonly problem: string };

// The worker starts from this module. Published, the worker's code is JavaScript: imported natively, with core. In
// the workspace it is TypeScript: tsx (registered for this thread only) and the source condition load it. On Node
// ≥ 22.1 the worker keeps the compiled code of what it loads (core, zod, …) on disk between runs: each thread has to
// ask for that itself, bin.ts asks only for the main one.
const BOOTSTRAP = `
import module from 'node:module';
import { workerData } from 'node:worker_threads';
module.enableCompileCache?.();
if (workerData.fromSource) {
  module.register(workerData.conditionHook);
  (await import(workerData.tsx)).register();
}
const worker = await import(workerData.worker);
worker.serve({ conditions: workerData.fromSource ? ['@stepcraft/source'] : [] });
`;

/**
 * Loads workflow modules in a worker thread so that what a module does at import cannot stop the build: a throw of
 * any value is reported by the worker; `process.exit()` ends only the worker; a module that loops forever or never
 * settles is stopped after `timeoutMs`. After an exit or a timeout a fresh worker takes the next module. The first
 * worker starts at once (loading core takes a while), so the caller can do other work meanwhile.
 */
export function createIsolatedLoader(timeoutMs: number): IsolatedLoader {
  let worker: Promise<Started> | undefined = startWorker();
  let queue: Promise<unknown> = Promise.resolve();
  const loadNow = async (request: LoadRequest): Promise<LoadOutcome> => {
    worker ??= startWorker();
    const started = await worker;
    if (!started.ok) {
      worker = undefined;
      return { ok: false, file: request.file, problem: started.problem };
    }
    const { outcome, isWorkerGone } = await loadOne(started.worker, request, timeoutMs);
    if (isWorkerGone) worker = undefined;
    return outcome;
  };
  return {
    load: (request) => {
      const outcome = queue.then(() => loadNow(request));
      queue = outcome;
      return outcome;
    },
    close: async () => {
      await queue;
      const started = await worker;
      if (started?.ok === true) await started.worker.terminate();
    },
  };
}

async function startWorker(): Promise<Started> {
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(BOOTSTRAP)}`), {
    workerData: {
      fromSource: isRunningFromSource(),
      tsx: import.meta.resolve('tsx/esm/api'),
      worker: ownModule('build/worker').href,
      conditionHook: SOURCE_CONDITION_HOOK,
    },
    // What a module prints must not land in our stdout (it may be --json).
    stdout: true,
    stderr: true,
  });
  worker.stdout.pipe(process.stderr);
  worker.stderr.pipe(process.stderr);
  return new Promise((resolve) => {
    const settle = (result: Started) => {
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
