// biome-ignore-all lint/suspicious/noTemplateCurlyInString: placeholders and Fn::Sub templates as they appear in ASL and CloudFormation
import type { AslDocument, AslState, JsonValue } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { analyzeDefinition, OPTIMIZED_INTEGRATIONS, toTemplate } from '../src/cloudformation.js';
import { definitionOf } from './workflows.js';

/** The role's statements as the CloudFormation writer renders them. */
function statementsOf(definition: AslDocument): JsonValue {
  const { template } = toTemplate({ name: 'T', type: 'STANDARD', definition }, { format: 'cloudformation' });
  const role = (
    template.Resources as Record<
      string,
      { Properties: { Policies?: { PolicyDocument: { Statement: JsonValue } }[] } }
    >
  ).TRole;
  return role?.Properties.Policies?.[0]?.PolicyDocument.Statement ?? [];
}
const task = (Resource: string, Parameters?: JsonValue): Partial<AslState> =>
  (Parameters === undefined ? { Resource } : { Resource, Parameters }) as Partial<AslState>;

/** One Task per integration and pattern, each naming its resources with placeholders. */
const EVERY_INTEGRATION: Record<string, Partial<AslState>> = {
  LambdaInvoke: task('arn:aws:states:::lambda:invoke', { FunctionName: '${Fn}', 'Payload.$': '$' }),
  LambdaArn: task('arn:aws:lambda:us-east-1:123456789012:function:direct'),
  SqsSend: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken', {
    QueueUrl: '${Queue}',
    MessageBody: { 'token.$': '$$.Task.Token' },
  }),
  SnsPublish: task('arn:aws:states:::sns:publish', { TopicArn: '${Topic}', 'Message.$': '$' }),
  DynamoGet: task('arn:aws:states:::dynamodb:getItem', { TableName: '${Table}', Key: {} }),
  DynamoPut: task('arn:aws:states:::dynamodb:putItem', { TableName: '${Table}', Item: {} }),
  DynamoUpdate: task('arn:aws:states:::dynamodb:updateItem', { TableName: '${Table}', Key: {} }),
  DynamoDelete: task('arn:aws:states:::dynamodb:deleteItem', { TableName: '${Table}', Key: {} }),
  DynamoQuery: task('arn:aws:states:::aws-sdk:dynamodb:query', {
    TableName: '${Table}',
    IndexName: 'byDate',
  }),
  StartExecution: task('arn:aws:states:::states:startExecution', { StateMachineArn: '${Child}' }),
  StartExecutionSync: task('arn:aws:states:::states:startExecution.sync:2', { StateMachineArn: '${Child}' }),
  EcsRunTask: task('arn:aws:states:::ecs:runTask.sync', {
    Cluster: '${Cluster}',
    TaskDefinition: '${TaskDef}',
  }),
  GlueJob: task('arn:aws:states:::glue:startJobRun.sync', { JobName: '${GlueJob}' }),
  Training: task('arn:aws:states:::sagemaker:createTrainingJob.sync', {
    'TrainingJobName.$': '$.name',
    RoleArn: '${SageMakerRole}',
    Tags: [],
  }),
  CreateModel: task('arn:aws:states:::sagemaker:createModel', {
    ModelName: 'Churn-Model',
    ExecutionRoleArn: 'arn:aws:iam::123456789012:role/sagemaker-pipeline',
    Tags: [],
  }),
  Transform: task('arn:aws:states:::sagemaker:createTransformJob.sync', { TransformJobName: 'nightly' }),
  Endpoint: task('arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint', {
    EndpointName: '${Endpoint}',
    'Body.$': '$',
  }),
  Batch: task('arn:aws:states:::batch:submitJob.sync', {
    JobName: 'j',
    JobQueue: '${JobQueue}',
    JobDefinition: '${JobDefinition}',
  }),
  ApiGateway: task('arn:aws:states:::apigateway:invoke', {
    ApiEndpoint: '${Api}',
    Method: 'POST',
    Stage: 'prod',
    Path: '/orders',
  }),
  PutEvents: task('arn:aws:states:::events:putEvents', {
    Entries: [{ EventBusName: '${Bus}', Detail: {} }, { Detail: {} }],
  }),
  Http: task('arn:aws:states:::http:invoke', {
    ApiEndpoint: 'https://api.example.com/v1',
    Method: 'GET',
    Authentication: { ConnectionArn: '${Connection}' },
  }),
  S3Sdk: task('arn:aws:states:::aws-sdk:s3:getObject', { Bucket: '${Bucket}', Key: 'report.csv' }),
  Activity: task('arn:aws:states:us-east-1:123456789012:activity:review'),
};

describe('the policy derived from a definition', () => {
  test('every integration: its statements (the table keyed by resource ARN)', async () => {
    const definition = definitionOf(EVERY_INTEGRATION);
    const needs = analyzeDefinition(definition);
    expect(needs.findings.map((f) => f.code)).toEqual(['DYNAMIC_RESOURCE']);
    const perState = Object.fromEntries(
      Object.entries(EVERY_INTEGRATION).map(([name, state]) => [
        `${name} (${(state as { Resource: string }).Resource})`,
        statementsOf(definitionOf({ [name]: state })),
      ]),
    );
    await expect(`${JSON.stringify(perState, null, 2)}\n`).toMatchFileSnapshot(
      'snapshots/permissions.json.snap',
    );
    // Merged: each action set (with its condition) once, however many states need it.
    const keys = (statementsOf(definition) as { Action: JsonValue; Condition?: JsonValue }[]).map((s) =>
      JSON.stringify([s.Action, s.Condition ?? null]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('the table has a row for every optimized integration AWS lists here', () => {
    expect(Object.keys(OPTIMIZED_INTEGRATIONS).sort()).toEqual([
      'apigateway:invoke',
      'batch:submitJob',
      'dynamodb:deleteItem',
      'dynamodb:getItem',
      'dynamodb:putItem',
      'dynamodb:updateItem',
      'ecs:runTask',
      'events:putEvents',
      'glue:startJobRun',
      'http:invoke',
      'lambda:invoke',
      'sagemaker:createModel',
      'sagemaker:createTrainingJob',
      'sagemaker:createTransformJob',
      'sns:publish',
      'sqs:sendMessage',
      'states:startExecution',
    ]);
  });

  test('literal resources: names, URLs and ARNs become exact ARNs', () => {
    expect(
      statementsOf(
        definitionOf({
          A: task('arn:aws:states:::lambda:invoke', { FunctionName: 'receive-order' }),
          B: task('arn:aws:states:::sqs:sendMessage', {
            QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/111122223333/approvals',
          }),
          C: task('arn:aws:states:::dynamodb:getItem', { TableName: 'Orders', Key: {} }),
          D: task('arn:aws:states:::ecs:runTask', { TaskDefinition: 'worker' }),
        }),
      ),
    ).toEqual([
      {
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [
          {
            'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:receive-order',
          },
          {
            'Fn::Sub':
              'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:receive-order:*',
          },
        ],
      },
      {
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:eu-west-1:111122223333:approvals' },
      },
      {
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: {
          'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Orders',
        },
      },
      {
        Effect: 'Allow',
        Action: 'ecs:RunTask',
        Resource: {
          'Fn::Sub': 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/worker:*',
        },
      },
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*' },
        Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      },
    ]);
  });

  test('a resource computed at run time (JSONPath or JSONata) gets the kind wildcard and a warning naming the state', () => {
    for (const Parameters of [{ 'FunctionName.$': '$.fn' }, { FunctionName: '{% $states.input.fn %}' }]) {
      const definition = definitionOf({ Pick: task('arn:aws:states:::lambda:invoke', Parameters) });
      expect(analyzeDefinition(definition).findings).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'DYNAMIC_RESOURCE',
          message: expect.stringContaining('"Pick" computes its lambda-function at run time'),
          pointer: expect.stringMatching(/^\/States\/Pick\/Parameters\/FunctionName/),
        }),
      ]);
      expect(JSON.stringify(statementsOf(definition))).toContain(':function:*');
    }
  });

  test('a whole JSONata Arguments expression makes every field dynamic', () => {
    const definition = definitionOf({
      Send: {
        Resource: 'arn:aws:states:::sns:publish',
        Arguments: '{% $states.input %}',
      } as Partial<AslState>,
    });
    expect(analyzeDefinition(definition).findings.map((f) => f.code)).toEqual(['DYNAMIC_RESOURCE']);
    expect(JSON.stringify(statementsOf(definition))).toContain(
      '"Resource":{"Fn::Sub":"arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:*"}',
    );
  });

  test('an integration without a row, and an SDK service without known resources, are reported', () => {
    const needs = analyzeDefinition(
      definitionOf({
        Athena: task('arn:aws:states:::athena:startQueryExecution.sync', { QueryString: 'SELECT 1' }),
        Ec2: task('arn:aws:states:::aws-sdk:ec2:describeInstances', {}),
      }),
    );
    expect(needs.findings.map((f) => [f.code, f.pointer])).toEqual([
      ['UNKNOWN_INTEGRATION', '/States/Athena/Resource'],
      ['UNSCOPED_SDK_CALL', '/States/Ec2/Resource'],
    ]);
    expect(needs.statements).toEqual([
      { actions: ['ec2:DescribeInstances'], resources: [{ kind: 'arn', arn: { template: '*' } }] },
    ]);
  });

  test('one placeholder naming two kinds of resource, or a placeholder inside a name, is an error', () => {
    const needs = analyzeDefinition(
      definitionOf({
        A: task('arn:aws:states:::lambda:invoke', { FunctionName: '${Thing}' }),
        B: task('arn:aws:states:::sqs:sendMessage', { QueueUrl: '${Thing}' }),
        C: task('arn:aws:states:::dynamodb:getItem', { TableName: 'orders-${Stage}', Key: {} }),
      }),
    );
    expect(needs.findings.map((f) => [f.severity, f.code, f.pointer])).toEqual([
      ['error', 'PLACEHOLDER_CONFLICT', '/States/B/Parameters/QueueUrl'],
      ['error', 'PLACEHOLDER_EMBEDDED', '/States/C/Parameters/TableName'],
    ]);
  });

  test('placeholders outside resource fields are plain values; nested branches and processors are walked', () => {
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Inner',
              States: {
                Inner: {
                  Type: 'Task',
                  Resource: 'arn:aws:states:::lambda:invoke',
                  Parameters: { FunctionName: '${Inner}', Payload: { stage: '${Stage}' } },
                  End: true,
                },
              },
            },
          ],
          End: true,
        },
      },
    } as AslDocument;
    expect(analyzeDefinition(definition).placeholders).toEqual([
      {
        name: 'Inner',
        kind: 'lambda-function',
        pointers: ['/States/Both/Branches/0/States/Inner/Parameters/FunctionName'],
      },
      {
        name: 'Stage',
        kind: 'value',
        pointers: ['/States/Both/Branches/0/States/Inner/Parameters/Payload/stage'],
      },
    ]);
  });

  test('placeholder and service names like __proto__ and constructor are plain keys', () => {
    const definition = definitionOf({
      A: task('arn:aws:states:::lambda:invoke', { FunctionName: '${__proto__}' }),
      B: task('arn:aws:states:::sqs:sendMessage', { QueueUrl: '${constructor}' }),
      C: task('arn:aws:states:::aws-sdk:constructor:toString', {}),
      D: task('arn:aws:states:::__proto__:x', {}),
    });
    const needs = analyzeDefinition(definition);
    expect(needs.placeholders.map((p) => [p.name, p.kind])).toEqual([
      ['__proto__', 'lambda-function'],
      ['constructor', 'sqs-queue'],
    ]);
    expect(needs.findings.map((f) => f.code)).toEqual(['UNSCOPED_SDK_CALL', 'UNKNOWN_INTEGRATION']);
    const { template } = toTemplate(
      { name: 'T', type: 'STANDARD', definition },
      { format: 'cloudformation' },
    );
    const machine = (
      template.Resources as Record<string, { Properties: { DefinitionSubstitutions: object } }>
    ).T;
    expect(Object.keys(machine?.Properties.DefinitionSubstitutions ?? {})).toEqual([
      '__proto__',
      'constructor',
    ]);
    expect(Object.keys(template.Parameters as object)).toEqual(['Proto', 'Constructor']);
    expect(JSON.stringify(statementsOf(definition))).toContain(
      '"Action":"constructor:ToString","Resource":"*"',
    );
  });

  test('literal identifiers of every kind: partial ARNs, legacy queue URLs, revisions, endpoints', () => {
    const text = JSON.stringify(
      statementsOf(
        definitionOf({
          A: task('arn:aws:states:::lambda:invoke', { FunctionName: '123456789012:function:pay:live' }),
          B: task('arn:aws:states:::sqs:sendMessage', {
            QueueUrl: 'https://us-west-2.queue.amazonaws.com/123456789012/legacy',
          }),
          C: task('arn:aws:states:::batch:submitJob', {
            JobName: 'n',
            JobQueue: 'queue',
            JobDefinition: 'def:3',
          }),
          D: task('arn:aws:states:::apigateway:invoke', {
            ApiEndpoint: 'abc123.execute-api.eu-west-1.amazonaws.com',
            Method: 'GET',
            'Path.$': '$.path',
          }),
          E: task('arn:aws:states:::events:putEvents', {
            Entries: [{ EventBusName: 'arn:aws:events:us-east-1:123456789012:event-bus/orders' }],
          }),
          F: task('arn:aws:states:::states:startExecution.sync', {
            StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Child',
          }),
        }),
      ),
    );
    for (const expected of [
      'arn:${AWS::Partition}:lambda:${AWS::Region}:123456789012:function:pay:live',
      'arn:${AWS::Partition}:sqs:us-west-2:123456789012:legacy',
      'job-definition/def:3',
      'job-queue/queue',
      'arn:${AWS::Partition}:execute-api:eu-west-1:${AWS::AccountId}:abc123/$default/GET/*'.replace(
        '$default',
        '*',
      ),
      '"Resource":"arn:aws:events:us-east-1:123456789012:event-bus/orders"',
      '"Resource":"arn:aws:states:us-east-1:123456789012:execution:Child:*"',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
