import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '@stepcraft/core';
import { afterAll, describe, expect, test } from 'vitest';
import type { Vitest } from 'vitest/node';
import { COVERAGE_DIR_ENV } from '../src/coverage/record.js';
import { mergeRecords, thresholdFailures, type WorkflowCoverage } from '../src/coverage/report.js';
import { coverageItems, coveredIds, formatCoverage, mock, ratios, run } from '../src/index.js';
import StepcraftCoverageReporter from '../src/vitest/reporter.js';
import { archive, checkout, order, pay } from './fixtures.js';

const alerted = mock.sqs('https://sqs.us-east-1.amazonaws.com/123456789012/alerts').resolves({
  MD5OfMessageBody: 'm',
  MessageId: 'msg-1',
});
const { definition } = compile(checkout);
const paid = () =>
  run(checkout, order, {
    mocks: [
      mock(pay).rejectsOnce('Lambda.TooManyRequestsException').resolves({ paymentId: 'p', status: 'PAID' }),
      alerted,
      mock(archive).resolves({}),
    ],
  });
const declined = () =>
  run(checkout, order, {
    mocks: [mock(pay).rejects('PaymentDeclined', 'no'), alerted, mock(archive).resolves({})],
  });

describe('what coverage counts', () => {
  test('states, transitions, Choice rules and Default, retriers and catchers of the definition', () => {
    expect(coverageItems(definition).map((i) => i.label)).toMatchInlineSnapshot(`
      [
        "ProcessPayment",
        "ProcessPayment Retry #0 [Lambda.TooManyRequestsException]",
        "ProcessPayment Catch #0 [States.ALL] → SendAlert",
        "Route",
        "Route rule #0 → Archive",
        "Route rule #1 → Cool",
        "Route Default → Declined",
        "Archive",
        "Done",
        "Cool",
        "Later",
        "Declined",
        "SendAlert",
        "OrderFailed",
        "ProcessPayment → Route",
        "ProcessPayment → SendAlert",
        "Route → Archive",
        "Route → Cool",
        "Route → Declined",
        "Archive → Done",
        "Cool → Later",
        "SendAlert → OrderFailed",
      ]
    `);
  });

  test('what two runs exercised, merged, as a table with what was missed', async () => {
    const ids = [
      ...coveredIds(definition, (await paid()).view),
      ...coveredIds(definition, (await declined()).view),
    ];
    const coverage: WorkflowCoverage = {
      name: 'Checkout',
      items: coverageItems(definition),
      covered: new Set(ids),
      runs: 2,
    };
    expect(ratios(coverage).total).toEqual({ covered: 14, total: 22 });
    expect(formatCoverage([coverage])).toMatchInlineSnapshot(`
      "Stepcraft workflow coverage
      workflow  states     transitions  choice rules  retries   catches   total        runs
      --------  ---------  -----------  ------------  --------  --------  -----------  ----
      Checkout  6/9 66.7%  5/8 62.5%    1/3 33.3%     1/1 100%  1/1 100%  14/22 63.6%  2

      Checkout: not covered
        states: Cool; Later; Declined
        transitions: Route → Cool; Route → Declined; Cool → Later
        choice rules: Route rule #1 → Cool; Route Default → Declined"
    `);
    expect(thresholdFailures([coverage], { states: 90, retries: 100 })).toEqual([
      'Checkout: states coverage 66.7% is below the threshold 90%',
    ]);
    expect(thresholdFailures([coverage], 50)).toEqual([
      'Checkout: choice rules coverage 33.3% is below the threshold 50%',
    ]);
  });

  test('records from several workers merge by workflow name; runs outside the included files are left out', () => {
    const items = coverageItems(definition);
    const merged = mergeRecords(
      [
        { type: 'workflow', id: 'a', name: 'Checkout', items },
        { type: 'workflow', id: 'b', name: 'Checkout', items },
        { type: 'run', id: 'a', file: '/repo/examples/x.test.ts', covered: [items[0]?.id ?? ''] },
        { type: 'run', id: 'b', file: '/repo/examples/y.test.ts', covered: [items[3]?.id ?? ''] },
        { type: 'run', id: 'b', file: '/repo/other.test.ts', covered: [items[4]?.id ?? ''] },
      ],
      (file) => file?.includes('/examples/') === true,
    );
    expect(merged.map((w) => [w.name, w.runs, w.covered.size])).toEqual([['Checkout', 2, 2]]);
  });
});

describe('the vitest reporter', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'stepcraft-reporter-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('prints the table, writes coverage/stepcraft.json and fails the run below the threshold', async () => {
    const printed: string[] = [];
    const errors: string[] = [];
    const vitest = {
      config: { root },
      logger: { log: (text: string) => printed.push(text), error: (text: string) => errors.push(text) },
    } as unknown as Vitest;
    const reporter = new StepcraftCoverageReporter({ threshold: { states: 90 } });
    const before = { env: process.env[COVERAGE_DIR_ENV], exitCode: process.exitCode };
    try {
      reporter.onInit(vitest);
      reporter.onTestRunStart();
      await paid();
      await declined();
      reporter.onTestRunEnd();
      expect(printed.join('\n')).toContain('Stepcraft workflow coverage');
      expect(errors).toEqual([
        'Stepcraft coverage below threshold:\n  Checkout: states coverage 66.7% is below the threshold 90%',
      ]);
      expect(process.exitCode).toBe(1);
      const json = JSON.parse(readFileSync(path.join(root, 'coverage/stepcraft.json'), 'utf8'));
      expect(json.format).toBe('stepcraft.coverage/1');
      expect(json.workflows[0]).toMatchObject({
        name: 'Checkout',
        runs: 2,
        summary: { states: { covered: 6, total: 9, percent: 66.67 } },
      });
    } finally {
      process.exitCode = before.exitCode;
      if (before.env === undefined) delete process.env[COVERAGE_DIR_ENV];
      else process.env[COVERAGE_DIR_ENV] = before.env;
    }
  });
});
