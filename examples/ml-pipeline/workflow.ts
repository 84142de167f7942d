import { choice, fail, States, sagemaker, sns, succeed, task, workflow } from '@stepcraft/core';
import { score, train } from './handlers.js';
import { Registered, Request, Trained } from './schemas.js';

const ROLE = 'arn:aws:iam::123456789012:role/sagemaker-pipeline';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:3';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ml-pipeline';

// Every notice reads only the model's name: any state's output (a Request and more) fits.
const notify = (name: string) =>
  task(name, {
    resource: sns.publish(TOPIC),
    input: Request,
    parameters: ({ input }) => States.format('Model {}: {}', input.modelName, name),
  }).resultPath(null);

const trainingFailed = notify('NotifyTrainingFailed').next(
  fail('TrainingFailed', { error: 'TrainingFailed', cause: 'The SageMaker training job failed' }),
);

// Trains and waits (.sync): the result is DescribeTrainingJob's response, of which we keep the model and its AUC.
export const training = task('Train', {
  resource: sagemaker.createTrainingJob().sync(),
  input: Request,
  parameters: ({ input, context }) => ({
    TrainingJobName: States.format('{}-{}', input.modelName, context.Execution.Name),
    AlgorithmSpecification: {
      TrainingImage: IMAGE,
      TrainingInputMode: 'File',
      MetricDefinitions: [{ Name: 'validation:auc', Regex: 'validation-auc=([0-9.]+)' }],
    },
    RoleArn: ROLE,
    InputDataConfig: [
      {
        ChannelName: 'train',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: input.trainingData } },
      },
    ],
    OutputDataConfig: { S3OutputPath: 's3://ml-pipeline/models/' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 3_600 },
    HyperParameters: { max_depth: '6', eta: '0.2' },
  }),
  // An arrow, so its input is typed from `parameters` (a named function would be checked before them).
  handler: (request) => train(request),
  resultSelector: ({ result }) => ({
    job: result.TrainingJobName,
    artifacts: result.ModelArtifacts.S3ModelArtifacts,
    auc: result.FinalMetricDataList.at(0).Value,
  }),
})
  .resultPath('$.training')
  .retry({ errors: ['SageMaker.ResourceLimitExceededException'], intervalSeconds: 60, maxAttempts: 3 })
  .catch(['States.TaskFailed'], trainingFailed, { resultPath: '$.error' });

const register = task('CreateModel', {
  resource: sagemaker.createModel(),
  input: Trained,
  parameters: ({ input }) => ({
    ModelName: input.training.job,
    ExecutionRoleArn: ROLE,
    PrimaryContainer: { Image: IMAGE, ModelDataUrl: input.training.artifacts },
  }),
  handler: (request) => ({ ModelArn: `arn:aws:sagemaker:us-east-1:123456789012:model/${request.ModelName}` }),
  resultSelector: ({ result }) => ({ arn: result.ModelArn }),
}).resultPath('$.model');

// Scores the batch with the new model and waits (.sync): DescribeTransformJob's response.
const scoring = task('Score', {
  resource: sagemaker.createTransformJob().sync(),
  input: Registered,
  parameters: ({ input }) => ({
    TransformJobName: input.training.job,
    ModelName: input.training.job,
    TransformInput: {
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: input.scoringData } },
      ContentType: 'text/csv',
      SplitType: 'Line',
    },
    TransformOutput: { S3OutputPath: 's3://ml-pipeline/scores/', AssembleWith: 'Line' },
    TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 2 },
  }),
  handler: (request) => score(request),
  resultSelector: ({ result }) => ({
    job: result.TransformJobName,
    status: result.TransformJobStatus,
    output: result.TransformOutput.S3OutputPath,
  }),
}).resultPath('$.scoring');

const rejected = notify('NotifyRejected').next(
  fail('ModelRejected', { error: 'ModelRejected', cause: 'The model did not reach the required AUC' }),
);

const judge = choice('GoodEnough', { input: Trained })
  .when(
    ({ input }) => input.training.auc.numericGreaterThanEquals(input.minAuc),
    register.next(scoring).next(notify('NotifyScored')).next(succeed('Done')),
  )
  .otherwise(rejected);

/** Train a model (SageMaker, .sync), keep it only if its validation AUC is good enough, batch-score, notify. */
export const mlPipeline = workflow('MlPipeline', {
  input: Request,
  comment: 'Train, judge the model by its AUC, batch-score, notify',
})
  .start(training)
  .next(judge);
