import { mock, run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { transformRecord } from './handlers.js';
import { Batch } from './schemas.js';
import { etlPipeline, transform } from './workflow.js';

describe('etl-pipeline', () => {
  checkExample(etlPipeline, import.meta.url);
  const batch = Batch.parse(sampleInput(import.meta.url));

  test('transforms every record and aggregates', async () => {
    const result = await run(etlPipeline, batch);
    expect(result).toSucceedWith({ batchId: 'b-7', count: 3, totalLength: 14 });
    // Each Map iteration is its own fiber: its input is the ItemSelector's output for that record.
    const iterations = result.view.visitsOf('TransformRecord');
    expect(iterations.map((v) => v.path)).toEqual(
      [0, 1, 2].map((index) => [{ state: 'TransformRecords', index }]),
    );
    expect(iterations[1]?.attempts[0]?.input).toMatchObject({
      Payload: { batchId: 'b-7', index: 1, id: 'r2', value: 'BETA' },
    });
  });

  test('an empty record fails its iteration and the Map', async () => {
    const result = await run(etlPipeline, {
      batchId: 'b-8',
      source: 's',
      records: [{ id: 'r1', value: '  ' }],
    });
    expect(result).toFailWith('EmptyRecord');
    expect(result.view.visitsOf('TransformRecords')[0]).toMatchObject({
      status: 'failed',
      error: 'EmptyRecord',
    });
  });

  test('a throttled iteration is retried on its own while the others go through', async () => {
    let throttled = false;
    const transformed = mock(transform).implements((job) => {
      if (job.id === 'r2' && !throttled) {
        throttled = true;
        throw Object.assign(new Error('Rate exceeded'), { name: 'Lambda.TooManyRequestsException' });
      }
      return transformRecord(job);
    });
    const result = await run(etlPipeline, batch, { mocks: [transformed] });
    expect(result).toSucceedWith({ batchId: 'b-7', count: 3, totalLength: 14 });
    expect(result).toHaveRetried('TransformRecord', 1);
    // Iterations run side by side: r2's retry comes after the other records' first calls.
    expect(transformed.calls.map((c) => [c.input.id, c.retryCount])).toEqual([
      ['r1', 0],
      ['r2', 0],
      ['r3', 0],
      ['r2', 1],
    ]);
  });
});
