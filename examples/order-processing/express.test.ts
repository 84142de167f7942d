import { readFileSync } from 'node:fs';
import { validate } from '@stepcraft/asl';
import { compile, stringifyAsl } from '@stepcraft/core';
import { estimateCost, run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { sampleInput } from '../example-checks.js';
import { orderProcessingExpress } from './express.js';
import { orderProcessing } from './workflow.js';

describe('order-processing as an Express workflow', () => {
  const standard = compile(orderProcessing);
  const express = compile(orderProcessingExpress);

  test('the same ASL (the type is a deployment setting), valid as Express', () => {
    expect(express.type).toBe('EXPRESS');
    expect(stringifyAsl(express.definition)).toBe(
      readFileSync(new URL('workflow.asl.json', import.meta.url), 'utf8'),
    );
    expect(validate(express.definition, { stateMachineType: 'EXPRESS' })).toEqual([]);
  });

  test('runs the same way', async () => {
    const input = sampleInput(import.meta.url) as never;
    const [a, b] = await Promise.all([run(standard, input), run(express, input)]);
    expect(b.status).toBe('SUCCEEDED');
    expect(b.output).toEqual(a.output);
  });

  test('costs, checked by hand: a million orders a month, 850 ms each', async () => {
    const result = await run(express, sampleInput(import.meta.url) as never);
    const estimate = estimateCost(result, {
      type: 'EXPRESS',
      definition: express.definition,
      perMonth: 1_000_000,
      durationMs: 850,
    });
    // 4 states (ReceiveOrder, ProcessPayment, CheckInventory, OrderCompleted), no retries.
    expect(estimate.usage.billedTransitions).toBe(4);
    // Standard: 4 × $0.025 / 1,000 = $0.0001 a run; (4,000,000 − 4,000 free) × $0.000025 = $99.90 a month.
    expect(estimate.standard).toEqual({
      perRun: 0.0001,
      perMonth: 99.9,
      billableTransitionsPerMonth: 3_996_000,
    });
    // Express: 850 ms → 900 ms × 64 MB = 0.05625 GB-s; $0.000001 + 0.05625 / 3,600 × $0.06 = $0.0000019375 a run;
    // $1.00 of requests + 15.625 GB-hours × $0.06 = $1.9375 a month.
    expect(estimate.usage.gbSeconds).toBe(0.05625);
    expect(estimate.express?.perRun).toBeCloseTo(0.0000019375, 12);
    expect(estimate.express?.perMonth).toBeCloseTo(1.9375, 9);
    expect(estimate.cheaper).toBe('EXPRESS');
    // (4n − 4,000) × 0.000025 = 0.0000019375 n → n = 0.1 / 0.0000980625 = 1,019.8.
    expect(estimate.breakEvenRunsPerMonth).toBe(1_020);
  });

  test('a declined card costs more: the error path runs more states', async () => {
    const result = await run(express, { ...sampleInput(import.meta.url), card: 'declined' } as never);
    expect(result.status).toBe('FAILED');
    // ReceiveOrder, ProcessPayment, HandleError, SendAlert, OrderFailed.
    expect(estimateCost(result).usage.billedTransitions).toBe(5);
  });
});
