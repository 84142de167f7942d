import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { retryBackoff } from './workflow.js';

describe('retry-backoff', () => {
  const compiled = checkExample(retryBackoff, import.meta.url);

  test('two busy answers are caught, counted in a variable, and retried after a backoff', async () => {
    const result = await run(compiled, sampleInput(import.meta.url) as never);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ value: 'ok-r-7', attempts: 2, lastError: 'Flaky.Busy' });
    const waits = result.history.filter((e) => e.type === 'WaitStateEntered');
    expect(waits).toHaveLength(2);
  });

  test('a service that stays busy gives up after three attempts', async () => {
    const result = await run(compiled, { requestId: 'r-8', busyTimes: 10 });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('GaveUp');
    expect(result.cause).toBe('Request r-8 stayed busy');
  });
});
