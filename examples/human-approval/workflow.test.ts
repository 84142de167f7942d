import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { humanApproval } from './workflow.js';

describe('human-approval', () => {
  const compiled = checkExample(humanApproval, import.meta.url);

  test('an approved expense is paid', async () => {
    const result = await run(compiled, sampleInput(import.meta.url) as never);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({ decision: { approved: true }, payment: { paid: true } });
  });

  test('a large expense is rejected', async () => {
    const result = await run(compiled, { ...sampleInput(import.meta.url), amount: 5000 } as never);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({
      decision: { approved: false },
      notification: { notified: 'ada@example.com' },
    });
  });

  test('an unanswered request times out and is escalated', async () => {
    const result = await run(compiled, { ...sampleInput(import.meta.url), amount: 0 } as never);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('ApprovalTimedOut');
  });
});
