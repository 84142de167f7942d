import { parentPort } from 'node:worker_threads';
import { formatDiagnostics, validate } from '@stepcraft/asl';
import { deployFiles } from '@stepcraft/cdk/cloudformation';
import { CompileError, compile, isWorkflow, stringifyAsl } from '@stepcraft/core';
import { messageOf } from '../output.js';
import { type BundleOptions, importBundled } from './bundle-module.js';
import type { ExportOutcome, LoadRequest, WorkerMessage } from './protocol.js';

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

function compileExport(exportName: string, value: unknown, request: LoadRequest): ExportOutcome {
  if (!isWorkflow(value)) return { exportName, kind: 'not-a-workflow' };
  const name = value.name;
  try {
    const options = request.queryLanguage === undefined ? {} : { queryLanguage: request.queryLanguage };
    const definition = compile(value, options).definition;
    const errors = validate(definition).filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      return {
        exportName,
        kind: 'not-compiled',
        name,
        problem: `is invalid:\n${indent(formatDiagnostics(errors))}`,
      };
    }
    const { files, findings } = deployFiles(value, {
      ...options,
      ...(request.format === undefined ? {} : { format: request.format }),
    });
    return {
      exportName,
      kind: 'compiled',
      name,
      text: stringifyAsl(definition),
      deploy: { files, findings },
    };
  } catch (error) {
    const problem = error instanceof CompileError ? formatDiagnostics(error.diagnostics) : messageOf(error);
    return { exportName, kind: 'not-compiled', name, problem: `does not compile:\n${indent(problem)}` };
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
