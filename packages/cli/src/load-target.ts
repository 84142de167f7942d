import { type Diagnostic, formatDiagnostics } from '@stepcraft/asl';
import { type CompiledWorkflow, CompileError, compile } from '@stepcraft/core';
import { parseDocumentText } from './document-file.js';
import { UsageError } from './errors.js';
import { assertFile, readInputFile } from './files.js';
import { messageOf } from './output.js';
import { loadWorkflows } from './workflows.js';

/** What a command was pointed at: a parsed ASL document, a module's compiled workflow, or why neither. */
export type Target =
  | { readonly ok: true; readonly kind: 'document'; readonly document: unknown }
  | { readonly ok: true; readonly kind: 'compiled'; readonly compiled: CompiledWorkflow }
  | { readonly ok: false; readonly message: string };

// Modules hold workflows; anything else is read as an ASL JSON document.
const MODULE_FILE = /\.(ts|mts|js|mjs)$/;

/**
 * Loads FILE for `run` and `graph`: an ASL JSON file is parsed (not validated: each command decides how), a module
 * is loaded and its one workflow — or the one named by `workflow` — compiled.
 */
export async function loadTarget(file: string, workflow: string | undefined, cwd: string): Promise<Target> {
  if (!MODULE_FILE.test(file)) {
    if (workflow !== undefined) throw new UsageError('--workflow applies to TypeScript files only');
    const parsed = parseDocumentText(await readInputFile(cwd, file));
    if (!parsed.ok) return invalidTarget(file, [parsed.diagnostic]);
    return { ok: true, kind: 'document', document: parsed.document };
  }
  const absolute = await assertFile(cwd, file);
  let workflows: Awaited<ReturnType<typeof loadWorkflows>>;
  try {
    workflows = await loadWorkflows(absolute);
  } catch (error) {
    return { ok: false, message: `${file}: failed to load: ${messageOf(error)}` };
  }
  const names = workflows.map((w) => `${w.workflow.name} (export '${w.exportName}')`).join(', ');
  const chosen =
    workflow === undefined
      ? workflows
      : workflows.filter((w) => w.workflow.name === workflow || w.exportName === workflow);
  if (workflows.length === 0) throw new UsageError(`${file} exports no workflow`);
  if (chosen.length === 0) throw new UsageError(`${file} has no workflow '${workflow}'; it has ${names}`);
  const [found, ...others] = chosen;
  if (found === undefined || others.length > 0) {
    throw new UsageError(`${file} exports several workflows (${names}); pick one with --workflow NAME`);
  }
  try {
    return { ok: true, kind: 'compiled', compiled: compile(found.workflow) };
  } catch (error) {
    if (error instanceof CompileError) {
      return invalidTarget(`${file} (workflow '${found.workflow.name}')`, error.diagnostics);
    }
    return {
      ok: false,
      message: `${file}: failed to compile workflow '${found.workflow.name}': ${messageOf(error)}`,
    };
  }
}

/** The failure for a definition with findings. */
export function invalidTarget(label: string, diagnostics: readonly Diagnostic[]): Target & { ok: false } {
  return { ok: false, message: invalidMessage(label, diagnostics) };
}

/** `LABEL is not a valid state machine:` followed by one line per finding. */
export function invalidMessage(label: string, diagnostics: readonly Diagnostic[]): string {
  return `${label} is not a valid state machine:\n${formatDiagnostics(diagnostics, label)}`;
}
