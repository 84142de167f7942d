import { describe, expect, test } from 'vitest';
import { FIXTURES, stepcraft } from './helpers.js';

const order = `${FIXTURES}/asl/order.asl.json`;
const handlers = `${FIXTURES}/handlers.ts`;
const input = '{"orderId":"o-1","amount":42}';
const base = ['cost', order, '--input', input, '--handlers', handlers];

describe('stepcraft cost', () => {
  test('prices a local run as Standard and as Express, side by side', async () => {
    const result = await stepcraft([...base, '--runs-per-month', '1_000_000', '--duration-ms', '850']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('us-east-1, prices as of');
    expect(result.stdout).toMatch(/^Standard \(yours\) +\$0\.0000\d+ +\$\d+\.\d\d$/m);
    expect(result.stdout).toMatch(/^Express +\$0\.00000\d+ +\$\d+\.\d\d$/m);
    expect(result.stdout).toContain('Break-even: from ');
    expect(result.stdout).toContain('not exactly once like Standard');
  });

  test('--json prints the estimate, with the arithmetic of the run', async () => {
    const result = await stepcraft([...base, '--runs-per-month', '1e6', '--type', 'EXPRESS', '--json']);
    expect(result.code).toBe(0);
    const estimate = JSON.parse(result.stdout);
    expect(estimate).toMatchObject({ type: 'EXPRESS', region: 'us-east-1', runsPerMonth: 1_000_000 });
    const transitions = estimate.usage.billedTransitions;
    // Standard per month: (transitions × 1,000,000 − 4,000 free) × $0.025 / 1,000.
    expect(estimate.standard.perMonth).toBeCloseTo(((transitions * 1e6 - 4000) * 0.025) / 1000, 6);
    // Express per month: $1 of requests + 1,000,000 × 0.1 s × 64/1024 GB / 3,600 × $0.06.
    expect(estimate.express.perMonth).toBeCloseTo(1 + ((1e6 * 0.1 * 0.0625) / 3600) * 0.06, 6);
  });

  test('usage errors: missing volume, bad numbers, bad type, unknown region', async () => {
    const missing = await stepcraft(base);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing required option --runs-per-month N');
    const bad = await stepcraft([...base, '--runs-per-month', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--runs-per-month must be a non-negative number, got 'many'");
    const type = await stepcraft([...base, '--runs-per-month', '5', '--type', 'FAST']);
    expect(type.code).toBe(2);
    expect(type.stderr).toContain("--type must be STANDARD or EXPRESS, not 'FAST'");
    const typo = await stepcraft([...base, '--runs-per-month', '5', '--type', 'EXPERSS']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/not 'EXPERSS'.*did you mean .*EXPRESS/i);
    const region = await stepcraft([...base, '--runs-per-month', '5', '--region', 'mars-1']);
    expect(region.code).toBe(1);
    expect(region.stderr).toContain("No prices for region 'mars-1'");
  });

  test('run --cost prints the run, then what it cost, on stderr', async () => {
    const result = await stepcraft(['run', order, '--input', input, '--handlers', handlers, '--cost']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toBeTypeOf('object');
    expect(result.stderr).toContain('billed state transitions');
    expect(result.stderr).toMatch(/^Standard \(yours\) +\$0\.0000\d+$/m);
    expect(result.stderr).toContain('Cheaper per run: Express.');
    expect(result.stderr).toContain("bill a realistic duration with 'stepcraft cost FILE --duration-ms MS'");
  });
});
