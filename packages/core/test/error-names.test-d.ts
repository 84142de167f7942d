import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  type AllowedErrorName,
  apiGateway,
  awsSdk,
  batch,
  DYNAMODB_ERRORS,
  dynamodb,
  ecs,
  eventBridge,
  glue,
  http,
  type LAMBDA_ERRORS,
  type LambdaError,
  lambda,
  map,
  parallel,
  pass,
  type SqsError,
  type StatesErrorName,
  sagemaker,
  sqs,
  stepFunctions,
  type TaskErrors,
  task,
} from '../src/index.js';

const handler = pass('Handler');
const charge = task('Charge', { resource: lambda.invoke('charge') });
const declared = task('Pay', { resource: lambda.invoke('pay'), errors: ['PaymentDeclined', 'Payment.Busy'] });

describe('Retry and Catch take the error names a state may raise', () => {
  test("the States.* names and the integration's", () => {
    charge.retry({ errors: ['States.Timeout', 'Lambda.TooManyRequestsException'] });
    charge.catch(['States.ALL'], handler);
    task('Send', { resource: sqs.sendMessage('q') }).retry({ errors: ['SQS.RequestThrottledException'] });
    task('Get', { resource: dynamodb.getItem('t'), parameters: () => ({ id: { S: 'a' } }) }).catch(
      ['DynamoDB.ConditionalCheckFailedException'],
      handler,
    );
    task('Run', { resource: ecs.runTask('c', 'td').sync() }).retry({ errors: ['ECS.AmazonECSException'] });
  });

  test('a misspelled or unknown name is a compile error', () => {
    // @ts-expect-error "States.Timout": TypeScript asks "Did you mean '"States.Timeout"'?"
    charge.retry({ errors: ['States.Timout'] });
    // @ts-expect-error "Lambda.TooManyRequestException" is missing an "s"
    charge.catch(['Lambda.TooManyRequestException'], handler);
    // @ts-expect-error a Lambda function's own error must be declared on the task
    charge.catch(['PaymentDeclined'], handler);
    // @ts-expect-error SQS's names are not Lambda's
    charge.retry({ errors: ['SQS.RequestThrottledException'] });
  });

  test("each new integration's names pass, and a misspelling of each fails", () => {
    const job = task('Job', { resource: glue.startJobRun('etl').sync() });
    job.retry({ errors: ['Glue.ConcurrentRunsExceededException'] });
    // @ts-expect-error Glue.ConcurrentRunExceededException is missing an "s"
    job.retry({ errors: ['Glue.ConcurrentRunExceededException'] });
    const submit = task('Submit', {
      resource: batch.submitJob('q', 'd').sync(),
      parameters: () => ({ JobName: 'j' }),
    });
    submit.catch(['Batch.ServerException'], handler);
    // @ts-expect-error Batch's names start with "Batch."
    submit.catch(['AWSBatch.ServerException'], handler);
    const model = task('Model', {
      resource: sagemaker.createModel(),
      parameters: () => ({ ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::1:role/r' }),
    });
    model.retry({ errors: ['SageMaker.ResourceLimitExceededException'] });
    // @ts-expect-error SageMaker.ResourceLimitExceeded lacks "Exception"
    model.retry({ errors: ['SageMaker.ResourceLimitExceeded'] });
    const predict = task('Predict', {
      resource: sagemaker.invokeEndpoint('e'),
      parameters: () => ({ Body: '1' }),
    });
    predict.retry({ errors: ['SageMakerRuntime.ModelNotReadyException'] });
    // @ts-expect-error the runtime's names are SageMakerRuntime.*
    predict.retry({ errors: ['SageMaker.ModelNotReadyException'] });
    const ask = task('Ask', { resource: apiGateway.invoke('abc'), parameters: () => ({ Method: 'GET' }) });
    ask.retry({ errors: ['ApiGateway.503'] });
    // @ts-expect-error API Gateway's names are ApiGateway.<status>
    ask.retry({ errors: ['APIGateway.503'] });
    const emit = task('Emit', {
      resource: eventBridge.putEvents(),
      parameters: () => ({ Entries: [{ Source: 's' }] }),
    });
    emit.catch(['EventBridge.FailedEntry'], handler);
    // @ts-expect-error EventBridge.FailedEntries is not a name
    emit.catch(['EventBridge.FailedEntries'], handler);
    const child = task('Child', {
      resource: stepFunctions.startExecution('arn').sync2(),
      parameters: () => ({ Input: {} }),
    });
    child.retry({ errors: ['StepFunctions.ExecutionLimitExceededException'] });
    // @ts-expect-error StepFunction.… lacks an "s"
    child.retry({ errors: ['StepFunction.ExecutionLimitExceededException'] });
    const call = task('Call', {
      resource: http.invoke('arn:aws:events:us-east-1:1:connection/c/1'),
      parameters: () => ({ ApiEndpoint: 'https://example.com', Method: 'GET' }),
    });
    call.retry({ errors: ['States.Http.StatusCode.503', 'States.Http.Socket'] });
    // @ts-expect-error the HTTP Task's names are States.Http.StatusCode.<code>
    call.retry({ errors: ['States.Http.Status.503'] });
    const lines = task('Lines', {
      resource: dynamodb.query('T'),
      parameters: () => ({ KeyConditionExpression: 'pk = :pk' }),
    });
    lines.retry({ errors: ['DynamoDb.ProvisionedThroughputExceededException'] });
    // @ts-expect-error through the AWS SDK integration the prefix is DynamoDb, not DynamoDB
    lines.retry({ errors: ['DynamoDB.ProvisionedThroughputExceededException'] });
  });

  test("the task's declared names join them, through resultPath and the other methods", () => {
    declared
      .catch(['PaymentDeclined'], handler)
      .retry({ errors: ['Payment.Busy', 'Lambda.ServiceException'] });
    declared
      .resultPath('$.payment')
      .outputPath('$.payment')
      .comment('c')
      .retry({ errors: ['Payment.Busy'] });
    // @ts-expect-error "PaymentDecline" is not declared (TypeScript suggests "PaymentDeclined")
    declared.catch(['PaymentDecline'], handler);
  });

  test('where the errors are not known, any name goes', () => {
    task('Sdk', { resource: awsSdk('s3', 'getObject') }).retry({ errors: ['S3.NoSuchKeyException'] });
    task('Wait', {
      resource: sqs.sendMessage('q').waitForTaskToken(),
      parameters: ({ context }) => ({ token: context.Task.Token }),
    }).catch(['Review.Rejected'], handler);
    parallel('Both', { branches: [pass('A')] }).retry({ errors: ['Anything'] });
    map('Each', {
      input: z.object({ items: z.array(z.string()) }),
      itemsPath: '$.items',
      processor: pass('Item'),
    }).catch(['Anything'], handler);
  });

  test('the types', () => {
    expectTypeOf<AllowedErrorName<string>>().toEqualTypeOf<StatesErrorName | (string & {})>();
    expectTypeOf<AllowedErrorName<'A'>>().toEqualTypeOf<StatesErrorName | 'A'>();
    expectTypeOf<TaskErrors<ReturnType<typeof lambda.invoke<'f'>>, 'Mine'>>().toEqualTypeOf<
      LambdaError | 'Mine'
    >();
    expectTypeOf<TaskErrors<ReturnType<typeof sqs.sendMessage<'q'>>, never>>().toEqualTypeOf<SqsError>();
    expectTypeOf<(typeof LAMBDA_ERRORS)[number]>().toEqualTypeOf<LambdaError>();
    expectTypeOf(DYNAMODB_ERRORS).toExtend<readonly string[]>();
  });
});
