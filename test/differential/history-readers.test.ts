import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { parseRunEvents, summarizeRun } from '../../packages/cli/src/graph/run-summary.js';
import { run } from '../../packages/runner/src/index.js';
import { historyView, replay } from '../../packages/testing/src/index.js';
import { awsHistoryOf, tracedCases } from '../../packages/testing/test/aws-history.js';
import { failingFirstTry } from '../../packages/testing/test/evaluation-retry.js';
import { analyzeRun, pathOf } from '../../packages/viewer/page/analyze.js';
import { readRun } from '../../packages/viewer/src/index.js';

// Two readers turn a history into state visits (a third, the cli's run summary, only counts them): the testing toolkit's `historyView` (in Node, values parsed) and the
// viewer page's `analyzeRun` (in the browser, values kept as text for large runs). Each places events in their
// Map iteration or Parallel branch on its own, so they are checked against each other here: every visit's state,
// enclosing iterations and branches, events, input, output, status, error and cause, and its attempts (a Task's
// calls, a Map's or Parallel's runs: the retries) with each one's error and cause, must agree, on every execution
// recorded on AWS in the runtime corpus and on its local replay (the runner's history, whose links interleave).

/** One visit as both readers can say it. */
interface VisitSummary {
  readonly state: string;
  readonly path: readonly { readonly state: string; readonly index: number }[];
  readonly eventIds: readonly number[];
  readonly status: string;
  readonly error?: string | undefined;
  readonly cause?: string | undefined;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly attempts: readonly { readonly error?: string | undefined; readonly cause?: string | undefined }[];
}

function byTesting(history: unknown, definition: AslDocument): VisitSummary[] {
  return historyView(history as Parameters<typeof historyView>[0], definition).visits.map((visit) => ({
    state: visit.state,
    path: visit.path,
    eventIds: visit.eventIds,
    status: visit.status,
    error: visit.error,
    cause: visit.cause,
    input: visit.input,
    output: visit.output,
    attempts: visit.attempts.map((attempt) => ({ error: attempt.error, cause: attempt.cause })),
  }));
}

function byViewer(history: unknown, definition: AslDocument): VisitSummary[] | string {
  const read = readRun(history, { definition });
  if (!read.ok) return read.message;
  const parsed = (text: string | undefined) => (text === undefined ? undefined : JSON.parse(text));
  return analyzeRun(read.run).visits.map((visit) => ({
    state: visit.state,
    path: pathOf(visit),
    eventIds: visit.eventIds,
    // The viewer also tells a visit that succeeded after retrying apart; the toolkit lists its retries instead.
    status: visit.status === 'retried' ? 'succeeded' : visit.status,
    error: visit.error,
    cause: visit.cause,
    input: parsed(visit.input),
    output: parsed(visit.output),
    attempts: visit.attempts.map((attempt) => ({ error: attempt.error, cause: attempt.cause })),
  }));
}

describe('the history readers of the testing toolkit and the viewer', async () => {
  const cases = tracedCases();
  const histories = await Promise.all(
    cases.map(async (c) => {
      const aws = awsHistoryOf(c);
      const local = (await replay(c.definition, aws)).local.history;
      return [
        { id: `${c.id} (AWS)`, definition: c.definition, history: aws },
        { id: `${c.id} (local)`, definition: c.definition, history: { events: local } },
      ];
    }),
  ).then((pairs) => pairs.flat());

  test('read every visit of every recorded execution and its replay the same way', () => {
    const unreadable: string[] = [];
    const differing: string[] = [];
    for (const { id, definition, history } of histories) {
      const viewer = byViewer(history, definition);
      if (typeof viewer === 'string') {
        unreadable.push(`${id}: ${viewer}`);
        continue;
      }
      if (JSON.stringify(byTesting(history, definition)) !== JSON.stringify(viewer)) differing.push(id);
    }
    expect(histories.length).toBe(658);
    expect(differing).toEqual([]);
    expect(unreadable).toEqual([]);
  });

  test("the cli's run summary (`graph --run`) counts the same entries, exits and errors, and the same end", () => {
    // The cli reads counts and error names per state name; the definition names the error of a Fail state inside a
    // Map iteration or a Parallel branch, which no event carries (18 of these histories have one).
    const differing: string[] = [];
    for (const { id, definition, history } of histories) {
      const view = historyView(history as Parameters<typeof historyView>[0], definition);
      const counts = new Map<string, { entered: number; exited: number; errors: string[] }>();
      for (const visit of view.visits) {
        const count = counts.get(visit.state) ?? { entered: 0, exited: 0, errors: [] };
        count.entered++;
        if (visit.exitedEventId !== undefined) count.exited++;
        for (const error of [...visit.attempts.map((a) => a.error), visit.error])
          if (error !== undefined && !count.errors.includes(error)) count.errors.push(error);
        counts.set(visit.state, count);
      }
      for (const count of counts.values()) count.errors.sort();
      const parsed = parseRunEvents(history);
      if (!parsed.ok) {
        differing.push(`${id}: ${parsed.message}`);
        continue;
      }
      const summary = summarizeRun(parsed.events, definition);
      const cli = [...summary.states].map(([state, { entered, exited, errors }]) => [
        state,
        { entered, exited, errors: [...errors].sort() },
      ]);
      if (summary.status !== view.status || JSON.stringify(cli.sort()) !== JSON.stringify([...counts].sort()))
        differing.push(`${id}: ${JSON.stringify(cli.sort())} vs ${JSON.stringify([...counts].sort())}`);
    }
    expect(differing).toEqual([]);
  });

  test('read a retried States.QueryEvaluationError the same way (before the call and after it)', async () => {
    for (const field of ['Arguments', 'Output'] as const) {
      const definition = failingFirstTry(field);
      const history = { events: (await run(definition, {}, { handlers: { f: () => 1 } })).history };
      const testing = byTesting(history, definition);
      expect(testing[0]?.attempts.map((attempt) => attempt.error)).toEqual([
        'States.QueryEvaluationError',
        undefined,
      ]);
      expect(byViewer(history, definition)).toEqual(testing);
    }
  });
});
