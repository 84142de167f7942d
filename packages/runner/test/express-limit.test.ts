import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { run } from '../src/index.js';

const slowTask = (timeoutSeconds?: number): AslDocument => ({
  ...(timeoutSeconds === undefined ? {} : { TimeoutSeconds: timeoutSeconds }),
  StartAt: 'Slow',
  States: { Slow: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun', End: true } },
});

// The handler takes half an hour of the execution's (virtual) time.
const handlers = {
  Slow: async (_input: unknown, context: { sleep(seconds: number): Promise<void> }) => {
    await context.sleep(1_800);
    return { JobRunId: 'jr_1' };
  },
};

describe("Express's five-minute limit", () => {
  test('an Express execution times out after five minutes of its clock', async () => {
    const result = await run(slowTask(), {}, { handlers, stateMachineType: 'EXPRESS' });
    expect(result).toMatchObject({
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      cause: 'The execution exceeded its 300 s timeout.',
    });
    expect(result.stats.durationMs).toBe(300_000);
  });

  test('whatever its TimeoutSeconds says, and a shorter one still applies', async () => {
    const long = await run(slowTask(3_600), {}, { handlers, stateMachineType: 'EXPRESS' });
    expect(long).toMatchObject({ status: 'TIMED_OUT' });
    expect(long.stats.durationMs).toBe(300_000);
    const short = await run(slowTask(60), {}, { handlers, stateMachineType: 'EXPRESS' });
    expect(short.stats.durationMs).toBe(60_000);
  });

  test('a Standard execution waits for the handler', async () => {
    const result = await run(slowTask(), {}, { handlers });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.stats.durationMs).toBe(1_800_000);
  });
});
