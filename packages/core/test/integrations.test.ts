import { validate } from '@stepcraft/asl';
import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  type AnyChain,
  apiGateway,
  BATCH_ERRORS,
  batch,
  CompileError,
  compile,
  DYNAMODB_ERRORS,
  dynamodb,
  ECS_ERRORS,
  ecs,
  eventBridge,
  GLUE_ERRORS,
  glue,
  http,
  raw,
  SAGEMAKER_ERRORS,
  STEP_FUNCTIONS_ERRORS,
  States,
  sagemaker,
  stepFunctions,
  task,
  typed,
  workflow,
} from '../src/index.js';
import { expectValidAsl } from './helpers.js';

const Job = z.object({ day: z.string(), runId: z.string(), total: z.number(), token: z.string().optional() });
const input = { day: '2024-05-01', runId: 'r-1', total: 42.5 };

/** Compiles a one-task workflow to both query languages, checks both validators, returns the JSONPath state. */
function emitted(chain: AnyChain, name: string): { readonly jsonPath: unknown; readonly jsonata: unknown } {
  const flow = workflow('W', { input: typed<any>() }).start(chain as never);
  const [jsonPath, jsonata] = (['JSONPath', 'JSONata'] as const).map((queryLanguage) => {
    const { definition } = compile(flow, { queryLanguage });
    expectValidAsl(definition);
    expect(validate(definition, { checkArn: true })).toEqual([]);
    return definition.States[name];
  });
  return { jsonPath, jsonata };
}

/** Runs a one-task workflow (both query languages) and returns the JSONPath result after checking they agree. */
async function runBoth(chain: AnyChain, handlers: Record<string, (request: never) => unknown>, data = input) {
  const flow = workflow('W', { input: Job }).start(chain as never);
  const results = await Promise.all(
    (['JSONPath', 'JSONata'] as const).map((queryLanguage) =>
      run(compile(flow, { queryLanguage }), data, { handlers: handlers as never }),
    ),
  );
  const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
  expect({ status: b.status, output: b.output, error: b.error }).toEqual({
    status: a.status,
    output: a.output,
    error: a.error,
  });
  return a;
}

describe('ECS runTask', () => {
  const runTask = task('Render', {
    resource: ecs.runTask('arn:aws:ecs:us-east-1:123456789012:cluster/jobs', 'render:3').sync(),
    input: Job,
    parameters: ({ input }) => ({
      LaunchType: 'FARGATE',
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'], AssignPublicIp: 'DISABLED' } },
      Overrides: {
        ContainerOverrides: [{ Name: 'render', Environment: [{ Name: 'DAY', Value: input.day }] }],
      },
    }),
    resultSelector: ({ result }) => ({ status: result.LastStatus, exit: result.Containers.at(0).ExitCode }),
  });

  test('emits the .sync ARN and the RunTask fields, fixed ones first', () => {
    expect(emitted(runTask, 'Render').jsonPath).toMatchInlineSnapshot(`
      {
        "End": true,
        "Parameters": {
          "Cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/jobs",
          "LaunchType": "FARGATE",
          "NetworkConfiguration": {
            "AwsvpcConfiguration": {
              "AssignPublicIp": "DISABLED",
              "Subnets": [
                "subnet-1",
              ],
            },
          },
          "Overrides": {
            "ContainerOverrides": [
              {
                "Environment": [
                  {
                    "Name": "DAY",
                    "Value.$": "$.day",
                  },
                ],
                "Name": "render",
              },
            ],
          },
          "TaskDefinition": "render:3",
        },
        "Resource": "arn:aws:states:::ecs:runTask.sync",
        "ResultSelector": {
          "exit.$": "$.Containers[0].ExitCode",
          "status.$": "$.LastStatus",
        },
        "Type": "Task",
      }
    `);
  });

  test('runs locally: the handler gets the request and returns the stopped task', async () => {
    const result = await runBoth(runTask, {
      Render: (request: {
        Cluster: string;
        Overrides: { ContainerOverrides: { Environment: { Value: string }[] }[] };
      }) => ({
        TaskArn: 'arn:aws:ecs:us-east-1:123456789012:task/jobs/1',
        ClusterArn: request.Cluster,
        LastStatus: 'STOPPED',
        Containers: [{ ExitCode: 0, Name: request.Overrides.ContainerOverrides[0]?.Environment[0]?.Value }],
      }),
    });
    expect(result.output).toEqual({ status: 'STOPPED', exit: 0 });
    expect(result.history.map((e) => e.type)).toContain('TaskSubmitted');
  });

  test('request-response and .waitForTaskToken use their own ARNs', () => {
    const plain = task('Start', { resource: ecs.runTask('c', 'td') });
    expect(emitted(plain, 'Start').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::ecs:runTask',
      Parameters: { Cluster: 'c', TaskDefinition: 'td' },
    });
    const callback = task('Wait', {
      resource: ecs.runTask('c', 'td').waitForTaskToken(),
      parameters: ({ context }) => ({
        Overrides: {
          ContainerOverrides: [{ Name: 'app', Environment: [{ Name: 'TOKEN', Value: context.Task.Token }] }],
        },
      }),
    });
    const { jsonPath, jsonata } = emitted(callback, 'Wait');
    expect(jsonPath).toMatchObject({ Resource: 'arn:aws:states:::ecs:runTask.waitForTaskToken' });
    expect(JSON.stringify(jsonata)).toContain('$states.context.Task.Token');
  });

  test('declares its error names', () => {
    expect(ECS_ERRORS).toContain('AmazonECS.Unknown');
    expect(ecs.errors).toBe(ECS_ERRORS);
  });
});

describe('Glue, Batch and SageMaker jobs', () => {
  test('glue.startJobRun(...).sync() sends the job name and arguments', async () => {
    const etl = task('Etl', {
      resource: glue.startJobRun('nightly-etl').sync(),
      input: Job,
      parameters: ({ input }) => ({
        Arguments: { '--day': input.day },
        WorkerType: 'G.1X',
        NumberOfWorkers: 2,
      }),
      resultSelector: ({ result }) => ({ state: result.JobRunState }),
    });
    expect(emitted(etl, 'Etl').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::glue:startJobRun.sync',
      Parameters: { JobName: 'nightly-etl', Arguments: { '--day.$': '$.day' }, NumberOfWorkers: 2 },
    });
    const result = await runBoth(etl, {
      Etl: (request: { JobName: string }) => ({
        Id: 'jr_1',
        JobName: request.JobName,
        JobRunState: 'SUCCEEDED',
      }),
    });
    expect(result.output).toEqual({ state: 'SUCCEEDED' });
    expect(GLUE_ERRORS).toContain('Glue.ConcurrentRunsExceededException');
  });

  test('a .sync handler answers with the final job description; a failed job fails with States.TaskFailed', async () => {
    const etl = task('Etl', { resource: glue.startJobRun('nightly-etl').sync(), input: Job });
    const failed = await runBoth(etl, {
      Etl: (request: { JobName: string }) => ({
        Id: 'jr_9',
        JobName: request.JobName,
        JobRunState: 'TIMEOUT',
      }),
    });
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toBe('States.TaskFailed');
    expect(JSON.parse(failed.cause ?? '')).toEqual({
      Id: 'jr_9',
      JobName: 'nightly-etl',
      JobRunState: 'TIMEOUT',
    });
    expect(failed.history.map((e) => e.type)).toEqual(
      expect.arrayContaining(['TaskSubmitted', 'TaskFailed']),
    );
  });

  test('a .sync job may take simulated time: the handler sleeps on the virtual clock', async () => {
    const etl = task('Etl', { resource: glue.startJobRun('nightly-etl').sync(), input: Job });
    const handlers = {
      Etl: async (request: { JobName: string }, context: { sleep(seconds: number): Promise<void> }) => {
        await context.sleep(1_800);
        return { Id: 'jr_1', JobName: request.JobName, JobRunState: 'SUCCEEDED' };
      },
    };
    const standard = await run(compile(workflow('W', { input: Job }).start(etl)), input, { handlers });
    expect(standard.status).toBe('SUCCEEDED');
    expect(standard.stats.durationMs).toBe(1_800_000);
    // Express executions end after five minutes, with States.Timeout (a request-response call that takes long).
    const slow = task('Slow', { resource: glue.startJobRun('nightly-etl'), input: Job });
    const express = await run(compile(workflow('W', { input: Job, type: 'EXPRESS' }).start(slow)), input, {
      handlers: { Slow: handlers.Etl },
      stateMachineType: 'EXPRESS',
    });
    expect(express).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(express.stats.durationMs).toBe(300_000);
  });

  test('batch.submitJob(...).sync() takes JobName and the rest from the payload', async () => {
    const score = task('Score', {
      resource: batch.submitJob('gpu-queue', 'scorer:7').sync(),
      input: Job,
      parameters: ({ input }) => ({
        JobName: input.runId,
        ContainerOverrides: { ResourceRequirements: [{ Type: 'VCPU', Value: '4' }] },
      }),
      resultSelector: ({ result }) => ({ status: result.Status }),
    });
    expect(emitted(score, 'Score').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::batch:submitJob.sync',
      Parameters: { JobQueue: 'gpu-queue', JobDefinition: 'scorer:7', 'JobName.$': '$.runId' },
    });
    const result = await runBoth(score, {
      Score: () => ({ JobId: 'j-1', JobName: 'r-1', Status: 'SUCCEEDED' }),
    });
    expect(result.output).toEqual({ status: 'SUCCEEDED' });
    expect(BATCH_ERRORS).toContain('Batch.ClientException');
  });

  test('sagemaker training and transform jobs, and endpoint invocation through the AWS SDK', async () => {
    const train = task('Train', {
      resource: sagemaker.createTrainingJob().sync(),
      parameters: ({ context }) => ({
        TrainingJobName: context.Execution.Name,
        AlgorithmSpecification: { TrainingImage: 'xgboost:1', TrainingInputMode: 'File' },
        RoleArn: 'arn:aws:iam::123456789012:role/sm',
        OutputDataConfig: { S3OutputPath: 's3://models/' },
        ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        HyperParameters: { max_depth: '5' },
      }),
    });
    expect(emitted(train, 'Train').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: { 'TrainingJobName.$': '$$.Execution.Name', HyperParameters: { max_depth: '5' } },
    });
    const transform = task('Transform', {
      resource: sagemaker.createTransformJob(),
      parameters: () => transformJob,
    });
    expect(emitted(transform, 'Transform').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::sagemaker:createTransformJob',
      Parameters: transformJob,
    });
    const predict = task('Predict', {
      resource: sagemaker.invokeEndpoint('churn'),
      input: Job,
      parameters: ({ input }) => ({ Body: States.format('{}', input.total), ContentType: 'text/csv' }),
      resultSelector: ({ result }) => ({ score: result.Body }),
    });
    expect(emitted(predict, 'Predict').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint',
      Parameters: {
        EndpointName: 'churn',
        'Body.$': "States.Format('{}', $.total)",
        ContentType: 'text/csv',
      },
    });
    const result = await runBoth(predict, {
      'aws-sdk:sagemakerruntime:invokeEndpoint': (request: { Body: string }) => ({
        Body: `0.${request.Body.length}`,
      }),
    });
    expect(result.output).toEqual({ score: '0.4' });
    expect(SAGEMAKER_ERRORS).toContain('SageMaker.AmazonSageMakerException');
  });
});

describe('API Gateway, EventBridge, HTTP and Step Functions', () => {
  test('apiGateway.invoke sends the endpoint, method and body; the result carries the typed body', async () => {
    const ask = task('Ask', {
      resource: apiGateway.invoke('abc.execute-api.us-east-1.amazonaws.com'),
      input: Job,
      output: z.object({ approved: z.boolean() }),
      parameters: ({ input }) => ({
        Method: 'POST',
        Stage: 'prod',
        Path: 'approvals',
        Headers: { 'x-run': [input.runId] },
        RequestBody: { day: input.day },
      }),
      resultSelector: ({ result }) => ({ approved: result.ResponseBody.approved }),
    });
    expect(emitted(ask, 'Ask').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::apigateway:invoke',
      Parameters: { ApiEndpoint: 'abc.execute-api.us-east-1.amazonaws.com', Method: 'POST' },
    });
    const result = await runBoth(ask, {
      Ask: () => ({ Headers: {}, ResponseBody: { approved: true }, StatusCode: 200, StatusText: 'OK' }),
    });
    expect(result.output).toEqual({ approved: true });
  });

  test('eventBridge.putEvents sends Entries; a failed entry is EventBridge.FailedEntry', async () => {
    const emit = task('Emit', {
      resource: eventBridge.putEvents(),
      input: Job,
      parameters: ({ input }) => ({
        Entries: [{ Source: 'jobs', DetailType: 'JobDone', Detail: { runId: input.runId } }],
      }),
    }).resultPath(null);
    expect(emitted(emit, 'Emit').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::events:putEvents',
      Parameters: { Entries: [{ Source: 'jobs', DetailType: 'JobDone', Detail: { 'runId.$': '$.runId' } }] },
    });
    const ok = await runBoth(emit, { Emit: () => ({ Entries: [{ EventId: 'e-1' }], FailedEntryCount: 0 }) });
    expect(ok.status).toBe('SUCCEEDED');
    const failed = await runBoth(emit, {
      Emit: () => {
        throw Object.assign(new Error('{"Entries":[{"ErrorCode":"InvalidArgument"}],"FailedEntryCount":1}'), {
          name: 'EventBridge.FailedEntry',
        });
      },
    });
    expect(failed.error).toBe('EventBridge.FailedEntry');
  });

  test('http.invoke names its connection under InvocationConfig', async () => {
    const call = task('Call', {
      resource: http.invoke('arn:aws:events:us-east-1:123456789012:connection/stripe/1'),
      input: Job,
      parameters: ({ input }) => ({
        ApiEndpoint: States.format('https://api.example.com/runs/{}', input.runId),
        Method: 'GET',
        QueryParameters: { day: input.day },
      }),
      resultSelector: ({ result }) => ({ code: result.StatusCode }),
    });
    expect(emitted(call, 'Call').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::http:invoke',
      Parameters: {
        InvocationConfig: { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/stripe/1' },
        'ApiEndpoint.$': "States.Format('https://api.example.com/runs/{}', $.runId)",
        Method: 'GET',
      },
    });
    const result = await runBoth(call, {
      Call: (request: { ApiEndpoint: string }) => ({
        Headers: {},
        ResponseBody: request.ApiEndpoint,
        StatusCode: 200,
        StatusText: 'OK',
      }),
    });
    expect(result.output).toEqual({ code: 200 });
  });

  test('stepFunctions.startExecution in its three patterns', async () => {
    const child = workflow('Child', { input: z.object({ orderId: z.string() }) }).start(
      task('Ship', { resource: glue.startJobRun('ship') }),
    );
    const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:Child';
    const start = (
      name: string,
      integration: ReturnType<typeof stepFunctions.startExecution<typeof child>>['sync2'],
    ) =>
      task(name, {
        resource: integration(),
        input: Job,
        parameters: ({ input, context }) => ({
          Input: { orderId: input.runId, AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: context.Execution.Id },
          Name: input.runId,
        }),
      });
    const startChild = start('Child', stepFunctions.startExecution(arn, child).sync2);
    expect(emitted(startChild, 'Child').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Parameters: {
        StateMachineArn: arn,
        Input: { 'orderId.$': '$.runId', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' },
      },
    });
    const sync = task('Sync', {
      resource: stepFunctions.startExecution(arn, child).sync(),
      parameters: () => ({ Input: { orderId: 'o' } }),
    });
    // .sync gives the child's Output as JSON text, whichever form the handler answered with.
    const text = await runBoth(sync, {
      Sync: () => ({ Status: 'SUCCEEDED', Input: { orderId: 'o' }, Output: { ok: 1 } }),
    });
    expect(text.output).toMatchObject({ Input: '{"orderId":"o"}', Output: '{"ok":1}' });
    expect(emitted(sync, 'Sync').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::states:startExecution.sync',
    });
    const fire = task('Fire', {
      resource: stepFunctions.startExecution(arn, child),
      parameters: () => ({ Input: { orderId: 'o' } }),
    });
    expect(emitted(fire, 'Fire').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::states:startExecution',
    });
    const result = await runBoth(startChild.outputPath('$.Output'), {
      Child: (request: { Input: { orderId: string } }) => ({
        Status: 'SUCCEEDED',
        Output: { shipped: request.Input.orderId },
      }),
    });
    expect(result.output).toEqual({ shipped: 'r-1' });
    expect(STEP_FUNCTIONS_ERRORS).toContain('StepFunctions.ExecutionLimitExceededException');
  });
});

describe('DynamoDB', () => {
  test('putItem with dynamodb.N: States.Format in JSONPath, $string in JSONata; the handler sees strings', async () => {
    const save = task('Save', {
      resource: dynamodb.putItem('Jobs'),
      input: Job,
      parameters: ({ input }) => ({
        pk: { S: input.runId },
        total: dynamodb.N(input.total),
        fixed: dynamodb.N(7),
      }),
    }).resultPath(null);
    const { jsonPath, jsonata } = emitted(save, 'Save');
    expect(jsonPath).toMatchObject({
      Parameters: {
        TableName: 'Jobs',
        Item: { total: { 'N.$': "States.Format('{}', $.total)" }, fixed: { N: '7' } },
      },
    });
    expect(JSON.stringify(jsonata)).toContain('"N":"{%');
    let stored: unknown;
    const result = await runBoth(save, {
      Save: (request: { Item: unknown }) => {
        stored = request.Item;
        return {};
      },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(stored).toEqual({ pk: { S: 'r-1' }, total: { N: '42.5' }, fixed: { N: '7' } });
  });

  test('deleteItem and query take the rest of their requests; query goes through aws-sdk', async () => {
    const remove = task('Forget', {
      resource: dynamodb.deleteItem('Jobs'),
      input: Job,
      parameters: ({ input }) => ({
        Key: { pk: { S: input.runId } },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    });
    expect(emitted(remove, 'Forget').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::dynamodb:deleteItem',
      Parameters: { TableName: 'Jobs', Key: { pk: { 'S.$': '$.runId' } } },
    });
    const lines = task('Lines', {
      resource: dynamodb.query('Lines'),
      input: Job,
      parameters: ({ input }) => ({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: input.runId } },
      }),
      resultSelector: ({ result }) => ({ count: result.Count }),
    });
    expect(emitted(lines, 'Lines').jsonPath).toMatchObject({
      Resource: 'arn:aws:states:::aws-sdk:dynamodb:query',
      Parameters: { TableName: 'Lines', KeyConditionExpression: 'pk = :pk' },
    });
    const result = await runBoth(lines, {
      'aws-sdk:dynamodb:query': () => ({ Items: [{ pk: { S: 'r-1' } }], Count: 1, ScannedCount: 1 }),
    });
    expect(result.output).toEqual({ count: 1 });
    expect(DYNAMODB_ERRORS).toContain('DynamoDB.ConditionalCheckFailedException');
    expect(dynamodb.sdkErrors).toContain('DynamoDb.ResourceNotFoundException');
  });

  test('a payload that cannot be merged, or repeats a fixed field, is a named build error', () => {
    const single = () =>
      task('Q', { resource: dynamodb.query('T'), input: Job, parameters: (() => raw('$')) as never });
    expect(single).toThrow(CompileError);
    expect(single).toThrow(/DynamoDB Query needs parameters returning an object of request fields/);
    const again = () =>
      task('Q', {
        resource: glue.startJobRun('etl'),
        parameters: (() => ({ JobName: 'other' })) as never,
      });
    expect(again).toThrow(/Glue StartJobRun: "JobName" is already given to the helper/);
  });
});

const transformJob = {
  TransformJobName: 'score-1',
  ModelName: 'churn',
  TransformInput: {
    DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://in/' } },
    ContentType: 'text/csv',
  },
  TransformOutput: { S3OutputPath: 's3://out/' },
  TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
} as const;
