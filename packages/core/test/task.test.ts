import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { TaskToken } from '../src/index.js';
import {
  activity,
  awsSdk,
  compile,
  dynamodb,
  lambda,
  raw,
  resource,
  States,
  sns,
  sqs,
  startExecutionSync,
  stringifyAsl,
  task,
  workflow,
} from '../src/index.js';
import { emitState, only } from './helpers.js';

const Order = z.object({ orderId: z.string(), amount: z.number(), tags: z.array(z.string()) });

describe('task', () => {
  test('lambda.invoke passes the effective input as Payload', () => {
    expect(
      emitState(only(task('Pay', { resource: lambda.invoke('pay-fn'), input: Order })), 'Pay'),
    ).toMatchInlineSnapshot(`
      {
        "End": true,
        "Parameters": {
          "FunctionName": "pay-fn",
          "Payload.$": "$",
        },
        "Resource": "arn:aws:states:::lambda:invoke",
        "Type": "Task",
      }
    `);
  });

  test('parameters become the Lambda Payload, with paths, context and intrinsics', () => {
    const t = task('Pay', {
      resource: lambda.invoke('pay-fn'),
      input: Order,
      parameters: ({ input, context }) => ({
        id: input.orderId,
        fixed: 'EUR',
        nested: { total: input.amount, first: input.tags.at(0) },
        execution: context.Execution.Id,
        label: States.format('Order {}', input.orderId),
        next: States.mathAdd(input.amount, 1),
        count: States.arrayLength(input.tags),
        mixed: [1, input.orderId],
      }),
    });
    expect(emitState(only(t), 'Pay')).toMatchInlineSnapshot(`
      {
        "End": true,
        "Parameters": {
          "FunctionName": "pay-fn",
          "Payload": {
            "count.$": "States.ArrayLength($.tags)",
            "execution.$": "$$.Execution.Id",
            "fixed": "EUR",
            "id.$": "$.orderId",
            "label.$": "States.Format('Order {}', $.orderId)",
            "mixed.$": "States.Array(1, $.orderId)",
            "nested": {
              "first.$": "$.tags[0]",
              "total.$": "$.amount",
            },
            "next.$": "States.MathAdd($.amount, 1)",
          },
        },
        "Resource": "arn:aws:states:::lambda:invoke",
        "Type": "Task",
      }
    `);
  });

  test('lambda.payload as the only ResultSelector becomes OutputPath $.Payload', () => {
    const t = task('Pay', {
      resource: lambda.invoke('pay-fn'),
      input: Order,
      resultSelector: lambda.payload,
    });
    expect(emitState(only(t), 'Pay')).toMatchObject({ OutputPath: '$.Payload' });
  });

  test('a plain function ARN gets no Parameters', () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:pay';
    expect(emitState(only(task('Pay', { resource: lambda.function(arn) })), 'Pay')).toEqual({
      Type: 'Task',
      Resource: arn,
      End: true,
    });
  });

  test('I/O fields, timeouts and heartbeats', () => {
    const t = task('Pay', {
      resource: awsSdk('s3', 'getObject'),
      input: z.object({ request: z.object({ Bucket: z.string(), Key: z.string() }), limit: z.number() }),
      inputPath: '$.request',
      parameters: ({ input }) => ({ Bucket: input.Bucket, Key: input.Key }),
      resultSelector: ({ result, context }) => ({ body: result, at: context.State.EnteredTime }),
      timeoutSecondsPath: '$.limit',
      heartbeatSeconds: 10,
      comment: 'Read the object',
    })
      .resultPath('$.object')
      .outputPath('$.object');
    expect(emitState(only(t), 'Pay')).toMatchInlineSnapshot(`
      {
        "Comment": "Read the object",
        "End": true,
        "HeartbeatSeconds": 10,
        "InputPath": "$.request",
        "OutputPath": "$.object",
        "Parameters": {
          "Bucket.$": "$.Bucket",
          "Key.$": "$.Key",
        },
        "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
        "ResultPath": "$.object",
        "ResultSelector": {
          "at.$": "$$.State.EnteredTime",
          "body.$": "$",
        },
        "TimeoutSecondsPath": "$.limit",
        "Type": "Task",
      }
    `);
  });

  test('retry and catch', () => {
    const handler = task('Recover', { resource: lambda.invoke('recover') });
    const t = task('Pay', { resource: lambda.invoke('pay-fn') })
      .retry({
        errors: ['Lambda.TooManyRequestsException'],
        intervalSeconds: 2,
        maxAttempts: 5,
        backoffRate: 1.5,
        maxDelaySeconds: 30,
        jitterStrategy: 'FULL',
      })
      .retry({ errors: ['States.ALL'] })
      .catch(['States.Timeout'], handler, { resultPath: '$.error' })
      .catch(['States.ALL'], handler, { resultPath: null, comment: 'keep input' });
    expect(emitState(only(t), 'Pay')).toMatchInlineSnapshot(`
      {
        "Catch": [
          {
            "ErrorEquals": [
              "States.Timeout",
            ],
            "Next": "Recover",
            "ResultPath": "$.error",
          },
          {
            "Comment": "keep input",
            "ErrorEquals": [
              "States.ALL",
            ],
            "Next": "Recover",
            "ResultPath": null,
          },
        ],
        "End": true,
        "Parameters": {
          "FunctionName": "pay-fn",
          "Payload.$": "$",
        },
        "Resource": "arn:aws:states:::lambda:invoke",
        "Retry": [
          {
            "BackoffRate": 1.5,
            "ErrorEquals": [
              "Lambda.TooManyRequestsException",
            ],
            "IntervalSeconds": 2,
            "JitterStrategy": "FULL",
            "MaxAttempts": 5,
            "MaxDelaySeconds": 30,
          },
          {
            "ErrorEquals": [
              "States.ALL",
            ],
          },
        ],
        "Type": "Task",
      }
    `);
  });

  test('sqs, sns and dynamodb integrations wrap the payload', () => {
    const send = task('Send', {
      resource: sqs.sendMessage('https://sqs/q'),
      input: Order,
      parameters: ({ input }) => ({ id: input.orderId }),
    }).resultPath(null);
    const publish = task('Publish', {
      resource: sns.publish('arn:aws:sns:us-east-1:1:t'),
      input: Order,
    }).resultPath(null);
    const get = task('Get', {
      resource: dynamodb.getItem('Orders'),
      input: Order,
      parameters: ({ input }) => ({ pk: { S: input.orderId } }),
    }).resultPath(null);
    const put = task('Put', {
      resource: dynamodb.putItem('Orders'),
      input: Order,
      parameters: ({ input }) => ({ pk: { S: input.orderId }, status: { S: 'NEW' } }),
    }).resultPath(null);
    const update = task('Update', {
      resource: dynamodb.updateItem('Orders'),
      input: Order,
      parameters: ({ input }) => ({
        Key: { pk: { S: input.orderId } },
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'DONE' } },
      }),
    });
    const wf = workflow('W', { input: Order }).start(send).next(publish).next(get).next(put).next(update);
    expect([
      emitState(wf, 'Send'),
      emitState(wf, 'Publish'),
      emitState(wf, 'Get'),
      emitState(wf, 'Put'),
      emitState(wf, 'Update'),
    ]).toMatchInlineSnapshot(`
      [
        {
          "Next": "Publish",
          "Parameters": {
            "MessageBody": {
              "id.$": "$.orderId",
            },
            "QueueUrl": "https://sqs/q",
          },
          "Resource": "arn:aws:states:::sqs:sendMessage",
          "ResultPath": null,
          "Type": "Task",
        },
        {
          "Next": "Get",
          "Parameters": {
            "Message.$": "$",
            "TopicArn": "arn:aws:sns:us-east-1:1:t",
          },
          "Resource": "arn:aws:states:::sns:publish",
          "ResultPath": null,
          "Type": "Task",
        },
        {
          "Next": "Put",
          "Parameters": {
            "Key": {
              "pk": {
                "S.$": "$.orderId",
              },
            },
            "TableName": "Orders",
          },
          "Resource": "arn:aws:states:::dynamodb:getItem",
          "ResultPath": null,
          "Type": "Task",
        },
        {
          "Next": "Update",
          "Parameters": {
            "Item": {
              "pk": {
                "S.$": "$.orderId",
              },
              "status": {
                "S": "NEW",
              },
            },
            "TableName": "Orders",
          },
          "Resource": "arn:aws:states:::dynamodb:putItem",
          "ResultPath": null,
          "Type": "Task",
        },
        {
          "End": true,
          "Parameters": {
            "ExpressionAttributeNames": {
              "#s": "status",
            },
            "ExpressionAttributeValues": {
              ":s": {
                "S": "DONE",
              },
            },
            "Key": {
              "pk": {
                "S.$": "$.orderId",
              },
            },
            "TableName": "Orders",
            "UpdateExpression": "SET #s = :s",
          },
          "Resource": "arn:aws:states:::dynamodb:updateItem",
          "Type": "Task",
        },
      ]
    `);
  });

  test('waitForTaskToken carries $$.Task.Token; activities and .sync keep their ARNs', () => {
    const wait = task('Approve', {
      resource: sqs.sendMessage('https://sqs/q').waitForTaskToken(),
      input: Order,
      parameters: ({ input, context }) => ({ id: input.orderId, token: context.Task.Token }),
      timeoutSeconds: 3600,
      heartbeatSeconds: 600,
    });
    const act = task('Work', { resource: activity('arn:aws:states:us-east-1:123456789012:activity:work') });
    const child = task('Child', {
      resource: startExecutionSync(),
      parameters: () => ({ StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child' }),
    });
    const ecs = task('Ecs', {
      resource: resource('arn:aws:states:::ecs:runTask.sync'),
      parameters: () => ({ Cluster: 'c' }),
    });
    const wf = workflow('W', { input: Order }).start(wait.resultPath(null)).next(act).next(child).next(ecs);
    expect(emitState(wf, 'Approve')).toMatchInlineSnapshot(`
      {
        "HeartbeatSeconds": 600,
        "Next": "Work",
        "Parameters": {
          "MessageBody": {
            "id.$": "$.orderId",
            "token.$": "$$.Task.Token",
          },
          "QueueUrl": "https://sqs/q",
        },
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "ResultPath": null,
        "TimeoutSeconds": 3600,
        "Type": "Task",
      }
    `);
    expect(emitState(wf, 'Work')).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:us-east-1:123456789012:activity:work',
      Next: 'Child',
    });
    expect(emitState(wf, 'Child')).toMatchObject({
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
    });
    expect(emitState(wf, 'Ecs')).toMatchObject({ Resource: 'arn:aws:states:::ecs:runTask.sync' });
  });

  test('a waitForTaskToken task without the token is refused at build time', () => {
    expect(() =>
      task('Approve', { resource: sqs.sendMessage('https://sqs/q').waitForTaskToken(), input: Order }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [CompileError: Cannot compile the workflow:
      /: "Approve" waits for a task token: put context.Task.Token in its parameters [TASK_TOKEN_MISSING]]
    `);
  });

  test('a raw payload may carry the token in a JSONata expression', () => {
    const approve = task('Approve', {
      resource: sns.publish('arn:aws:sns:us-east-1:123456789012:approvals').waitForTaskToken(),
      input: Order,
      queryLanguage: 'JSONata',
      // The token is inside text the types cannot read, so the raw value declares it carries one.
      parameters: () => raw<TaskToken>("{% 'token=' & $encodeUrlComponent($states.context.Task.Token) %}"),
    });
    expect(emitState(workflow('W', { input: Order }).start(approve), 'Approve')).toMatchObject({
      Arguments: { Message: "{% 'token=' & $encodeUrlComponent($states.context.Task.Token) %}" },
    });
  });

  test('raw() and rawFields() emit ASL verbatim', () => {
    const t = task('Pay', {
      resource: lambda.invoke('pay-fn'),
      parameters: () => ({ filter: raw({ 'items.$': '$.items[?(@.qty > 1)]' }) }),
    }).rawFields({ Credentials: { RoleArn: 'arn:aws:iam::123456789012:role/x' } });
    expect(emitState(only(t), 'Pay')).toMatchInlineSnapshot(`
      {
        "Credentials": {
          "RoleArn": "arn:aws:iam::123456789012:role/x",
        },
        "End": true,
        "Parameters": {
          "FunctionName": "pay-fn",
          "Payload": {
            "filter": {
              "items.$": "$.items[?(@.qty > 1)]",
            },
          },
        },
        "Resource": "arn:aws:states:::lambda:invoke",
        "Type": "Task",
      }
    `);
  });

  test('odd keys and names are quoted, and __proto__ stays plain data', () => {
    const Odd = z.object({ 'first name': z.string(), "it's": z.string() });
    const t = task('Pay', {
      resource: lambda.invoke('pay-fn'),
      input: Odd,
      parameters: ({ input }) => ({
        name: input['first name'],
        quote: input["it's"],
        label: States.format("It's {} {}", input['first name'], '{x}'),
      }),
    });
    expect(emitState(only(t), 'Pay')).toMatchInlineSnapshot(`
      {
        "End": true,
        "Parameters": {
          "FunctionName": "pay-fn",
          "Payload": {
            "label.$": "States.Format('It\\'s {} {}', $['first name'], '\\{x\\}')",
            "name.$": "$['first name']",
            "quote.$": "$['it\\'s']",
          },
        },
        "Resource": "arn:aws:states:::lambda:invoke",
        "Type": "Task",
      }
    `);
    const proto = task('Proto', {
      resource: lambda.invoke('f'),
      parameters: () => JSON.parse('{"__proto__": {"x": 1}}'),
    });
    // Not through asl-validator: it mishandles a `__proto__` key itself.
    const text = stringifyAsl(compile(only(proto)).definition);
    expect(text).toContain('"__proto__": {');
    const state = (JSON.parse(text) as AslDocument).States.Proto as unknown as {
      Parameters: { Payload: object };
    };
    expect(Object.keys(state.Parameters.Payload)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(state.Parameters.Payload)).toBe(Object.prototype);
  });
});
