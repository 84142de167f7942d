import type { Diagnostic } from '@stepcraft/asl';
import { formatDiagnostics } from '@stepcraft/asl';
import type { CompiledWorkflow } from '@stepcraft/core';
import { parseDocumentText } from './document-file.js';
import { UsageError } from './errors.js';
import { assertFile, displayPath, readInputFile } from './files.js';
import { messageOf } from './output.js';
import { didYouMean } from './suggest.js';

/** What a command was pointed at: a parsed ASL document, a module's compiled workflow, or why neither. */
export type Target =
  | { readonly ok: true; readonly kind: 'document'; readonly document: unknown }
  | { readonly ok: true; readonly kind: 'compiled'; readonly compiled: CompiledWorkflow }
  | { readonly ok: false; readonly message: string };

/** How `loadTarget` treats a TypeScript file. */
export interface TargetOptions {
  /** Type-check a TypeScript file as `build` does before running or drawing it (`run` and `graph` do, unless
   * `--no-typecheck`; `dev` checks in its server instead). */
  readonly typecheck?: boolean;
}

// Modules hold workflows; anything else is read as an ASL JSON document.
const MODULE_FILE = /\.(ts|mts|js|mjs)$/;
const TYPESCRIPT_FILE = /\.m?ts$/;

/**
 * Loads FILE for `run` and `graph`: an ASL JSON file is parsed (not validated: each command decides how), a module
 * is type-checked (TypeScript, when `typecheck` is true), loaded, and its one workflow — or the one named by
 * `workflow` — compiled. Core, tsx and the type check are imported only for modules.
 */
export async function loadTarget(
  file: string,
  workflow: string | undefined,
  cwd: string,
  options: TargetOptions = {},
): Promise<Target> {
  if (!MODULE_FILE.test(file)) {
    if (workflow !== undefined) throw new UsageError('--workflow applies to TypeScript files only');
    const parsed = parseDocumentText(await readInputFile(cwd, file));
    if (!parsed.ok) return invalidTarget(file, [parsed.diagnostic]);
    return { ok: true, kind: 'document', document: parsed.document };
  }
  const absolute = await assertFile(cwd, file);
  const checking =
    options.typecheck === true && TYPESCRIPT_FILE.test(file) ? typeErrors(absolute, cwd) : undefined;
  const [{ CompileError, compile }, { loadWorkflows }] = await Promise.all([
    import('@stepcraft/core'),
    import('./workflows.js'),
  ]);
  let workflows: Awaited<ReturnType<typeof loadWorkflows>>;
  try {
    workflows = await loadWorkflows(absolute);
  } catch (error) {
    await checking;
    return { ok: false, message: `${file}: failed to load: ${messageOf(error)}` };
  }
  const errors = await checking;
  if (errors !== undefined && errors.length > 0) {
    return {
      ok: false,
      message: `${errors.join('\n')}\n${file}: it has type errors (--no-typecheck skips the check)`,
    };
  }
  const names = workflows.map((w) => `${w.workflow.name} (export '${w.exportName}')`).join(', ');
  const chosen =
    workflow === undefined
      ? workflows
      : workflows.filter((w) => w.workflow.name === workflow || w.exportName === workflow);
  if (workflows.length === 0) throw new UsageError(`${file} exports no workflow`);
  if (workflow !== undefined && chosen.length === 0) {
    const known = workflows.flatMap((w) => [w.workflow.name, w.exportName]);
    throw new UsageError(
      `${file} has no workflow '${workflow}' (it has ${names})${didYouMean(workflow, known)}`,
    );
  }
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

/** The file's type errors, every one of the checked program, as printable lines. */
async function typeErrors(file: string, cwd: string): Promise<string[]> {
  const { typeCheck } = await import('./typecheck/typecheck.js');
  const result = await typeCheck([file], (shown) => displayPath(cwd, shown));
  return [...(result.byFile.get(file) ?? []), ...result.other];
}

/** The failure for a definition with findings. */
export function invalidTarget(label: string, diagnostics: readonly Diagnostic[]): Target & { ok: false } {
  return { ok: false, message: invalidMessage(label, diagnostics) };
}

/** `LABEL is not a valid state machine:` followed by one line per finding. */
export function invalidMessage(label: string, diagnostics: readonly Diagnostic[]): string {
  return `${label} is not a valid state machine:\n${formatDiagnostics(diagnostics, label)}`;
}
