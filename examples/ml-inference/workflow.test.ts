import { mock, run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { Request } from './schemas.js';
import { mlInference } from './workflow.js';

describe('ml-inference', () => {
  checkExample(mlInference, import.meta.url);
  const request = Request.parse(sampleInput(import.meta.url));

  test('scores with both models and keeps the best', async () => {
    const result = await run(mlInference, request);
    expect(result).toSucceedWith(
      expect.objectContaining({ best: expect.objectContaining({ model: 'model-b', label: 'positive' }) }),
    );
    expect(result).toHaveWaited('Settle', 5);
    // The two models ran in the Parallel's two branches.
    expect(result.view.visitsOf('ModelA')[0]?.path).toEqual([{ state: 'ScoreModels', index: 0 }]);
    expect(result.view.visitsOf('ModelB')[0]?.path).toEqual([{ state: 'ScoreModels', index: 1 }]);
  });

  test('the prediction is stored as a DynamoDB item in attribute-value form', async () => {
    const putItem = mock.resource('arn:aws:states:::dynamodb:putItem').resolves({});
    const result = await run(mlInference, request, { mocks: [putItem] });
    expect(result.status).toBe('SUCCEEDED');
    expect(putItem.calls[0]?.input).toMatchObject({
      TableName: expect.stringContaining('PredictionsTable'), // a placeholder CloudFormation fills in
      Item: { requestId: { S: 'req-42' }, model: { S: 'model-b' }, label: { S: 'positive' } },
    });
  });

  test('a model that fails fails the whole Parallel', async () => {
    const result = await run(mlInference, request, {
      mocks: [mock('ModelB').rejects('ModelUnavailable', 'model-b is down')],
    });
    expect(result).toFailWith('ModelUnavailable', 'model-b is down');
    expect(result.view.visitsOf('ScoreModels')[0]).toMatchObject({
      status: 'failed',
      error: 'ModelUnavailable',
    });
  });
});
