import { type CostEstimate, type ExecutionResult, estimateCost, run } from '@stepcraft/runner';
import { UsageError } from '../errors.js';
import { invalidMessage } from '../load-target.js';
import { type ExitCode, formatJson, type Io, messageOf } from '../output.js';
import { type PreparedRun, prepareRun, type RunOptions } from './run.js';

/** Options of `stepcraft cost`: those of `stepcraft run` (but the history), plus the volume and the prices. */
export interface CostCommandOptions extends Omit<RunOptions, 'history'> {
  /** Executions per month. */
  readonly runsPerMonth: number;
  readonly region?: string;
  /** The workflow's type for an ASL file (a TypeScript workflow declares its own). */
  readonly type?: 'STANDARD' | 'EXPRESS';
  /** The duration to bill instead of the local run's simulated one. */
  readonly durationMs?: number;
}

/**
 * `stepcraft cost`: runs the workflow locally once, then prices that execution as Standard and as Express for the
 * given monthly volume. Exit 0 when priced, 1 when the workflow cannot be loaded or run.
 */
export async function costCommand(options: CostCommandOptions, io: Io): Promise<ExitCode> {
  const prepared = await prepareRun(options, io);
  if (prepared === undefined) return 1;
  const { input, runnable, definition, handlers } = prepared;
  const type = prepared.type ?? options.type ?? 'STANDARD';
  let estimate: CostEstimate;
  try {
    const result = await run(runnable, input, {
      ...(handlers === undefined ? {} : { handlers }),
      ...(prepared.type === undefined ? { stateMachineType: type } : {}),
    });
    if (result.diagnostics !== undefined && result.diagnostics.length > 0) {
      io.stderr(invalidMessage(options.file, result.diagnostics));
      return 1;
    }
    if (result.status !== 'SUCCEEDED') {
      io.stderr(
        `Note: the run ended ${result.status} (${result.error ?? 'no error'}); it is priced as it ran.`,
      );
    }
    estimate = estimateCost(result, {
      type,
      definition,
      perMonth: options.runsPerMonth,
      ...(options.region === undefined ? {} : { region: options.region }),
      ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
    });
  } catch (error) {
    io.stderr(`stepcraft cost: ${messageOf(error)}`);
    return 1;
  }
  io.stdout(options.json === true ? formatJson(estimate) : formatEstimate(estimate));
  return 0;
}

/** `run --cost`: what one run of `workflow` costs as its own type and as the other one. */
export function costReport(
  result: ExecutionResult,
  workflow: Pick<PreparedRun, 'definition' | 'type'>,
): string {
  return formatEstimate(
    estimateCost(result, { type: workflow.type ?? 'STANDARD', definition: workflow.definition }),
    "'stepcraft cost FILE --duration-ms MS'",
  );
}

/** Parses `--runs-per-month` and `--duration-ms`: a non-negative number (`1e6` and `1_000_000` allowed). */
export function parseCount(name: string, text: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new UsageError(`--${name} must be a non-negative number, got '${text}'`);
  }
  return value;
}

/**
 * The estimate as a short report: usage, then Standard and Express side by side. `durationOption` is how the
 * reader bills a realistic duration (a local run's handlers take no simulated time).
 */
export function formatEstimate(estimate: CostEstimate, durationOption = '--duration-ms'): string {
  const { usage } = estimate;
  const runs = estimate.runsPerMonth;
  const rows: [string, string, string][] = [
    ['', 'per run', runs === undefined ? '' : `per month (${count(runs)} runs)`],
    [
      mark('Standard', 'STANDARD', estimate),
      usd(estimate.standard.perRun),
      usdOrBlank(estimate.standard.perMonth),
    ],
  ];
  if (estimate.express !== undefined) {
    rows.push([
      mark('Express', 'EXPRESS', estimate),
      usd(estimate.express.perRun),
      usdOrBlank(estimate.express.perMonth),
    ]);
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  const table = rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('   ')
      .trimEnd(),
  );
  const lines = [
    `${estimate.region}, prices as of ${estimate.prices.asOf} (${estimate.prices.source})`,
    `One run: ${count(usage.billedTransitions)} billed state transitions (${count(usage.statesEntered)} states + ${count(usage.retries)} retries); ${count(usage.durationMs)} ms, billed as ${count(usage.billedDurationMs)} ms × ${usage.billedMemoryMb} MB = ${usage.gbSeconds} GB-s for Express`,
    ...(usage.durationMs < 100
      ? [
          `(A local run takes no simulated time in its handlers: bill a realistic duration with ${durationOption}.)`,
        ]
      : []),
    '',
    ...table,
    '',
  ];
  if (estimate.express === undefined) lines.push(`No Express price for ${estimate.region} in the table.`);
  else {
    if (estimate.express.unavailable !== undefined) {
      lines.push(`This workflow cannot run as Express: ${estimate.express.unavailable}.`);
    }
    if (estimate.cheaper !== undefined) {
      lines.push(
        `Cheaper${runs === undefined ? ' per run' : ` at ${count(runs)} runs a month`}: ${title(estimate.cheaper)}.`,
      );
    }
    lines.push(
      estimate.breakEvenRunsPerMonth === undefined
        ? 'Express never costs less than Standard for this run.'
        : `Break-even: from ${count(estimate.breakEvenRunsPerMonth)} runs a month Express costs less.`,
    );
    lines.push(
      'Express runs at least once (asynchronous starts) or at most once (synchronous), not exactly once like Standard: its steps must be idempotent.',
    );
  }
  return lines.join('\n');
}

function mark(label: string, type: 'STANDARD' | 'EXPRESS', estimate: CostEstimate): string {
  return estimate.type === type ? `${label} (yours)` : label;
}

function title(type: 'STANDARD' | 'EXPRESS'): string {
  return type === 'STANDARD' ? 'Standard' : 'Express';
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

// Dollars with cents, or with four significant digits below a cent.
function usd(value: number): string {
  if (value === 0) return '$0.00';
  if (value >= 0.01)
    return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return `$${value.toPrecision(4)}`;
}

function usdOrBlank(value: number | undefined): string {
  return value === undefined ? '' : usd(value);
}
