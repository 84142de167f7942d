import { type Diagnostic, formatDiagnostics, validate } from '@stepcraft/asl';
import { parseDocumentText } from '../document-file.js';
import { readInputFile } from '../files.js';
import { type ExitCode, formatJson, type Io } from '../output.js';

/** Options of `stepcraft validate`. */
export interface ValidateOptions {
  readonly files: readonly string[];
  /** Print `[{file, valid, diagnostics}]` instead of lines and a summary. */
  readonly json?: boolean;
  /** Check that `Resource` is an ARN (default true; statelint-style fixtures use `foo:bar`). */
  readonly checkArn?: boolean;
  /** SAM/CloudFormation `${KEY}` placeholders and their values. */
  readonly substitutions?: Readonly<Record<string, string>>;
  /** Validate with the rules of an Express state machine. */
  readonly express?: boolean;
}

/** The verdict on one file. */
export interface FileReport {
  readonly file: string;
  readonly valid: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/** `stepcraft validate FILE…`: checks ASL files; exit 0 when all are valid, 1 otherwise. */
export async function validateCommand(options: ValidateOptions, io: Io): Promise<ExitCode> {
  // Read everything first, so a missing file is a usage error before any output.
  const texts = await Promise.all(options.files.map((file) => readInputFile(io.cwd, file)));
  const reports = options.files.map((file, index) => validateText(file, texts[index] ?? '', options));
  const invalid = reports.filter((report) => !report.valid).length;
  if (options.json === true) {
    io.stdout(formatJson(reports));
  } else {
    for (const report of reports) {
      if (report.diagnostics.length > 0) io.stdout(formatDiagnostics(report.diagnostics, report.file));
    }
    io.stdout(`${plural(reports.length, 'file')}, ${reports.length - invalid} valid, ${invalid} invalid`);
  }
  return invalid === 0 ? 0 : 1;
}

/** Validates one file's text; a file is valid when it has no error-severity diagnostic. */
export function validateText(
  file: string,
  text: string,
  options: Omit<ValidateOptions, 'files'>,
): FileReport {
  const parsed = parseDocumentText(text);
  const diagnostics = parsed.ok
    ? validate(parsed.document, {
        checkArn: options.checkArn ?? true,
        ...(options.substitutions === undefined ? {} : { substitutions: options.substitutions }),
        stateMachineType: options.express === true ? 'EXPRESS' : 'STANDARD',
        text,
      })
    : [parsed.diagnostic];
  return { file, valid: diagnostics.every((d) => d.severity !== 'error'), diagnostics };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
