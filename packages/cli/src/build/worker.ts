import { parentPort } from 'node:worker_threads';
import { messageOf } from '../output.js';
import { type BundleOptions, importBundled, startBundler } from './bundle-module.js';
import type { LoadRequest, WorkerMessage } from './protocol.js';

// esbuild's process starts before core (and cdk) load here, so that the two overlap.
void startBundler().catch(() => undefined);
const { compileExport } = await import('./compile-export.js');

/**
 * The worker side of isolated loading: answers each `LoadRequest` with the compiled and validated definitions of
 * the module's workflows, or with why the module did not load. Whatever the module throws becomes a message here; what cannot be
 * caught (an exit, an endless loop) the main thread sees from outside.
 */
export function serve(options: BundleOptions): void {
  const port = parentPort;
  if (port === null) throw new Error('serve() runs in a worker thread');
  port.on('message', async (request: LoadRequest) => {
    port.postMessage(await load(request, options));
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

async function load(request: LoadRequest, options: BundleOptions): Promise<WorkerMessage> {
  let namespace: Record<string, unknown>;
  try {
    namespace = await importBundled(request.file, options);
  } catch (error) {
    return { type: 'failed', file: request.file, problem: messageOf(error) };
  }
  const exports = request.exports.map((exportName) =>
    compileExport(exportName, namespace[exportName], request),
  );
  return { type: 'loaded', file: request.file, exports };
}
