import { mock, run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { callService } from './handlers.js';
import { Request } from './schemas.js';
import { call, retryBackoff } from './workflow.js';

describe('retry-backoff', () => {
  checkExample(retryBackoff, import.meta.url);
  const request = Request.parse(sampleInput(import.meta.url));

  test('two busy answers are caught, counted in a variable, and retried after a backoff', async () => {
    const result = await run(retryBackoff, request);
    expect(result).toSucceedWith({ value: 'ok-r-7', attempts: 2, lastError: 'Flaky.Busy' });
    expect(result.view.visitsOf('Backoff')).toHaveLength(2);
    expect(result).toHaveWaited('Backoff', 2);
    expect(result).toHaveCaught('CallService', 'Flaky.Busy');
    expect(result).toHaveAssigned('attempts', 2);
    expect(result).toHaveTakenBranch('RetryOrGiveUp', 'Default');
  });

  test('a service that is never busy answers at once', async () => {
    const result = await run(retryBackoff, { requestId: 'r-9', busyTimes: 0 });
    expect(result).toSucceedWith({ value: 'ok-r-9', attempts: 0, lastError: 'none' });
    expect(result).not.toHaveVisited(['Backoff']);
  });

  test('Lambda throttling is retried by the Task itself, before its Catch sees anything', async () => {
    const service = mock(call)
      .rejectsOnce('Lambda.TooManyRequestsException', 'Rate exceeded')
      .implements(callService);
    const result = await run(retryBackoff, { requestId: 'r-10', busyTimes: 0 }, { mocks: [service] });
    expect(result.status).toBe('SUCCEEDED');
    expect(result).toHaveRetried('CallService', 1);
    expect(service.calls.map((c) => c.input.attempt)).toEqual([0, 0]);
  });

  test('a service that stays busy gives up after three attempts', async () => {
    const result = await run(retryBackoff, { requestId: 'r-8', busyTimes: 10 });
    expect(result).toFailWith('GaveUp', 'Request r-8 stayed busy');
    expect(result).toHaveTakenBranch('RetryOrGiveUp', 0);
  });
});
