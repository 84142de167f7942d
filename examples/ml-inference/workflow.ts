import { dynamodb, lambda, parallel, task, wait, workflow } from '@stepcraft/core';
import { modelA, modelB, pickBest, preprocess, store } from './handlers.js';
import { Best, Features, Prediction, Request, Scored } from './schemas.js';

const model = (name: 'ModelA' | 'ModelB', functionName: string, handler: typeof modelA) =>
  task(name, {
    resource: lambda.invoke(functionName),
    input: Features,
    output: Prediction,
    handler,
    resultSelector: lambda.payload,
  });

const prepare = task('Preprocess', {
  resource: lambda.invoke('preprocess'),
  input: Request,
  output: Features,
  handler: preprocess,
  resultSelector: lambda.payload,
});

const score = parallel('ScoreModels', {
  input: Features,
  branches: [model('ModelA', 'model-a', modelA), model('ModelB', 'model-b', modelB)],
}).resultPath('$.predictions');

const best = task('PickBest', {
  resource: lambda.invoke('pick-best'),
  input: Scored,
  output: Prediction,
  handler: pickBest,
  // A bare lambda.payload can only be the whole output; to merge it at $.best, select the fields.
  resultSelector: ({ result }) => ({
    model: result.Payload.model,
    label: result.Payload.label,
    score: result.Payload.score,
  }),
}).resultPath('$.best');

const save = task('StorePrediction', {
  resource: dynamodb.putItem('Predictions'),
  input: Best,
  parameters: ({ input, context }) => ({
    requestId: { S: input.requestId },
    model: { S: input.best.model },
    label: { S: input.best.label },
    storedAt: { S: context.State.EnteredTime },
  }),
  handler: (request) => store(request.Item),
}).resultPath(null);

/** Preprocess, score with two models in parallel, let the batch settle, keep the best, store it. */
export const mlInference = workflow('MlInference', {
  input: Request,
  comment: 'Two-model inference with a best-of pick',
})
  .start(prepare)
  .next(score)
  .next(wait('Settle', { seconds: 5 }))
  .next(best)
  .next(save);
