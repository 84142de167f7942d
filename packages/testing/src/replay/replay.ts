import type { JsonValue } from '@stepcraft/asl';
import type { QueryLanguage } from '@stepcraft/core';
import { type RunOptions, run as runnerRun } from '@stepcraft/runner';
import { HistoryFormatError } from '../errors.js';
import { type History, readEvents } from '../history/events.js';
import { type ExecutionView, historyView } from '../history/view.js';
import { finishExecution, type TestExecution } from '../run.js';
import { resolveWorkflow, type Testable } from '../workflow.js';
import { type Divergence, divergences } from './compare.js';
import { recordedHandlers } from './recorded-calls.js';

/** Options of `replay()`. */
export interface ReplayOptions
  extends Pick<
    RunOptions,
    'executionName' | 'stateMachineName' | 'region' | 'accountId' | 'stateMachineType'
  > {
  /** The query language to compile a builder workflow to (default: the workflow's own). */
  readonly queryLanguage?: QueryLanguage;
  /**
   * Keys left out of every comparison, at any depth. Default: `SdkHttpMetadata` and `SdkResponseMetadata`, the
   * request ids, dates and headers AWS puts in a `lambda:invoke` result (the local run writes its own).
   */
  readonly ignoreKeys?: readonly string[];
}

/** What a replay found. */
export interface ReplayReport {
  /** True when the local run did everything AWS's history shows, the same way. */
  readonly matches: boolean;
  /** The earliest divergence in AWS's event order. */
  readonly first?: Divergence;
  readonly divergences: readonly Divergence[];
  /** AWS's execution, read as state visits. */
  readonly aws: ExecutionView;
  /** The local run. */
  readonly local: TestExecution;
}

const DEFAULT_IGNORED = ['SdkHttpMetadata', 'SdkResponseMetadata'];

/**
 * Replays a real execution: takes the JSON of `aws stepfunctions get-execution-history` from a real run, answers
 * every Task call with the result or error AWS recorded for it, runs the workflow locally on the same input from
 * the same start time, and reports where the local run's path, state inputs, task inputs, errors, outputs or
 * variables first differ from AWS's, with both values.
 * @example
 * const report = await replay(orderProcessing, JSON.parse(readFileSync('history.json', 'utf8')));
 * if (!report.matches) console.log(formatDivergence(report.first!));
 */
export async function replay(
  workflow: Testable,
  awsHistory: History | JsonValue,
  options: ReplayOptions = {},
): Promise<ReplayReport> {
  const { queryLanguage, ignoreKeys = DEFAULT_IGNORED, ...runOptions } = options;
  const resolved = resolveWorkflow(workflow, queryLanguage);
  const events = readEvents(awsHistory);
  const started = events.find((e) => e.type === 'ExecutionStarted');
  if (started === undefined) {
    throw new HistoryFormatError(
      'The history has no ExecutionStarted event: replay needs the execution input.',
    );
  }
  const aws = historyView(awsHistory, resolved.definition);
  const name = runOptions.stateMachineName ?? resolved.name;
  const result = await runnerRun(resolved.runnable, aws.input ?? {}, {
    ...runOptions,
    ...(Number.isNaN(started.at) ? {} : { startTime: new Date(started.at) }),
    handlers: recordedHandlers(resolved.definition, aws),
  });
  const local = await finishExecution<JsonValue>(result, name, resolved.definition);
  const found = divergences(aws, local.view, new Set(ignoreKeys));
  return {
    matches: found.length === 0,
    ...(found[0] === undefined ? {} : { first: found[0] }),
    divergences: found,
    aws,
    local,
  };
}

/** A divergence as one readable paragraph: the AWS event, the state, and both values. */
export function formatDivergence(divergence: Divergence): string {
  const local = divergence.localEventId === undefined ? '' : ` (local event #${divergence.localEventId})`;
  return `First divergence at AWS event #${divergence.eventId}${local}: ${divergence.message}`;
}
