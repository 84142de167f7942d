import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { formatDiagnostics } from '@stepcraft/asl';
import { CompileError, compile, isWorkflow } from '@stepcraft/core';
import { messageOf } from '../output.js';
import type { ExportOutcome, LoadRequest, WorkerMessage } from './protocol.js';

/** Imports a user's module by file URL (through the worker's TypeScript loader). */
export type ImportModule = (url: string) => Promise<Record<string, unknown>>;

/**
 * The worker side of isolated loading: answers each `LoadRequest` with the compiled definitions of the module's
 * workflows, or with why the module did not load. Whatever the module throws becomes a message here; what cannot be
 * caught (an exit, an endless loop) the main thread sees from outside.
 */
export function serve(importModule: ImportModule): void {
  const port = parentPort;
  if (port === null) throw new Error('serve() runs in a worker thread');
  port.on('message', async (request: LoadRequest) => {
    port.postMessage(await load(request, importModule));
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

async function load(request: LoadRequest, importModule: ImportModule): Promise<WorkerMessage> {
  let namespace: Record<string, unknown>;
  try {
    namespace = await importModule(pathToFileURL(request.file).href);
  } catch (error) {
    return { type: 'failed', file: request.file, problem: messageOf(error) };
  }
  const exports = request.exports.map((exportName) =>
    compileExport(exportName, namespace[exportName], request),
  );
  return { type: 'loaded', file: request.file, exports };
}

function compileExport(exportName: string, value: unknown, request: LoadRequest): ExportOutcome {
  if (!isWorkflow(value)) return { exportName, kind: 'not-a-workflow' };
  try {
    const options = request.queryLanguage === undefined ? {} : { queryLanguage: request.queryLanguage };
    return { exportName, kind: 'compiled', name: value.name, definition: compile(value, options).definition };
  } catch (error) {
    const problem = error instanceof CompileError ? formatDiagnostics(error.diagnostics) : messageOf(error);
    return { exportName, kind: 'not-compiled', name: value.name, problem };
  }
}
