import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { mlInference } from './workflow.js';

describe('ml-inference', () => {
  const compiled = checkExample(mlInference, import.meta.url);

  test('scores with both models and keeps the best', async () => {
    const result = await run(compiled, sampleInput(import.meta.url) as never);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({ best: { model: 'model-b', label: 'positive' } });
  });
});
