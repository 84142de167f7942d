import path from 'node:path';
import { type AslDocument, formatDiagnostics, validate } from '@stepcraft/asl';
import { deployFiles } from '@stepcraft/cdk/cloudformation';
import { CompileError, compile, stringifyAsl } from '@stepcraft/core';
import { Project } from 'ts-morph';
import { type DiscoveredWorkflow, discoverWorkflows } from '../discover.js';
import { displayPath, writeOutputFile } from '../files.js';
import { type ExitCode, type Io, messageOf } from '../output.js';
import { collectSourceFiles } from '../source-files.js';
import { typeCheck } from '../typecheck.js';
import type { QueryLanguageOption } from '../usage.js';
import { type LoadedWorkflow, loadWorkflows } from '../workflows.js';

/** Options of `stepcraft build`. */
export interface BuildOptions {
  /** Files and directories to search (default: the current directory). */
  readonly paths: readonly string[];
  /** Directory the `<WorkflowName>.asl.json` files are written to. */
  readonly out: string;
  readonly queryLanguage?: QueryLanguageOption;
  /** Also write a CloudFormation or SAM template per workflow. */
  readonly format?: 'cloudformation' | 'sam';
}

// AWS state machine names may not hold these (and the name becomes a file name).
// @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
const FORBIDDEN_NAME_CHARACTERS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]/u;

/**
 * `stepcraft build`: finds exported workflows, type-checks and loads their files, compiles and validates each,
 * and writes `OUT/<WorkflowName>.asl.json`. Exit 1 when any file or workflow fails; the others are still written.
 */
export async function buildCommand(options: BuildOptions, io: Io): Promise<ExitCode> {
  const show = (file: string) => displayPath(io.cwd, file);
  const files = await collectSourceFiles(io.cwd, options.paths.length === 0 ? ['.'] : options.paths);
  const discovered = discover(files);
  if (discovered.size === 0) {
    io.stderr(`stepcraft build: no exported workflows found in ${options.paths.join(', ') || '.'}`);
    return 1;
  }
  let isFailed = false;
  const fail = (message: string) => {
    io.stderr(message);
    isFailed = true;
  };

  const typeErrors = typeCheck([...discovered.keys()], show);
  const loaded: LoadedWorkflow[] = [];
  for (const [file, found] of discovered) {
    const errors = typeErrors.get(file) ?? [];
    if (errors.length > 0) {
      fail(`${errors.join('\n')}\n${show(file)}: not built, it has type errors`);
      continue;
    }
    try {
      loaded.push(
        ...(await loadWorkflows(file, found, (name) =>
          io.stderr(`${show(file)}: export '${name}' is not a workflow at run time; skipped`),
        )),
      );
    } catch (error) {
      fail(`${show(file)}: failed to load: ${messageOf(error)}`);
    }
  }

  if (loaded.length === 0 && !isFailed) {
    io.stderr('stepcraft build: no workflows to build (every export found was skipped)');
    return 1;
  }
  const outDirectory = path.resolve(io.cwd, options.out);
  for (const group of groupByName(loaded).values()) {
    const [first, ...others] = group;
    if (first === undefined) continue;
    const label = `workflow '${first.workflow.name}'`;
    if (others.length > 0) {
      const places = group.map((w) => `${show(w.file)} (export '${w.exportName}')`).join(', ');
      fail(`${label} is defined more than once: ${places}; workflow names must be unique`);
      continue;
    }
    if (!isValidName(first.workflow.name)) {
      fail(
        `${show(first.file)}: ${label}: not a valid state machine name (1-80 characters, no spaces or <>{}[]?*"#%\\^|~\`$&,;:/)`,
      );
      continue;
    }
    const result = compileAndValidate(first, options);
    if (!result.ok) {
      fail(`${show(first.file)}: ${label} ${result.problem}`);
      continue;
    }
    const target = path.join(outDirectory, `${first.workflow.name}.asl.json`);
    await writeOutputFile(io.cwd, target, stringifyAsl(result.definition), '--out');
    io.stdout(show(target));
    // The deployment files (@stepcraft/cdk/cloudformation): JSON Schemas, and a template with --format.
    const deploy = deployFiles(first.workflow, options);
    for (const finding of deploy.findings) {
      const message = `${show(first.file)}: ${label}: ${finding.message} (${finding.pointer})`;
      if (finding.severity === 'error') fail(message);
      else io.stderr(`warning: ${message}`);
    }
    for (const file of deploy.files) {
      const written = path.join(outDirectory, file.name);
      await writeOutputFile(io.cwd, written, file.text, '--out');
      io.stdout(show(written));
    }
  }
  return isFailed ? 1 : 0;
}

/** Exported workflows per file, found by reading the source (only files that declare some). */
function discover(files: readonly string[]): Map<string, DiscoveredWorkflow[]> {
  const project = new Project({ skipFileDependencyResolution: true, skipLoadingLibFiles: true });
  const discovered = new Map<string, DiscoveredWorkflow[]>();
  for (const file of files) {
    const found = discoverWorkflows(project.addSourceFileAtPath(file));
    if (found.length > 0) discovered.set(file, found);
  }
  return discovered;
}

type CompileOutcome =
  | { readonly ok: true; readonly definition: AslDocument }
  | { readonly ok: false; readonly problem: string };

/** Compiles and validates one workflow; any failure, expected or not, becomes a printable problem. */
function compileAndValidate(loaded: LoadedWorkflow, options: BuildOptions): CompileOutcome {
  let definition: AslDocument;
  try {
    const queryLanguage = options.queryLanguage === undefined ? {} : { queryLanguage: options.queryLanguage };
    definition = compile(loaded.workflow, queryLanguage).definition;
  } catch (error) {
    const problem = error instanceof CompileError ? formatDiagnostics(error.diagnostics) : messageOf(error);
    return { ok: false, problem: `does not compile:\n${indent(problem)}` };
  }
  const errors = validate(definition).filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, problem: `is invalid:\n${indent(formatDiagnostics(errors))}` };
  return { ok: true, definition };
}

function isValidName(name: string): boolean {
  return name.length >= 1 && name.length <= 80 && !FORBIDDEN_NAME_CHARACTERS.test(name);
}

function groupByName(workflows: readonly LoadedWorkflow[]): Map<string, LoadedWorkflow[]> {
  const groups = new Map<string, LoadedWorkflow[]>();
  for (const loaded of workflows) {
    groups.set(loaded.workflow.name, [...(groups.get(loaded.workflow.name) ?? []), loaded]);
  }
  return groups;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
