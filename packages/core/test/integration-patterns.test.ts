// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation ${Placeholders} are the data under test.
import { describe, expect, test } from 'vitest';
import {
  activity,
  CompileError,
  compile,
  type Integration,
  lambda,
  resource,
  sqs,
  task,
  workflow,
} from '../src/index.js';

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:approve';
const ACTIVITY_ARN = 'arn:aws:states:us-east-1:123456789012:activity:review';

/** The diagnostic `build` throws, or undefined when it builds. */
function thrown(build: () => unknown) {
  try {
    build();
    return undefined;
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    expect(error.diagnostics).toHaveLength(1);
    return error.diagnostics[0];
  }
}

describe('a pattern suffix on a resource that is not a service integration', () => {
  test('a Lambda function ARN with .waitForTaskToken names the state, the resource and lambda:invoke', () => {
    const arn = `${FUNCTION_ARN}.waitForTaskToken`;
    expect(thrown(() => task('Approve', { resource: lambda.function(arn) }))).toEqual({
      code: 'RESOURCE_PATTERN_UNSUPPORTED',
      message: `"Approve": Resource "${arn}" is a Lambda function ARN: .waitForTaskToken exists only for service integrations ("arn:aws:states:::<service>:<api>"); for a callback, call the function through "arn:aws:states:::lambda:invoke.waitForTaskToken" with its FunctionName`,
      pointer: '',
      state: 'Approve',
      severity: 'error',
      resource: arn,
    });
  });

  test('a Lambda function ARN (with an alias) and .sync', () => {
    const diagnostic = thrown(() => task('Run', { resource: resource(`${FUNCTION_ARN}:prod.sync`) }));
    expect(diagnostic).toMatchObject({ code: 'RESOURCE_PATTERN_UNSUPPORTED', state: 'Run' });
    expect(diagnostic?.message).toContain(
      'is a Lambda function ARN: .sync exists only for service integrations ("arn:aws:states:::<service>:<api>"); the task already waits for the function to return: drop ".sync"',
    );
  });

  test('an activity ARN with either suffix', () => {
    for (const suffix of ['.waitForTaskToken', '.sync', '.sync:2']) {
      const diagnostic = thrown(() => task('Review', { resource: activity(`${ACTIVITY_ARN}${suffix}`) }));
      expect(diagnostic).toMatchObject({
        code: 'RESOURCE_PATTERN_UNSUPPORTED',
        state: 'Review',
        resource: `${ACTIVITY_ARN}${suffix}`,
      });
      expect(diagnostic?.message).toContain(
        `is an activity ARN: ${suffix.startsWith('.sync') ? '.sync' : suffix} exists only for service integrations`,
      );
      expect(diagnostic?.message).toContain(`already hands its worker a task token, so drop "${suffix}"`);
    }
  });

  test('an untyped caller: a cast, or an integration object made by hand', () => {
    // The method is not there at run time either: a cast cannot reach it.
    expect('waitForTaskToken' in lambda.function(FUNCTION_ARN)).toBe(false);
    expect('waitForTaskToken' in activity(ACTIVITY_ARN)).toBe(false);
    expect('sync' in activity(ACTIVITY_ARN)).toBe(false);
    const byHand: Integration = {
      kind: 'lambda-function',
      pattern: 'callback',
      resource: 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Name}.waitForTaskToken',
      parameters: (payload) => payload,
    };
    expect(thrown(() => task('Approve', { resource: byHand }))).toMatchObject({
      code: 'RESOURCE_PATTERN_UNSUPPORTED',
      state: 'Approve',
      resource: byHand.resource,
    });
  });
});

describe('what stays allowed', () => {
  test('service integrations, in any partition, with or without placeholders', () => {
    for (const arn of [
      'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      'arn:aws-us-gov:states:::ecs:runTask.sync',
      'arn:${AWS::Partition}:states:::lambda:invoke.waitForTaskToken',
      'arn:aws:states:::states:startExecution.sync:2',
      // AWS accepts a service integration with its region and account written out (seen in deployed templates).
      'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:athena:startQueryExecution.sync',
    ]) {
      expect(
        thrown(() =>
          task('Call', {
            resource: resource(arn),
            parameters: ({ context }) => ({ token: context.Task.Token }),
          }),
        ),
      ).toBeUndefined();
    }
  });

  test('a resource that starts with a placeholder may be any ARN: it is not judged', () => {
    expect(
      thrown(() =>
        task('Call', {
          resource: resource('${QueueIntegration}.waitForTaskToken'),
          parameters: ({ context }) => ({ token: context.Task.Token }),
        }),
      ),
    ).toBeUndefined();
  });

  test('direct ARNs without a suffix, and the callback through lambda.invoke', () => {
    const approve = task('Approve', {
      resource: lambda.invoke(FUNCTION_ARN).waitForTaskToken(),
      parameters: ({ context }) => ({ token: context.Task.Token }),
    });
    const review = task('Review', { resource: activity(ACTIVITY_ARN) });
    const run = task('Run', { resource: lambda.function(FUNCTION_ARN) });
    const { definition } = compile(workflow('W').start(approve).next(review).next(run));
    expect(Object.values(definition.States).map((state) => (state as { Resource: string }).Resource)).toEqual(
      ['arn:aws:states:::lambda:invoke.waitForTaskToken', ACTIVITY_ARN, FUNCTION_ARN],
    );
  });

  test('resource(arn) offers .waitForTaskToken() on a service integration ARN only', () => {
    const callback = resource('arn:aws:states:::sqs:sendMessage').waitForTaskToken();
    expect(callback).toMatchObject({
      kind: 'resource',
      pattern: 'callback',
      resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    });
    expect(Object.isFrozen(callback)).toBe(true);
    expect('waitForTaskToken' in resource(FUNCTION_ARN)).toBe(false);
    expect('waitForTaskToken' in resource('arn:aws:states:::sqs:sendMessage.waitForTaskToken')).toBe(false);
    expect(resource('arn:aws:states:::ecs:runTask.sync').pattern).toBe('sync');
    expect(sqs.sendMessage('q').waitForTaskToken().resource).toBe(
      'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    );
  });
});
