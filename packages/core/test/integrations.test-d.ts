import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  type ApiGatewayInvokeResult,
  apiGateway,
  type BatchJobDetail,
  batch,
  type DescribeExecutionResult,
  type DescribeTrainingJobResult,
  type DescribeTransformJobResult,
  type DynamoDbQueryResult,
  dynamodb,
  type EcsRunTaskResult,
  type EcsTask,
  ecs,
  eventBridge,
  type GlueJobRun,
  glue,
  type HttpInvokeResult,
  http,
  type InvokeEndpointResult,
  type OutputOf,
  type PayloadFor,
  type PutEventsResult,
  type StartExecutionResult,
  States,
  type StepcraftTypeError,
  sagemaker,
  stepFunctions,
  task,
  workflow,
} from '../src/index.js';

const Job = z.object({ day: z.string(), runId: z.string(), total: z.number(), tags: z.array(z.string()) });

describe('request fields are checked', () => {
  test('ECS RunTask: known fields pass, a misspelled one names itself', () => {
    const ok = task('Run', {
      resource: ecs.runTask('cluster', 'td:1').sync(),
      input: Job,
      parameters: ({ input }) => ({
        LaunchType: 'FARGATE',
        Overrides: {
          ContainerOverrides: [{ Name: 'app', Environment: [{ Name: 'DAY', Value: input.day }] }],
        },
      }),
    });
    expectTypeOf<OutputOf<typeof ok>>().toEqualTypeOf<EcsTask>();
    task('Run', {
      resource: ecs.runTask('cluster', 'td:1'),
      input: Job,
      // @ts-expect-error LaunchTyp is not a RunTask field
      parameters: () => ({ LaunchTyp: 'FARGATE' }),
    });
    type Misspelled = PayloadFor<ReturnType<typeof ecs.runTask>, { LaunchTyp: 'FARGATE' }>;
    expectTypeOf<Misspelled['LaunchTyp']>().toEqualTypeOf<
      StepcraftTypeError<'"LaunchTyp" is not a field of ECS RunTask'>
    >();
    task('Run', {
      resource: ecs.runTask('cluster', 'td:1'),
      // @ts-expect-error LaunchType is one of EC2, FARGATE, EXTERNAL
      parameters: () => ({ LaunchType: 'LAMBDA' }),
    });
  });

  test('an unknown nested field fails too', () => {
    task('Run', {
      resource: ecs.runTask('cluster', 'td:1'),
      // @ts-expect-error Comand is not a container override field
      parameters: () => ({ Overrides: { ContainerOverrides: [{ Name: 'app', Comand: ['x'] }] } }),
    });
    type Nested = PayloadFor<
      ReturnType<typeof ecs.runTask>,
      { Overrides: { ContainerOverrides: readonly [{ Comand: readonly ['x'] }] } }
    >;
    expectTypeOf<Nested['Overrides']['ContainerOverrides'][number]['Comand']>().toEqualTypeOf<
      StepcraftTypeError<'"Comand" is not a field of ECS RunTask'>
    >();
  });

  test('values of unknown type are accepted (imported code types what it cannot know as unknown)', () => {
    const Loose = z.object({ id: z.unknown() });
    const t = task('Save', {
      resource: dynamodb.putItem('T'),
      input: Loose,
      parameters: ({ input }) => ({ id: { S: input.id } }),
    });
    expectTypeOf(t).not.toExtend<StepcraftTypeError<string>>();
  });

  test('a nested field of the wrong type fails where it is', () => {
    task('Run', {
      resource: ecs.runTask('cluster', 'td:1'),
      input: Job,
      // @ts-expect-error an environment variable's Value is a string, input.total a number
      parameters: ({ input }) => ({
        Overrides: {
          ContainerOverrides: [{ Name: 'app', Environment: [{ Name: 'N', Value: input.total }] }],
        },
      }),
    });
  });

  test('Batch SubmitJob needs a JobName', () => {
    const bad = task('Score', { resource: batch.submitJob('queue', 'def:1').sync(), input: Job });
    expectTypeOf(bad).toEqualTypeOf<
      StepcraftTypeError<'"Score" needs parameters: Batch SubmitJob requires "JobName"'>
    >();
    const ok = task('Score', {
      resource: batch.submitJob('queue', 'def:1').sync(),
      input: Job,
      parameters: ({ input }) => ({ JobName: input.runId, Parameters: { day: input.day } }),
    });
    expectTypeOf<OutputOf<typeof ok>>().toEqualTypeOf<BatchJobDetail>();
  });

  test('DynamoDB numbers are strings: { N: 5 } and { N: ref-to-number } are compile errors', () => {
    task('Save', {
      resource: dynamodb.putItem('Jobs'),
      input: Job,
      // @ts-expect-error N holds the number as a string: dynamodb.N(input.total)
      parameters: ({ input }) => ({ pk: { S: input.runId }, total: { N: input.total } }),
    });
    task('Save', {
      resource: dynamodb.putItem('Jobs'),
      // @ts-expect-error { N: 5 } must be { N: '5' }
      parameters: () => ({ total: { N: 5 } }),
    });
    const ok = task('Save', {
      resource: dynamodb.putItem('Jobs'),
      input: Job,
      parameters: ({ input }) => ({
        pk: { S: input.runId },
        total: dynamodb.N(input.total),
        tags: { SS: input.tags },
        meta: { M: { day: { S: input.day } } },
      }),
      handler: (request) => {
        expectTypeOf(request.TableName).toEqualTypeOf<string>();
        return {};
      },
    });
    expectTypeOf(ok).not.toExtend<StepcraftTypeError<string>>();
  });

  test('DynamoDB Query and DeleteItem take the rest of their request', () => {
    const query = task('Lines', {
      resource: dynamodb.query('Lines'),
      input: Job,
      parameters: ({ input }) => ({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: input.runId } },
      }),
    });
    expectTypeOf<OutputOf<typeof query>>().toEqualTypeOf<DynamoDbQueryResult>();
    // @ts-expect-error Query needs a KeyConditionExpression
    task('Lines', { resource: dynamodb.query('Lines'), parameters: () => ({ Limit: 5 }) });
    const none = task('Lines', { resource: dynamodb.query('Lines') });
    expectTypeOf(none).toEqualTypeOf<
      StepcraftTypeError<'"Lines" needs parameters: DynamoDB Query requires "KeyConditionExpression"'>
    >();
    const remove = task('Forget', {
      resource: dynamodb.deleteItem('Jobs'),
      input: Job,
      parameters: ({ input }) => ({ Key: { pk: { S: input.runId } }, ReturnValues: 'ALL_OLD' }),
    });
    expectTypeOf(remove).not.toExtend<StepcraftTypeError<string>>();
  });

  test('Step Functions StartExecution checks Input against the child workflow', () => {
    const Child = z.object({ orderId: z.string() });
    const child = workflow('Child', { input: Child }).start(
      task('Ship', { resource: ecs.runTask('c', 't'), input: Child }),
    );
    const ok = task('Start', {
      resource: stepFunctions.startExecution('arn:aws:states:us-east-1:1:stateMachine:Child', child).sync2(),
      input: Job,
      parameters: ({ input, context }) => ({
        Input: { orderId: input.runId, AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: context.Execution.Id },
      }),
    });
    expectTypeOf<OutputOf<typeof ok>>().toEqualTypeOf<
      DescribeExecutionResult<{ orderId: string }, EcsRunTaskResult>
    >();
    task('Start', {
      resource: stepFunctions.startExecution('arn', child).sync2(),
      input: Job,
      // @ts-expect-error the child's orderId is a string
      parameters: ({ input }) => ({ Input: { orderId: input.total } }),
    });
    const sync = task('Start', {
      resource: stepFunctions.startExecution('arn', child).sync(),
      parameters: () => ({ Input: { orderId: 'o-1' } }),
    });
    expectTypeOf<OutputOf<typeof sync>>().toEqualTypeOf<DescribeExecutionResult<string, string>>();
    const fire = task('Start', {
      resource: stepFunctions.startExecution('arn'),
      parameters: () => ({ Input: { anything: 1 } }),
    });
    expectTypeOf<OutputOf<typeof fire>>().toEqualTypeOf<StartExecutionResult>();
  });
});

describe('results are typed as the services return them', () => {
  test('Glue .sync returns the job run; a wrong field use fails', () => {
    const t = task('Etl', {
      resource: glue.startJobRun('etl').sync(),
      input: Job,
      parameters: ({ input }) => ({ Arguments: { '--day': input.day } }),
      resultSelector: ({ result }) => ({ state: result.JobRunState, seconds: result.ExecutionTime }),
    });
    expectTypeOf<OutputOf<typeof t>>().toEqualTypeOf<{
      state: GlueJobRun['JobRunState'];
      seconds: number | undefined;
    }>();
    task('Etl', {
      resource: glue.startJobRun('etl').sync(),
      // @ts-expect-error the .sync result is the JobRun itself, not GetJobRun's { JobRun }
      resultSelector: ({ result }) => ({ state: result.JobRun.JobRunState }),
    });
    task('Etl', {
      resource: glue.startJobRun('etl'),
      // @ts-expect-error request-response returns only { JobRunId, JobName }
      resultSelector: ({ result }) => ({ state: result.JobRunState }),
    });
  });

  test('SageMaker training and transform jobs return their Describe… responses', () => {
    const train = task('Train', {
      resource: sagemaker.createTrainingJob().sync(),
      parameters: () => trainingJob,
    });
    expectTypeOf<OutputOf<typeof train>>().toEqualTypeOf<DescribeTrainingJobResult>();
    const metric = task('Train', {
      resource: sagemaker.createTrainingJob().sync(),
      parameters: () => trainingJob,
      resultSelector: ({ result }) => ({ auc: result.FinalMetricDataList.at(0).Value }),
    });
    expectTypeOf<OutputOf<typeof metric>>().toEqualTypeOf<{ auc: number | undefined }>();
    const transform = task('Score', {
      resource: sagemaker.createTransformJob().sync(),
      parameters: () => ({
        TransformJobName: 'score',
        ModelName: 'm',
        TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://in' } } },
        TransformOutput: { S3OutputPath: 's3://out' },
        TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
      }),
    });
    expectTypeOf<OutputOf<typeof transform>>().toEqualTypeOf<DescribeTransformJobResult>();
    task('Train', {
      resource: sagemaker.createTrainingJob().sync(),
      parameters: () => trainingJob,
      // @ts-expect-error the status field is TrainingJobStatus
      resultSelector: ({ result }) => ({ status: result.Status }),
    });
  });

  test('invokeEndpoint needs a Body string and returns one', () => {
    const t = task('Predict', {
      resource: sagemaker.invokeEndpoint('churn'),
      input: Job,
      parameters: ({ input }) => ({ Body: States.jsonToString(input.tags), ContentType: 'application/json' }),
    });
    expectTypeOf<OutputOf<typeof t>>().toEqualTypeOf<InvokeEndpointResult>();
    task('Predict', {
      resource: sagemaker.invokeEndpoint('churn'),
      input: Job,
      // @ts-expect-error Body is text: States.jsonToString(input.tags)
      parameters: ({ input }) => ({ Body: input.tags }),
    });
  });

  test('API Gateway and the HTTP Task type their response body by the output schema', () => {
    const Body = z.object({ approved: z.boolean() });
    const api = task('Ask', {
      resource: apiGateway.invoke('abc.execute-api.us-east-1.amazonaws.com'),
      output: Body,
      parameters: () => ({ Method: 'POST', Stage: 'prod', Path: 'approvals' }),
    });
    expectTypeOf<OutputOf<typeof api>>().toEqualTypeOf<ApiGatewayInvokeResult<{ approved: boolean }>>();
    task('Ask', {
      resource: apiGateway.invoke('abc'),
      // @ts-expect-error FETCH is not an HTTP method
      parameters: () => ({ Method: 'FETCH' }),
    });
    const call = task('Call', {
      resource: http.invoke('arn:aws:events:us-east-1:1:connection/c/1'),
      output: Body,
      parameters: () => ({ ApiEndpoint: 'https://example.com/x', Method: 'GET' }),
      resultSelector: ({ result }) => ({ approved: result.ResponseBody.approved, code: result.StatusCode }),
    });
    expectTypeOf<OutputOf<typeof call>>().toEqualTypeOf<{ approved: boolean; code: number }>();
    task('Call', {
      resource: http.invoke('arn:aws:events:us-east-1:1:connection/c/1'),
      // @ts-expect-error the HTTP Task needs a Method
      parameters: () => ({ ApiEndpoint: 'https://example.com/x' }),
    });
    const typed = task('Call', {
      resource: http.invoke('arn:aws:events:us-east-1:1:connection/c/1'),
      output: Body,
      parameters: () => ({ ApiEndpoint: 'https://example.com/x', Method: 'GET' }),
    });
    expectTypeOf<OutputOf<typeof typed>>().toEqualTypeOf<HttpInvokeResult<{ approved: boolean }>>();
  });

  test('EventBridge PutEvents: Entries in, Entries and FailedEntryCount out', () => {
    const t = task('Emit', {
      resource: eventBridge.putEvents(),
      input: Job,
      parameters: ({ input }) => ({
        Entries: [{ Source: 'jobs', DetailType: 'JobDone', Detail: { id: input.runId } }],
      }),
    });
    expectTypeOf<OutputOf<typeof t>>().toEqualTypeOf<PutEventsResult>();
    task('Emit', {
      resource: eventBridge.putEvents(),
      // @ts-expect-error the field is DetailType
      parameters: () => ({ Entries: [{ Source: 'jobs', Detailtype: 'JobDone' }] }),
    });
  });

  test('a wrong use of each result fails on the use', () => {
    task('Run', {
      resource: ecs.runTask('c', 'td'),
      // @ts-expect-error request-response returns { Tasks, Failures }, not one task
      resultSelector: ({ result }) => ({ status: result.LastStatus }),
    });
    task('Score', {
      resource: batch.submitJob('q', 'd').sync(),
      parameters: () => ({ JobName: 'j' }),
      // @ts-expect-error the job detail's status field is Status
      resultSelector: ({ result }) => ({ status: result.JobStatus }),
    });
    task('Start', {
      resource: stepFunctions.startExecution('arn').sync(),
      parameters: () => ({ Input: {} }),
      // @ts-expect-error with .sync the child's Output is JSON text, not an object
      resultSelector: ({ result }) => ({ id: result.Output.id }),
    });
    task('Emit', {
      resource: eventBridge.putEvents(),
      parameters: () => ({ Entries: [{ Source: 's' }] }),
      // @ts-expect-error PutEvents answers per entry, under Entries
      resultSelector: ({ result }) => ({ id: result.EventId }),
    });
    task('Call', {
      resource: http.invoke('arn:aws:events:us-east-1:1:connection/c/1'),
      parameters: () => ({ ApiEndpoint: 'https://example.com', Method: 'GET' }),
      // @ts-expect-error the body is ResponseBody
      resultSelector: ({ result }) => ({ body: result.Body }),
    });
    task('Ask', {
      resource: apiGateway.invoke('abc'),
      parameters: () => ({ Method: 'GET' }),
      // @ts-expect-error the status is StatusCode
      resultSelector: ({ result }) => ({ status: result.Status }),
    });
    task('Predict', {
      resource: sagemaker.invokeEndpoint('e'),
      parameters: () => ({ Body: '1' }),
      // @ts-expect-error the answer is Body
      resultSelector: ({ result }) => ({ score: result.Predictions }),
    });
    task('Lines', {
      resource: dynamodb.query('T'),
      parameters: () => ({ KeyConditionExpression: 'pk = :pk' }),
      // @ts-expect-error Query returns Items, not Item
      resultSelector: ({ result }) => ({ first: result.Item }),
    });
    task('Forget', {
      resource: dynamodb.deleteItem('T'),
      parameters: () => ({ Key: { pk: { S: 'a' } } }),
      // @ts-expect-error DeleteItem returns Attributes (with ReturnValues)
      resultSelector: ({ result }) => ({ old: result.Item }),
    });
  });

  test('a misspelled request field fails for the job services too', () => {
    task('Transform', {
      resource: glue.startJobRun('etl').sync(),
      // @ts-expect-error Glue's field is Arguments
      parameters: () => ({ Args: { '--day': '2024-05-01' } }),
    });
    task('Train', {
      resource: sagemaker.createTrainingJob().sync(),
      // @ts-expect-error the field is TrainingJobName
      parameters: () => ({ ...trainingJob, JobName: 'churn-1' }),
    });
    task('Score', {
      resource: sagemaker.createTransformJob().sync(),
      // @ts-expect-error TransformInput's source is DataSource
      parameters: () => ({
        TransformJobName: 'score',
        ModelName: 'm',
        TransformInput: { Source: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://in' } } },
        TransformOutput: { S3OutputPath: 's3://out' },
        TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
      }),
    });
  });

  test('a callback integration returns what the callback sends', () => {
    const Answer = z.object({ ok: z.boolean() });
    const t = task('Wait', {
      resource: ecs.runTask('c', 't').waitForTaskToken(),
      output: Answer,
      parameters: ({ context }) => ({
        Overrides: {
          ContainerOverrides: [{ Name: 'app', Environment: [{ Name: 'TOKEN', Value: context.Task.Token }] }],
        },
      }),
    });
    expectTypeOf<OutputOf<typeof t>>().toEqualTypeOf<{ ok: boolean }>();
  });
});

const trainingJob = {
  TrainingJobName: 'churn-1',
  AlgorithmSpecification: { TrainingInputMode: 'File', TrainingImage: 'xgboost' },
  RoleArn: 'arn:aws:iam::123456789012:role/sm',
  OutputDataConfig: { S3OutputPath: 's3://models' },
  ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
} as const;
