import {
  type CompilableWorkflow,
  type CompiledWorkflow,
  type CompileOptions,
  compile,
} from '@stepcraft/core';
import type { Finding } from '../deploy/analyze.js';
import { workflowSchemas } from '../schemas/json-schema.js';
import { type TemplateOptions, toTemplate } from './template.js';

/** A file `stepcraft build` writes beside `<Workflow>.asl.json`. */
export interface DeployFile {
  /** `<Workflow>.input.schema.json`, `<Workflow>.output.schema.json`, `<Workflow>.cloudformation.json`, `<Workflow>.sam.json`. */
  readonly name: string;
  readonly text: string;
}

/** The files, the policy findings and why a schema was not written. */
export interface DeployFiles {
  readonly files: readonly DeployFile[];
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
}

/** Options of `deployFiles()`. */
export interface DeployFilesOptions extends CompileOptions {
  /** Also write a template in this format. */
  readonly format?: TemplateOptions['format'];
}

/**
 * What `stepcraft build` writes beside a workflow's ASL: the JSON Schemas of its input and output and, with a
 * format, its CloudFormation or SAM template. Pure: the caller writes the files. A caller that has already
 * compiled the workflow (with the same query language) passes `compiled`, so it is not compiled and validated again.
 */
export function deployFiles(
  workflow: CompilableWorkflow,
  options: DeployFilesOptions = {},
  compiled: CompiledWorkflow = compile(
    workflow,
    options.queryLanguage === undefined ? {} : { queryLanguage: options.queryLanguage },
  ),
): DeployFiles {
  const schemas = workflowSchemas(workflow, {}, compiled);
  const files: DeployFile[] = [];
  if (schemas.input !== undefined)
    files.push({ name: `${compiled.name}.input.schema.json`, text: json(schemas.input) });
  if (schemas.output !== undefined) {
    files.push({ name: `${compiled.name}.output.schema.json`, text: json(schemas.output) });
  }
  if (options.format === undefined) return { files, findings: [], notes: schemas.notes };
  const { template, findings } = toTemplate(compiled, { format: options.format });
  files.push({ name: `${compiled.name}.${options.format}.json`, text: json(template) });
  return { files, findings, notes: schemas.notes };
}

// Same bytes for the same input: key order is the order the writer built, two-space indent, final newline.
function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
