import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { etlPipeline } from './workflow.js';

describe('etl-pipeline', () => {
  const compiled = checkExample(etlPipeline, import.meta.url);

  test('transforms every record and aggregates', async () => {
    const result = await run(compiled, sampleInput(import.meta.url) as never);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ batchId: 'b-7', count: 3, totalLength: 14 });
  });

  test('an empty record fails its iteration and the Map', async () => {
    const input = { batchId: 'b-8', source: 's', records: [{ id: 'r1', value: '  ' }] };
    const result = await run(compiled, input);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('EmptyRecord');
  });
});
