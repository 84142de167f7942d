import { parseDocumentText } from '../document-file.js';
import { readInputFile, writeOutputFile } from '../files.js';
import { generateWorkflowSource, ImportError } from '../import/index.js';
import { type ExitCode, formatJson, type Io, messageOf } from '../output.js';

/** Options of `stepcraft import`. */
export interface ImportCommandOptions {
  readonly file: string;
  /** Where to write the TypeScript (default: stdout). */
  readonly out?: string;
  /** The workflow's name (default: `ImportedWorkflow`). */
  readonly name?: string;
  /** Print `{"code"}` (or `{"out"}` when written to a file) as JSON. */
  readonly json?: boolean;
  /** Renames the deprecated Map fields (`Iterator`, `Parameters`) to their current names. */
  readonly modernize?: boolean;
}

/** `stepcraft import FILE.asl.json`: prints or writes builder code for an ASL definition; exit 1 if it cannot. */
export async function importCommand(options: ImportCommandOptions, io: Io): Promise<ExitCode> {
  const text = await readInputFile(io.cwd, options.file);
  const parsed = parseDocumentText(text);
  if (!parsed.ok) {
    io.stderr(`${options.file}: ${parsed.diagnostic.message}`);
    return 1;
  }
  let source: string;
  try {
    source = generateWorkflowSource(parsed.document, {
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.modernize === true ? { modernize: true } : {}),
    });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.stderr(`${options.file}: cannot import: ${messageOf(error)}`);
    return 1;
  }
  if (options.out !== undefined) await writeOutputFile(io.cwd, options.out, source, '--out');
  if (options.json === true)
    io.stdout(formatJson(options.out === undefined ? { code: source } : { out: options.out }));
  else if (options.out === undefined) io.stdout(source.trimEnd());
  return 0;
}
