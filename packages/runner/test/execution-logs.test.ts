import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { executionLogs, run } from '../src/index.js';

const definition: AslDocument = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { 'Payload.$': '$' },
      End: true,
    },
  },
};
const arn = 'arn:aws:states:us-east-1:123456789012:express:Orders:e-1';

describe('executionLogs: what an Express execution leaves in CloudWatch Logs', () => {
  test('ALL: every event, with ids and epoch milliseconds as strings and its details', async () => {
    const result = await run(
      definition,
      { id: 1 },
      {
        handlers: { Charge: () => ({ ok: true }) },
        stateMachineType: 'EXPRESS',
      },
    );
    const logs = executionLogs(result, { executionArn: arn });
    expect(logs.map((e) => e.type)).toEqual(result.history.map((e) => e.type));
    expect(logs[0]).toEqual({
      id: '1',
      type: 'ExecutionStarted',
      details: expect.objectContaining({ input: '{"id":1}' }),
      previous_event_id: '0',
      event_timestamp: String(Date.parse(result.history[0]?.timestamp ?? '')),
      execution_arn: arn,
      redrive_count: '0',
    });
    expect(logs.at(-1)).toMatchObject({
      type: 'ExecutionSucceeded',
      details: { output: expect.any(String) },
    });
  });

  test('ERROR and FATAL keep the failures; without execution data, no input, output or parameters', async () => {
    const result = await run(
      definition,
      { id: 1 },
      {
        handlers: {
          Charge: () => {
            throw Object.assign(new Error('declined'), { name: 'PaymentDeclined' });
          },
        },
        stateMachineType: 'EXPRESS',
      },
    );
    expect(executionLogs(result, { level: 'ERROR' }).map((e) => e.type)).toEqual([
      'TaskFailed',
      'ExecutionFailed',
    ]);
    expect(executionLogs(result, { level: 'FATAL' }).map((e) => e.type)).toEqual(['ExecutionFailed']);
    expect(executionLogs(result, { level: 'OFF' })).toEqual([]);
    const bare = executionLogs(result, { includeExecutionData: false });
    const started = bare.find((e) => e.type === 'ExecutionStarted');
    expect(started?.details).not.toHaveProperty('input');
    expect(bare.find((e) => e.type === 'TaskScheduled')?.details).not.toHaveProperty('parameters');
    expect(bare.find((e) => e.type === 'ExecutionFailed')?.details).toMatchObject({
      error: 'PaymentDeclined',
    });
  });
});
