import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { type CostInput, estimateCost, PRICES, type PriceTable, run, StatesError } from '../src/index.js';

/** A history as AWS shapes it: each event's type and, for state events, the state's name and payload. */
function events(
  ...types: readonly (string | [string, string, string?])[]
): NonNullable<CostInput['history']> {
  return types.map((entry, i) => {
    const [type, name, payload] = typeof entry === 'string' ? [entry] : entry;
    const key = type.endsWith('StateEntered') ? 'stateEnteredEventDetails' : 'stateExitedEventDetails';
    const details =
      name === undefined
        ? {}
        : {
            [key]: {
              name,
              ...(type.endsWith('StateEntered') ? { input: payload ?? '{}' } : { output: payload ?? '{}' }),
            },
          };
    return { id: i + 1, previousEventId: i, timestamp: '2024-01-01T00:00:00.000Z', type, ...details };
  });
}

// Five states entered, the Task retried once: 6 billed transitions, 1,234 ms, a 2,000-byte definition.
const definition = JSON.parse(
  JSON.stringify({ Comment: 'x'.repeat(1_938), StartAt: 'A', States: { A: { Type: 'Succeed' } } }),
) as AslDocument;
const sample: CostInput = {
  stats: { transitions: 6, durationMs: 1_234 },
  definition,
  history: events(
    'ExecutionStarted',
    ['PassStateEntered', 'Receive'],
    ['PassStateExited', 'Receive'],
    ['TaskStateEntered', 'Charge'],
    'TaskScheduled',
    'TaskStarted',
    'TaskFailed',
    'TaskScheduled',
    'TaskStarted',
    'TaskSucceeded',
    ['TaskStateExited', 'Charge'],
    ['ChoiceStateEntered', 'Route'],
    ['ChoiceStateExited', 'Route'],
    ['WaitStateEntered', 'Settle'],
    ['WaitStateExited', 'Settle'],
    ['SucceedStateEntered', 'Done'],
    ['SucceedStateExited', 'Done'],
    'ExecutionSucceeded',
  ),
};

describe('estimateCost: the arithmetic, checked by hand', () => {
  test('one execution in us-east-1', () => {
    expect(Buffer.byteLength(JSON.stringify(definition))).toBe(2_000);
    const estimate = estimateCost(sample);
    expect(estimate.usage).toEqual({
      statesEntered: 5,
      retries: 1,
      billedTransitions: 6, // 5 states + 1 retry
      durationMs: 1_234,
      definitionBytes: 2_000,
      largestPayloadBytes: 2,
      parallelSteps: 0,
      billedDurationMs: 1_300, // rounded up to 100 ms
      memoryMb: 50.002, // 50 MB + 2,000 bytes
      billedMemoryMb: 64, // one 64 MB chunk
      gbSeconds: 0.08125, // 1.3 s × 64/1024 GB
    });
    // Standard: 6 × $0.025 / 1,000 = $0.00015.
    expect(estimate.standard).toEqual({ perRun: 0.00015 });
    // Express: $1 / 1,000,000 + 0.08125 GB-s / 3,600 × $0.06 per GB-hour = $0.000001 + $0.000001354166…
    expect(estimate.express?.perRun).toBeCloseTo(0.0000023541667, 12);
    expect(estimate.cheaper).toBe('EXPRESS');
    expect(estimate.prices).toEqual({ source: PRICES.source, asOf: PRICES.asOf });
  });

  test('a million executions a month, with the free tier and the first duration tier', () => {
    const estimate = estimateCost(sample, { perMonth: 1_000_000 });
    // Standard: (6,000,000 − 4,000 free) × $0.000025 = $149.90.
    expect(estimate.standard).toEqual({
      perRun: 0.00015,
      perMonth: 149.9,
      billableTransitionsPerMonth: 5_996_000,
    });
    // Express: $1.00 requests + 1,000,000 × 0.08125 / 3,600 = 22.569… GB-hours × $0.06 = $1.3541… → $2.3541…
    expect(estimate.express?.perMonth).toBeCloseTo(2.354166666667, 9);
    expect(estimate.runsPerMonth).toBe(1_000_000);
    expect(estimate.cheaper).toBe('EXPRESS');
  });

  test('break-even: Standard is free up to 666⅔ runs, then costs $0.00015 a run against Express’s $0.0000023541…', () => {
    // Standard − Express = (6n − 4,000) × 0.000025 − 0.0000023541667 n = 0 → n = 0.1 / 0.0001476458 = 677.3.
    expect(estimateCost(sample).breakEvenRunsPerMonth).toBe(678);
    expect(estimateCost(sample, { perMonth: 677 }).cheaper).toBe('STANDARD');
    expect(estimateCost(sample, { perMonth: 678 }).cheaper).toBe('EXPRESS');
  });

  test('the duration tiers: past 1,000 and 5,000 GB-hours a month the GB-hour costs $0.03, then $0.01642', () => {
    // 60 s × 64 MB = 3.75 GB-s; 2,000,000 runs = 2,083.33 GB-hours: 1,000 × 0.06 + 1,083.33 × 0.03 = $92.50.
    const long = estimateCost(
      { stats: { transitions: 3, durationMs: 60_000 }, history: [] },
      { perMonth: 2_000_000 },
    );
    expect(long.usage.gbSeconds).toBe(3.75);
    expect(long.express?.perMonth).toBeCloseTo(2 + 60 + (2_083.333333333 - 1_000) * 0.03, 6);
    // 10,000,000 runs = 10,416.67 GB-hours: 60 + 4,000 × 0.03 + 5,416.67 × 0.01642 = $268.94 (+ $10 requests).
    const more = estimateCost(
      { stats: { transitions: 3, durationMs: 60_000 }, history: [] },
      { perMonth: 10_000_000 },
    );
    expect(more.express?.perMonth).toBeCloseTo(10 + 60 + 120 + (10_416.666666667 - 5_000) * 0.01642, 6);
    // Without events, the runner's own transition count (states + retries) is billed.
    expect(long.usage.billedTransitions).toBe(3);
  });

  test('a slow run may never be cheaper as Express, and Express may not be possible at all', () => {
    // One transition ($0.000025) against 4 minutes × 64 MB = 15 GB-s: even at the last tier's $0.01642 per GB-hour
    // that is $0.0000684 + $0.000001 a run, so Express never catches up.
    const slow = estimateCost(
      { stats: { transitions: 1, durationMs: 240_000 }, history: [] },
      { perMonth: 1e9 },
    );
    expect(slow.cheaper).toBe('STANDARD');
    expect(slow.breakEvenRunsPerMonth).toBeUndefined();
    const tooLong = estimateCost(sample, { durationMs: 300_001 });
    expect(tooLong.express?.unavailable).toBe('the run takes longer than Express allows (5 minutes)');
    const sync = estimateCost({
      ...sample,
      definition: JSON.parse(
        '{"StartAt":"Job","States":{"Job":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun.sync","End":true}}}',
      ),
    });
    expect(sync.express?.unavailable).toBe(`"Job" uses the '.sync' service integration`);
  });

  test('Map iterations and Parallel branches multiply the execution data in the memory estimate', () => {
    const fan: AslDocument = JSON.parse(
      JSON.stringify({
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'A', States: { A: { Type: 'Succeed' } } },
              { StartAt: 'B', States: { B: { Type: 'Succeed' } } },
            ],
            End: true,
          },
        },
      }),
    );
    const payload = JSON.stringify({ blob: 'x'.repeat(3_999_989) }); // 4,000,000 bytes
    const estimate = estimateCost({
      stats: { transitions: 0, durationMs: 50 },
      definition: fan,
      events: events(
        ['ParallelStateEntered', 'P', payload],
        'ParallelStateStarted',
        ['MapStateEntered', 'M'],
        'MapStateStarted',
        'MapIterationStarted',
        'MapIterationStarted',
      ),
    });
    // 50 MB + definition + 4 MB × (2 branches + 2 iterations) = 66.x MB → two 64 MB chunks.
    expect(estimate.usage.parallelSteps).toBe(4);
    expect(estimate.usage.largestPayloadBytes).toBe(4_000_000);
    expect(estimate.usage.billedMemoryMb).toBe(128);
    expect(estimate.usage.billedDurationMs).toBe(100);
  });

  test('prices are data: other regions, your own table, and clear errors', () => {
    expect(estimateCost(sample, { region: 'sa-east-1' }).standard.perRun).toBeCloseTo(0.000225, 12);
    expect(estimateCost(sample, { region: 'eu-west-3' }).express).toBeUndefined();
    const mine: PriceTable = {
      ...PRICES,
      asOf: '2030-01-01',
      regions: { 'xx-test-1': { standard: { perThousandTransitions: 1, freeTransitionsPerMonth: 0 } } },
    };
    expect(estimateCost(sample, { region: 'xx-test-1', prices: mine }).standard.perRun).toBe(0.006);
    expect(() => estimateCost(sample, { region: 'mars-1' })).toThrow(/No prices for region 'mars-1'/);
    expect(() => estimateCost(sample, { region: '__proto__' })).toThrow(/No prices for region '__proto__'/);
    expect(() => estimateCost(sample, { perMonth: -1 })).toThrow(/perMonth must be a non-negative number/);
    expect(() => estimateCost(sample, { durationMs: Number.NaN })).toThrow(/durationMs must be/);
  });
});

describe('estimateCost on a local run', () => {
  test('retries are billed: the history count agrees with the runner’s own transitions', async () => {
    const workflow: AslDocument = JSON.parse(
      JSON.stringify({
        StartAt: 'Charge',
        States: {
          Charge: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
            Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 1, MaxAttempts: 3 }],
            Next: 'Done',
          },
          Done: { Type: 'Succeed' },
        },
      }),
    );
    let calls = 0;
    const result = await run(
      workflow,
      {},
      {
        handlers: {
          charge: () => {
            calls++;
            if (calls < 3) throw new StatesError('Busy', 'try again');
            return { ok: true };
          },
        },
      },
    );
    expect(result.status).toBe('SUCCEEDED');
    const estimate = estimateCost(result, { definition: workflow });
    expect(estimate.usage).toMatchObject({ statesEntered: 2, retries: 2, billedTransitions: 4 });
    expect(estimate.usage.billedTransitions).toBe(result.stats.transitions);
    // Retries waited 1 s and 2 s on the virtual clock: 3 s billed as 3,000 ms.
    expect(estimate.usage.billedDurationMs).toBe(3_000);
  });
});
