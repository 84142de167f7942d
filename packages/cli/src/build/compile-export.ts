import { formatDiagnostics } from '@stepcraft/asl';
import { deployFiles } from '@stepcraft/cdk/cloudformation';
import { CompileError, compile, isWorkflow, stringifyAsl } from '@stepcraft/core';
import { messageOf } from '../output.js';
import type { ExportOutcome, LoadRequest } from './protocol.js';

/**
 * What `build` makes of one export of a loaded module: its definition as written to disk, or why it has none.
 * `compile()` runs the validator on what it emits (for the workflow's own type, Express limits included), and the
 * deploy files are derived from that same compiled workflow, so each workflow is compiled and validated once.
 */
export function compileExport(
  exportName: string,
  value: unknown,
  request: Pick<LoadRequest, 'queryLanguage' | 'format'>,
): ExportOutcome {
  if (!isWorkflow(value)) return { exportName, kind: 'not-a-workflow' };
  const name = value.name;
  try {
    const options = request.queryLanguage === undefined ? {} : { queryLanguage: request.queryLanguage };
    const compiled = compile(value, options);
    const { files, findings } = deployFiles(
      value,
      { ...options, ...(request.format === undefined ? {} : { format: request.format }) },
      compiled,
    );
    return {
      exportName,
      kind: 'compiled',
      name,
      text: stringifyAsl(compiled.definition),
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
