import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  type AllowedErrorName,
  awsSdk,
  DYNAMODB_ERRORS,
  dynamodb,
  ecs,
  type LAMBDA_ERRORS,
  type LambdaError,
  lambda,
  map,
  parallel,
  pass,
  type SqsError,
  type StatesErrorName,
  sqs,
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
