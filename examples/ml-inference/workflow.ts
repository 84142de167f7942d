import { dynamodb, lambda, parallel, placeholder, task, wait, workflow } from '@stepcraft/core';
import { modelA, modelB, pickBest, preprocess, store } from './handlers.js';
import { Best, Features, Prediction, Request, Scored } from './schemas.js';

// Generic in the function name, so the placeholder stays in the workflow's type (and its CDK binding is required).
const model = <const TFunction extends string>(
  name: 'ModelA' | 'ModelB',
  functionName: TFunction,
  handler: typeof modelA,
) =>
  task(name, {
    resource: lambda.invoke(functionName),
    input: Features,
    output: Prediction,
    handler,
    resultSelector: lambda.payload,
  });

const prepare = task('Preprocess', {
  resource: lambda.invoke(placeholder('PreprocessFunction')),
  input: Request,
  output: Features,
  handler: preprocess,
  resultSelector: lambda.payload,
});

const score = parallel('ScoreModels', {
  input: Features,
  branches: [
    model('ModelA', placeholder('ModelAFunction'), modelA),
    model('ModelB', placeholder('ModelBFunction'), modelB),
  ],
}).resultPath('$.predictions');

const best = task('PickBest', {
  resource: lambda.invoke(placeholder('PickBestFunction')),
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
  resource: dynamodb.putItem(placeholder('PredictionsTable')),
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
