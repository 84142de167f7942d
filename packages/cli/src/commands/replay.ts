import type { AslDocument } from '@stepcraft/asl';
import type { RunnableWorkflow } from '@stepcraft/runner';
import { formatDivergence, HistoryFormatError, replay } from '@stepcraft/testing';
import { UsageError } from '../errors.js';
import { readInputFile } from '../files.js';
import { describeJsonError, parseJson } from '../json-text.js';
import { loadTarget } from '../load-target.js';
import { type ExitCode, formatJson, type Io } from '../output.js';

/** Options of `stepcraft replay`. */
export interface ReplayCommandOptions {
  /** An ASL JSON file, or a TypeScript (or JavaScript) module exporting a workflow. */
  readonly file: string;
  /** The JSON of `aws stepfunctions get-execution-history` for a real execution of that workflow. */
  readonly history: string;
  readonly workflow?: string;
  readonly json?: boolean;
}

/**
 * `stepcraft replay`: runs the workflow locally with every task answered as AWS recorded it, and reports where the
 * local run first differs from AWS's; exit 0 when nothing differs, 1 when something does.
 */
export async function replayCommand(options: ReplayCommandOptions, io: Io): Promise<ExitCode> {
  const parsed = parseJson(await readInputFile(io.cwd, options.history));
  if (!parsed.ok) throw new UsageError(`--history ${options.history}: ${describeJsonError(parsed)}`);
  const target = await loadTarget(options.file, options.workflow, io.cwd);
  if (!target.ok) {
    io.stderr(target.message);
    return 1;
  }
  const runnable: RunnableWorkflow =
    target.kind === 'compiled' ? target.compiled : (target.document as AslDocument);
  let report: Awaited<ReturnType<typeof replay>>;
  try {
    report = await replay(runnable, parsed.value);
  } catch (error) {
    if (error instanceof HistoryFormatError)
      throw new UsageError(`--history ${options.history}: ${error.message}`);
    throw error;
  }
  const { local, divergences } = report;
  if (local.diagnostics !== undefined && local.diagnostics.length > 0) {
    io.stderr(`${options.file}: the definition is not valid: ${local.cause ?? ''}`);
    return 1;
  }
  if (options.json === true) {
    io.stdout(formatJson({ matches: report.matches, divergences }));
  } else if (report.first === undefined) {
    io.stdout(
      `No divergence: the local run did what AWS's history shows (${report.aws.visits.length} state visits, ${local.status}).`,
    );
  } else {
    const more = divergences.length - 1;
    io.stderr(
      `${formatDivergence(report.first)}${more > 0 ? `\n(${more} more divergence${more === 1 ? '' : 's'} after it)` : ''}`,
    );
  }
  return report.matches ? 0 : 1;
}
