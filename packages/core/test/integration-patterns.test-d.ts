// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation ${Placeholders} are the data under test.
// The patterns each integration offers are the ones AWS has for its service: `.waitForTaskToken()` and `.sync()` exist
// only for service integrations (`arn:aws:states:::<service>:<api>`), and only where the service supports them. A
// Lambda function ARN or an activity used directly as the resource has neither (an activity hands its worker a task
// token already; a Lambda callback is `lambda.invoke(…).waitForTaskToken()`).
// `pnpm typecheck:dist` checks this file against the built declarations too.
import { describe, expectTypeOf, test } from 'vitest';
import {
  activity,
  apiGateway,
  awsSdk,
  batch,
  dynamodb,
  ecs,
  eventBridge,
  glue,
  http,
  type Integration,
  lambda,
  placeholder,
  resource,
  sagemaker,
  sns,
  sqs,
  stepFunctions,
} from '../src/index.js';

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:approve';
const ACTIVITY_ARN = 'arn:aws:states:us-east-1:123456789012:activity:review';

describe('direct-ARN resources have no callback or job pattern', () => {
  test('an activity', () => {
    expectTypeOf(activity(ACTIVITY_ARN)).not.toHaveProperty('waitForTaskToken');
    expectTypeOf(activity(ACTIVITY_ARN)).not.toHaveProperty('sync');
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'Integration<"activity", …>'
    activity(ACTIVITY_ARN).waitForTaskToken();
    // @ts-expect-error Property 'sync' does not exist on type 'Integration<"activity", …>'
    activity(placeholder('Review')).sync();
  });

  test('a Lambda function ARN (the callback goes through lambda.invoke)', () => {
    expectTypeOf(lambda.function(FUNCTION_ARN)).not.toHaveProperty('waitForTaskToken');
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'Integration<"lambda-function", …>'
    lambda.function(FUNCTION_ARN).waitForTaskToken();
    // @ts-expect-error Property 'sync' does not exist on type 'Integration<"lambda-function", …>'
    lambda.function(placeholder('Approve')).sync();
    expectTypeOf(lambda.invoke(FUNCTION_ARN).waitForTaskToken()).toEqualTypeOf<
      Integration<'lambda-invoke', 'callback', never>
    >();
  });

  test('resource(arn) with an ARN that is not a service integration, or that already names its pattern', () => {
    expectTypeOf(resource(FUNCTION_ARN)).not.toHaveProperty('waitForTaskToken');
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'Integration<"resource", …>'
    resource(FUNCTION_ARN).waitForTaskToken();
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'Integration<"resource", …>'
    resource(ACTIVITY_ARN).waitForTaskToken();
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'Integration<"resource", …>'
    resource('${ApproveFunction}').waitForTaskToken();
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'Integration<"resource", …>'
    resource('arn:aws:states:::sqs:sendMessage.waitForTaskToken').waitForTaskToken();
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'Integration<"resource", …>'
    resource('arn:aws:states:::ecs:runTask.sync').waitForTaskToken();
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'Integration<"resource", …>'
    resource('arn:aws:states:::states:startExecution.sync:2').waitForTaskToken();
  });
});

describe('service integrations offer the patterns AWS lists for them', () => {
  test('the callback pattern: Lambda invoke, SQS, SNS, API Gateway, EventBridge, ECS, Step Functions, AWS SDK', () => {
    expectTypeOf(sqs.sendMessage('q').waitForTaskToken()).toEqualTypeOf<
      Integration<'sqs-send-message', 'callback', never>
    >();
    expectTypeOf(sns.publish(placeholder('Topic')).waitForTaskToken()).toEqualTypeOf<
      Integration<'sns-publish', 'callback', 'sns-topic:Topic'>
    >();
    expectTypeOf(apiGateway.invoke('api').waitForTaskToken()).toEqualTypeOf<
      Integration<'apigateway-invoke', 'callback', never>
    >();
    expectTypeOf(eventBridge.putEvents().waitForTaskToken()).toEqualTypeOf<
      Integration<'events-put-events', 'callback', never>
    >();
    expectTypeOf(ecs.runTask('c', 'td').waitForTaskToken()).toEqualTypeOf<
      Integration<'ecs-run-task', 'callback', never>
    >();
    expectTypeOf(ecs.runTask('c', 'td').sync()).toEqualTypeOf<Integration<'ecs-run-task', 'sync', never>>();
    expectTypeOf(stepFunctions.startExecution('sm').waitForTaskToken())
      .toHaveProperty('pattern')
      .toEqualTypeOf<'callback'>();
    expectTypeOf(awsSdk('s3', 'getObject').waitForTaskToken()).toEqualTypeOf<
      Integration<'aws-sdk', 'callback', never>
    >();
    expectTypeOf(resource('arn:aws:states:::ecs:runTask').waitForTaskToken()).toEqualTypeOf<
      Integration<'resource', 'callback', never>
    >();
    expectTypeOf(resource('arn:${AWS::Partition}:states:::sqs:sendMessage')).toHaveProperty(
      'waitForTaskToken',
    );
  });

  test('no callback where AWS has none: DynamoDB, Glue, Batch, SageMaker, the HTTP Task', () => {
    expectTypeOf(dynamodb.getItem('t')).not.toHaveProperty('waitForTaskToken');
    expectTypeOf(glue.startJobRun('j')).not.toHaveProperty('waitForTaskToken');
    expectTypeOf(batch.submitJob('q', 'd')).not.toHaveProperty('waitForTaskToken');
    expectTypeOf(sagemaker.createTrainingJob()).not.toHaveProperty('waitForTaskToken');
    expectTypeOf(http.invoke('connection')).not.toHaveProperty('waitForTaskToken');
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'Integration<"dynamodb-put-item", …>'
    dynamodb.putItem('t').waitForTaskToken();
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'SyncIntegration<"glue-start-job-run", …>'
    glue.startJobRun('j').waitForTaskToken();
    expectTypeOf(glue.startJobRun('j').sync()).toEqualTypeOf<
      Integration<'glue-start-job-run', 'sync', never>
    >();
  });

  test('a pattern has no further pattern', () => {
    // @ts-expect-error Property 'waitForTaskToken' does not exist on type 'Integration<"ecs-run-task", "sync", …>'
    ecs.runTask('c', 'td').sync().waitForTaskToken();
    // @ts-expect-error Property 'sync' does not exist on type 'Integration<"ecs-run-task", "callback", …>'
    ecs.runTask('c', 'td').waitForTaskToken().sync();
  });
});
