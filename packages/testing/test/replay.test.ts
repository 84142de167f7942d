import type { JsonValue } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { type AwsHistoryEvent, formatDivergence, mock, replay, run } from '../src/index.js';
import { awsHistoryOf, type TracedCase, tracedCases } from './aws-history.js';
import { archive, checkout, order, pay } from './fixtures.js';

const cases = tracedCases();
const byId = (id: string): TracedCase => cases.find((c) => c.id === id) as TracedCase;

/** LocalStack redacted these values in its recordings (random ids, ARNs, dates): the replay rightly finds them different. */
const REDACTED = /<[^<>]+>|^date$/;
const redacted = (value: JsonValue | undefined): boolean =>
  typeof value === 'string' ? REDACTED.test(value) : JSON.stringify(value ?? null).includes('<');

describe('replaying the executions recorded on AWS (runtime corpus)', async () => {
  const reports = await Promise.all(
    cases.map(async (c) => ({ c, report: await replay(c.definition, awsHistoryOf(c)) })),
  );

  test('every recorded execution replays; the ones that differ differ only where the recording was redacted', () => {
    const matching = reports.filter(({ report }) => report.matches).map(({ c }) => c.id);
    const differing = reports.filter(({ report }) => !report.matches);
    expect(cases.length).toBe(329);
    expect(matching.length).toBe(314);
    for (const { c, report } of differing) {
      const unexplained = report.divergences.filter((d) => !redacted(d.aws));
      expect(unexplained, `${c.id}: ${report.first && formatDivergence(report.first)}`).toEqual([]);
    }
  });

  test('at least 20 of them, of every kind, with zero divergences', () => {
    const zero = new Set(reports.filter(({ report }) => report.matches).map(({ c }) => c.id));
    for (const id of [
      'assign-scope-map',
      'task-lambda-arn-retry-catch-resultselector',
      'task-lambda-invoke-catch-all-outputpath-payload',
      'task-lambda-arn-raise-exception-uncaught',
      'parallel-nested',
      'parallel-retry',
      'map-retry-multiple-retriers',
      'scen-map-state-tolerated-failure-count-path-1',
      'base-base-wait-seconds-path',
      'base-state-fail',
    ]) {
      expect(zero.has(id), id).toBe(true);
    }
    expect(zero.size).toBeGreaterThanOrEqual(20);
  });
});

/** A copy of a history with one event's details changed. */
function altered(
  history: { events: AwsHistoryEvent[] },
  eventId: number,
  change: (details: Record<string, unknown>) => void,
): { events: AwsHistoryEvent[] } {
  const events = structuredClone(history.events);
  const event = events.find((e) => e.id === eventId) as unknown as Record<string, unknown>;
  const key = Object.keys(event).find((k) => k.endsWith('EventDetails')) as string;
  change(event[key] as Record<string, unknown>);
  return { events };
}

describe('a deliberately altered history', () => {
  test('an output changed inside a Map iteration is the first divergence, at its event, with both values', async () => {
    const c = byId('assign-scope-map');
    const history = awsHistoryOf(c);
    // Event 12 is Inner's PassStateExited in the second iteration (output 2).
    expect(history.events[11]).toMatchObject({
      type: 'PassStateExited',
      stateExitedEventDetails: { output: '2' },
    });
    const report = await replay(
      c.definition,
      altered(history, 12, (d) => (d.output = '20')),
    );
    expect(report.matches).toBe(false);
    expect(report.first).toMatchObject({
      eventId: 12,
      state: 'Inner',
      path: [{ state: 'State1', index: 1 }],
      field: 'output',
      aws: 20,
      local: 2,
    });
    expect(report.first && formatDivergence(report.first)).toBe(
      'First divergence at AWS event #12 (local event #12): The output of "Inner" (in State1[1]) differs: AWS 20, local 2',
    );
  });

  test('a recorded task error is fed back as it is, so the state that outputs it is where the runs part', async () => {
    const c = byId('task-lambda-arn-retry-catch-resultselector-context-params');
    const history = awsHistoryOf(c);
    // The function fails on every attempt; the last failure is caught and its Error Output becomes the output.
    const failed = history.events.filter((e) => e.type === 'LambdaFunctionFailed').at(-1) as AwsHistoryEvent;
    expect(history.events[failed.id]?.type).toBe('TaskStateExited');
    const report = await replay(
      c.definition,
      altered(history, failed.id, (d) => (d.error = 'Other')),
    );
    expect(report.first).toMatchObject({
      eventId: failed.id + 1,
      field: 'output',
      at: '$.Error',
      aws: 'Exception',
      local: 'Other',
    });
  });

  test('a different Choice branch is reported as the path, at the state AWS went to', async () => {
    const result = await run(checkout, order, {
      mocks: [mock(pay).resolves({ paymentId: 'p', status: 'PAID' }), mock(archive).resolves({})],
      unmocked: 'allow',
    });
    // Pretend AWS paid with status DECLINED: the recorded result is fed back and Route goes elsewhere locally.
    const history = { events: structuredClone(result.history) as AwsHistoryEvent[] };
    const succeededEvent = history.events.find((e) => e.type === 'TaskSucceeded') as AwsHistoryEvent;
    const changed = altered(history, succeededEvent.id, (d) => {
      const output = JSON.parse(String(d.output)) as { Payload: { status: string } };
      output.Payload.status = 'DECLINED';
      d.output = JSON.stringify(output);
    });
    const report = await replay(checkout, changed);
    expect(report.first).toMatchObject({ field: 'output', state: 'ProcessPayment', at: '$.payment.status' });
    expect(report.divergences.find((d) => d.field === 'path')).toMatchObject({
      state: 'Route',
      aws: 'Archive',
      local: 'Declined',
    });
  });
});

describe('replaying a builder workflow', () => {
  test("a local run's own history replays with zero divergences (inputs, task calls, envelopes included)", async () => {
    const result = await run(checkout, order, {
      mocks: [
        mock(pay)
          .rejectsOnce('Lambda.TooManyRequestsException', 'slow')
          .resolves({ paymentId: 'p', status: 'PAID' }),
        mock(archive).resolves({}),
      ],
      unmocked: 'allow',
    });
    const report = await replay(checkout, { events: result.history as AwsHistoryEvent[] }, {});
    expect(report.divergences).toEqual([]);
    expect(report.local.view.visitsOf('ProcessPayment')[0]?.retries).toHaveLength(1);
  });

  test('a history without ExecutionStarted cannot be replayed', async () => {
    await expect(replay(checkout, { events: [] })).rejects.toThrow(
      'The history has no ExecutionStarted event: replay needs the execution input.',
    );
  });
});
