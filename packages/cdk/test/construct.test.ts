// biome-ignore-all lint/suspicious/noTemplateCurlyInString: messages quote ${Placeholder} names
import {
  activity,
  type CompilableWorkflow,
  compile,
  lambda as integrations,
  sns as notifications,
  placeholder,
  resource,
  task,
  workflow,
} from '@stepcraft/core';
import {
  App,
  aws_apigateway as apigateway,
  Duration,
  aws_iam as iam,
  aws_lambda as lambda,
  Stack,
  aws_stepfunctions as sfn,
  aws_sns as sns,
  aws_sqs as sqs,
  aws_stepfunctions_tasks as tasks,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLE_NAMES, EXAMPLES, type ExampleName } from '../../../examples/catalog.js';
import { type ExampleStack, examplesApp } from '../../../examples/cdk-app/app.js';
import { StepcraftStateMachine } from '../src/index.js';

// Synthesizing aws-cdk-lib stacks is slow: build the examples' app once for every test of this file.
let stacks: Readonly<Record<ExampleName, ExampleStack>>;
beforeAll(() => {
  stacks = examplesApp().stacks;
});

/** The statements of the role's policy, as CloudFormation will see them. */
function roleStatements(example: ExampleStack): unknown[] {
  const template = Template.fromStack(example.stack);
  const role = example.stack.resolve(example.machine.role.roleName) as { Ref: string };
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
    JSON.stringify(p.Properties.Roles).includes(role.Ref),
  );
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
}

/** `lambda:InvokeFunction` on each bound function and its versions, in order of first use. */
function invoke(example: ExampleStack, ...placeholders: string[]): unknown {
  const arns = placeholders.map((p) => (example.machine.bindings[p] as lambda.IFunction).functionArn);
  return {
    Action: 'lambda:InvokeFunction',
    Effect: 'Allow',
    Resource: example.stack.resolve(arns.flatMap((arn) => [arn, `${arn}:*`])),
  };
}

/** The state machine resource: its definition is the compiled ASL, each placeholder substituted from its binding. */
function expectMachine(example: ExampleStack, type: 'STANDARD' | 'EXPRESS'): void {
  const template = Template.fromStack(example.stack);
  const name = example.machine.definition;
  const substitutions = Object.fromEntries(
    Object.entries(example.machine.bindings).map(([key, bound]) => {
      const api = bound instanceof apigateway.RestApi ? bound : undefined;
      const value =
        (api && `${api.restApiId}.execute-api.${api.env.region}.amazonaws.com`) ??
        (bound as { functionArn?: string }).functionArn ??
        (bound as { topicArn?: string }).topicArn ??
        (bound as { queueUrl?: string }).queueUrl ??
        (bound as { tableName?: string }).tableName;
      return [key, example.stack.resolve(value)];
    }),
  );
  template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
  template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
    DefinitionString: JSON.stringify(name),
    DefinitionSubstitutions: substitutions,
    StateMachineType: type,
    RoleArn: example.stack.resolve(example.machine.role.roleArn),
  });
}

describe('StepcraftStateMachine on every example', () => {
  test('OrderProcessing: resource, substitutions, statements', () => {
    const example = stacks['order-processing'];
    expect(example.machine.definition).toEqual(compile(EXAMPLES['order-processing']).definition);
    // The construct exposes the input and output JSON Schemas (for API Gateway models, EventBridge registries).
    expect(example.machine.schemas.input?.title).toBe('OrderProcessing input');
    expect(example.machine.schemas.output?.title).toBe('OrderProcessing output');
    expectMachine(example, 'STANDARD');
    expect(roleStatements(example)).toEqual([
      invoke(
        example,
        'ReceiveOrderFunction',
        'ProcessPaymentFunction',
        'CheckInventoryFunction',
        'FormatAlertFunction',
      ),
      {
        Action: 'sns:Publish',
        Effect: 'Allow',
        Resource: example.stack.resolve((example.machine.bindings.OrderAlertsTopic as sns.ITopic).topicArn),
      },
    ]);
  });

  test('EtlPipeline: the Map processor’s function too', () => {
    const example = stacks['etl-pipeline'];
    expectMachine(example, 'STANDARD');
    expect(roleStatements(example)).toEqual([
      invoke(example, 'TransformRecordFunction', 'AggregateFunction'),
    ]);
  });

  test('HumanApproval: sqs:SendMessage for the callback, then the functions', () => {
    const example = stacks['human-approval'];
    expectMachine(example, 'STANDARD');
    expect(roleStatements(example)).toEqual([
      {
        Action: 'sqs:SendMessage',
        Effect: 'Allow',
        Resource: example.stack.resolve((example.machine.bindings.ApprovalQueue as sqs.IQueue).queueArn),
      },
      invoke(example, 'PayFunction', 'NotifyRejectedFunction', 'EscalateFunction'),
    ]);
  });

  test('ApiApproval: execute-api:Invoke on the one method it calls, then the functions', () => {
    const example = stacks['api-approval'];
    expectMachine(example, 'STANDARD');
    const api = example.machine.bindings.ApprovalsApi as apigateway.IRestApi;
    const [invokeApi, ...rest] = roleStatements(example);
    expect(invokeApi).toMatchObject({ Action: 'execute-api:Invoke', Effect: 'Allow' });
    // The API id is read back from the bound endpoint; the literal Stage, Method and Path narrow the grant.
    const resource = JSON.stringify((invokeApi as { Resource: unknown }).Resource);
    expect(resource).toContain(JSON.stringify(example.stack.resolve(api.restApiId)));
    expect(resource).toMatch(/:execute-api:.*"\/prod\/POST\/approvals"\]\]\}$/);
    expect(rest).toEqual([invoke(example, 'PayFunction', 'NotifyRejectedFunction', 'EscalateFunction')]);
  });

  test('MlInference: the Parallel branches’ functions and dynamodb:PutItem on the table', () => {
    const example = stacks['ml-inference'];
    expectMachine(example, 'STANDARD');
    const table = example.machine.bindings.PredictionsTable as { tableArn: string };
    expect(roleStatements(example)).toEqual([
      invoke(example, 'PreprocessFunction', 'ModelAFunction', 'ModelBFunction', 'PickBestFunction'),
      { Action: 'dynamodb:PutItem', Effect: 'Allow', Resource: example.stack.resolve(table.tableArn) },
    ]);
  });

  test('OrderTotal (JSONata): substitutions inside Arguments', () => {
    const example = stacks['order-total'];
    expectMachine(example, 'STANDARD');
    expect(example.machine.definition.QueryLanguage).toBe('JSONata');
    expect(roleStatements(example)).toEqual([
      invoke(example, 'LoadPricingFunction', 'PriceLineFunction', 'AddLineFunction'),
    ]);
  });

  test('RetryBackoff as Express: a log group, logging configuration and log delivery', () => {
    const example = stacks['retry-backoff'];
    expectMachine(example, 'EXPRESS');
    const template = Template.fromStack(example.stack);
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: Match.anyValue() } }],
      },
    });
    expect(roleStatements(example)).toEqual([
      invoke(example, 'FlakyServiceFunction'),
      {
        Action: [
          'logs:CreateLogDelivery',
          'logs:GetLogDelivery',
          'logs:UpdateLogDelivery',
          'logs:DeleteLogDelivery',
          'logs:ListLogDeliveries',
          'logs:PutResourcePolicy',
          'logs:DescribeResourcePolicies',
          'logs:DescribeLogGroups',
        ],
        Effect: 'Allow',
        Resource: '*',
      },
    ]);
  });

  test('the whole app synthesizes (one template per example)', () => {
    const assembly = examplesApp().app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual([
      'ApiApproval',
      'EtlPipeline',
      'EventDriven',
      'GlueEtl',
      'HumanApproval',
      'MlInference',
      'MlPipeline',
      'NestedWorkflows',
      'OrderProcessing',
      'OrderTotal',
      'RetryBackoff',
    ]);
    expect(Object.keys(examplesApp().stacks).sort()).toEqual([...EXAMPLE_NAMES].sort());
  });
});

describe('bindings are checked at synth time', () => {
  // Typed bindings reject these at compile time (bindings.test-d.ts); a workflow loaded without its type is checked here.
  const untyped: CompilableWorkflow = EXAMPLES['retry-backoff'];
  const build = (bindings: Record<string, unknown>) => () => {
    const stack = new Stack(new App(), 'Checks');
    new StepcraftStateMachine(stack, 'Machine', {
      workflow: untyped,
      bindings:
        typeof bindings.FlakyServiceFunction === 'function'
          ? { FlakyServiceFunction: bindings.FlakyServiceFunction(stack) }
          : bindings,
    });
  };

  test('a missing binding names the placeholder and where it is used', () => {
    expect(build({})).toThrow(
      '${FlakyServiceFunction} (/States/CallService/Arguments/FunctionName) has no binding: bind it to a lambda.IFunction',
    );
  });

  test('a binding of the wrong construct type names what it needs and what it got', () => {
    expect(build({ FlakyServiceFunction: (s: Stack) => new sqs.Queue(s, 'Q') })).toThrow(
      /\$\{FlakyServiceFunction\} \(\/States\/CallService\/Arguments\/FunctionName\) must be bound to a lambda\.IFunction, got an AWS::SQS::Queue \(Checks\/Q\)/,
    );
  });

  test('a binding for a placeholder the workflow does not have is an error', () => {
    const stack = new Stack(new App(), 'Extra');
    expect(
      () =>
        new StepcraftStateMachine(stack, 'Machine', {
          workflow: EXAMPLES['retry-backoff'],
          bindings: { FlakyServiceFunction: fnIn(stack), Typo: 'x' },
        }),
    ).toThrow('${Typo} is bound but the definition has no such placeholder');
  });
});

describe('the construct', () => {
  test('an Express deployment of a workflow with a callback is rejected with the validator’s finding', () => {
    const stack = new Stack(new App(), 'Express');
    expect(
      () =>
        new StepcraftStateMachine(stack, 'Machine', {
          workflow: EXAMPLES['human-approval'] as CompilableWorkflow,
          type: 'EXPRESS',
          bindings: {},
        }),
    ).toThrow(/the definition is invalid as EXPRESS:\n.*\/States\/RequestApproval\/Resource/);
  });

  test('startExecution.sync: the child, its executions (split from its ARN) and the managed rule', () => {
    const stack = new Stack(new App(), 'Parent');
    const child = new sfn.StateMachine(stack, 'Child', {
      definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Noop')),
    });
    const parent = workflow('Parent').start(
      task('RunChild', {
        resource: resource('arn:aws:states:::states:startExecution.sync:2'),
        parameters: () => ({ StateMachineArn: placeholder('Child') }),
      }),
    );
    const machine = new StepcraftStateMachine(stack, 'Machine', {
      workflow: parent,
      bindings: { Child: child },
    });
    const arn = stack.resolve(child.stateMachineArn);
    const statements =
      Template.fromStack(stack).toJSON().Resources[
        stack.getLogicalId(machine.role.node.findChild('DefaultPolicy').node.defaultChild as never)
      ].Properties.PolicyDocument.Statement;
    expect(statements).toEqual([
      { Action: 'states:StartExecution', Effect: 'Allow', Resource: arn },
      {
        Action: ['states:DescribeExecution', 'states:StopExecution'],
        Effect: 'Allow',
        Resource: stackArn('states', ':execution:', { 'Fn::Select': [6, { 'Fn::Split': [':', arn] }] }, ':*'),
      },
      {
        Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        Effect: 'Allow',
        Resource: stackArn('events', ':rule/StepFunctionsGetEventsForStepFunctionsExecutionRule'),
      },
    ]);
  });

  test('a placeholder Resource binds to a function or an activity; an activity needs no statement', () => {
    const stack = new Stack(new App(), 'Activity');
    const review = workflow('Review').start(task('Review', { resource: activity(placeholder('Reviewer')) }));
    const reviewer = new sfn.Activity(stack, 'Reviewer');
    new StepcraftStateMachine(stack, 'Machine', { workflow: review, bindings: { Reviewer: reviewer } });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      DefinitionSubstitutions: { Reviewer: stack.resolve(reviewer.activityArn) },
    });
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('a placeholder outside a resource field is bound to a string', () => {
    const stack = new Stack(new App(), 'Values');
    const notify = workflow('Notify').start(
      task('Notify', {
        resource: notifications.publish(placeholder('Alerts')),
        parameters: () => ({ stage: placeholder('Stage') }),
      }),
    );
    const topic = new sns.Topic(stack, 'Alerts');
    new StepcraftStateMachine(stack, 'Machine', {
      workflow: notify,
      bindings: { Alerts: topic, Stage: 'prod' },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::StepFunctions::StateMachine', {
      DefinitionSubstitutions: { Alerts: stack.resolve(topic.topicArn), Stage: 'prod' },
    });
    expect(
      () =>
        new StepcraftStateMachine(new Stack(new App(), 'Wrong'), 'Machine', {
          workflow: notify,
          bindings: { Alerts: topic, Stage: 42 },
        }),
    ).toThrow('${Stage} (/States/Notify/Parameters/Message/stage) must be bound to a string, got 42');
  });

  test('a KMS-encrypted queue adds its key; extra statements are added as given', () => {
    const stack = new Stack(new App(), 'Kms');
    const queue = new sqs.Queue(stack, 'Approvals', { encryption: sqs.QueueEncryption.KMS });
    new StepcraftStateMachine(stack, 'Machine', {
      workflow: EXAMPLES['human-approval'],
      bindings: {
        ApprovalQueue: queue,
        PayFunction: fnIn(stack),
        NotifyRejectedFunction: fnIn(stack, 'Notify'),
        EscalateFunction: fnIn(stack, 'Escalate'),
      },
      extraStatements: [new iam.PolicyStatement({ actions: ['xray:GetSamplingRules'], resources: ['*'] })],
    });
    const statements = Template.fromStack(stack).findResources('AWS::IAM::Policy');
    const all = Object.values(statements).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(all).toContainEqual({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Effect: 'Allow',
      Resource: stack.resolve(queue.encryptionMasterKey?.keyArn),
    });
    expect(all).toContainEqual({ Action: 'xray:GetSamplingRules', Effect: 'Allow', Resource: '*' });
  });

  test('statements naming the state machine go in their own policy; warnings become CDK annotations', () => {
    const stack = new Stack(new App(), 'Http');
    const call = workflow('CallApi').start(
      task('Call', {
        resource: resource('arn:aws:states:::http:invoke'),
        parameters: () => ({ ApiEndpoint: 'https://api.example.com', Method: 'GET' }),
      }),
    );
    new StepcraftStateMachine(stack, 'Machine', {
      workflow: call,
      bindings: {},
      timeout: Duration.minutes(5),
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: 'states:InvokeHTTPEndpoint',
            Condition: {
              StringEquals: { 'states:HTTPMethod': 'GET' },
              StringLike: { 'states:HTTPEndpoint': 'https://api.example.com*' },
            },
            Resource: { Ref: Match.stringLikeRegexp('^Machine') },
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      DefinitionString: Match.stringLikeRegexp('"TimeoutSeconds":300'),
    });

    const dynamic = new Stack(new App(), 'Dynamic');
    const pick = workflow('Pick').start(
      task('Pick', { resource: integrations.invoke('{% $states.input.fn %}') }),
    );
    new StepcraftStateMachine(dynamic, 'Machine', { workflow: pick, bindings: {} });
    Annotations.fromStack(dynamic).hasWarning(
      '/Dynamic/Machine',
      Match.stringLikeRegexp('"Pick" computes its lambda-function at run time'),
    );
  });
});

function fnIn(scope: Stack, id = 'Fn'): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async (e) => e;'),
  });
}

describe('parity with a hand-written aws-stepfunctions + aws-stepfunctions-tasks stack (order processing)', () => {
  test('same definition once substituted, and no permission CDK grants is missing', () => {
    const stack = new Stack(new App(), 'Parity');
    const functions = {
      ReceiveOrderFunction: fnNamed(stack, 'ReceiveOrderFn'),
      ProcessPaymentFunction: fnNamed(stack, 'ProcessPaymentFn'),
      CheckInventoryFunction: fnNamed(stack, 'CheckInventoryFn'),
      FormatAlertFunction: fnNamed(stack, 'FormatAlertFn'),
    };
    const topic = new sns.Topic(stack, 'Alerts');
    const ours = new StepcraftStateMachine(stack, 'Ours', {
      workflow: EXAMPLES['order-processing'],
      bindings: { ...functions, OrderAlertsTopic: topic },
    });

    const invoke = (id: string, fn: lambda.IFunction, props: Partial<tasks.LambdaInvokeProps> = {}) =>
      new tasks.LambdaInvoke(stack, id, { lambdaFunction: fn, retryOnServiceExceptions: false, ...props });
    const alert = invoke('HandleError', functions.FormatAlertFunction, { outputPath: '$.Payload' })
      .next(
        new tasks.SnsPublish(stack, 'SendAlert', {
          topic,
          message: sfn.TaskInput.fromObject({
            subject: sfn.JsonPath.stringAt('$.subject'),
            message: sfn.JsonPath.stringAt('$.message'),
          }),
        }),
      )
      .next(
        new sfn.Fail(stack, 'OrderFailed', {
          error: 'OrderFailed',
          cause: 'The order could not be processed; an alert was sent',
        }),
      );
    const pay = invoke('ProcessPayment', functions.ProcessPaymentFunction, {
      resultSelector: { 'paymentId.$': '$.Payload.paymentId', 'status.$': '$.Payload.status' },
      resultPath: '$.payment',
    })
      .addRetry({
        errors: [
          'Lambda.ServiceException',
          'Lambda.AWSLambdaException',
          'Lambda.SdkClientException',
          'Lambda.TooManyRequestsException',
        ],
        interval: Duration.seconds(2),
        maxAttempts: 3,
        backoffRate: 2,
      })
      .addCatch(alert, { errors: ['States.ALL'], resultPath: '$.error' });
    const definition = invoke('ReceiveOrder', functions.ReceiveOrderFunction, { outputPath: '$.Payload' })
      .next(pay)
      .next(
        invoke('CheckInventory', functions.CheckInventoryFunction, {
          resultSelector: { 'reserved.$': '$.Payload.reserved' },
          resultPath: '$.inventory',
        }),
      )
      .next(new sfn.Succeed(stack, 'OrderCompleted'));
    const theirs = new sfn.StateMachine(stack, 'Theirs', {
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      comment: 'Receive an order, charge it, reserve the stock',
      timeout: Duration.seconds(300),
    });

    const template = Template.fromStack(stack).toJSON() as { Resources: Record<string, Resource> };
    const machineOf = (id: string) => template.Resources[stack.resolve(id)] as Resource;
    const oursId = (stack.resolve(ours.stateMachineArn) as { Ref: string }).Ref;
    const theirsId = (stack.resolve(theirs.stateMachineArn) as { Ref: string }).Ref;
    expect(renderDefinition(machineOf(oursId))).toEqual(renderDefinition(machineOf(theirsId)));

    const oursGrants = grantsOf(template, (stack.resolve(ours.role.roleName) as { Ref: string }).Ref);
    const theirsGrants = grantsOf(template, (stack.resolve(theirs.role.roleName) as { Ref: string }).Ref);
    expect(theirsGrants.filter((g) => !oursGrants.includes(g))).toEqual([]);
    // Nothing more either: the same eight Lambda ARNs (function and versions) and the topic.
    expect(oursGrants.sort()).toEqual(theirsGrants.sort());
  });
});

/** `arn:<partition>:<service>:<region>:<account>…` as CDK renders it (`Fn::Join` over the pseudo parameters). */
function stackArn(service: string, ...rest: unknown[]): unknown {
  const pseudo = (name: string) => ({ Ref: `AWS::${name}` });
  return {
    'Fn::Join': [
      '',
      ['arn:', pseudo('Partition'), `:${service}:`, pseudo('Region'), ':', pseudo('AccountId'), ...rest],
    ],
  };
}

interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

function fnNamed(scope: Stack, id: string): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async (e) => e;'),
  });
}

/** A state machine's definition with each deploy-time value written as `<<its intrinsic>>`, parsed. */
function renderDefinition(machine: Resource): unknown {
  const marker = (value: unknown) => `<<${JSON.stringify(value).replaceAll('"', "'")}>>`;
  const body = machine.Properties.DefinitionString as string | { 'Fn::Join': [string, unknown[]] };
  const text =
    typeof body === 'string'
      ? body
      : body['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : marker(part))).join('');
  const substitutions = (machine.Properties.DefinitionSubstitutions ?? {}) as Record<string, unknown>;
  // CDK writes integration ARNs with the stack's partition; core writes `arn:aws:` (see the README's Deploy notes).
  const substituted = text.replace(/\$\{([^}]+)\}/g, (whole, name: string) =>
    name in substitutions ? marker(substitutions[name]) : whole,
  );
  return JSON.parse(substituted.replaceAll(marker({ Ref: 'AWS::Partition' }), 'aws'));
}

/** `action resource` pairs a role's policies allow. */
function grantsOf(template: { Resources: Record<string, Resource> }, role: string): string[] {
  const statements = Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(role))
    .flatMap(
      (r) =>
        (r.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] })
          .Statement,
    );
  return statements.flatMap((s) =>
    [s.Action]
      .flat()
      .flatMap((action) => [s.Resource].flat().map((resource) => `${action} ${JSON.stringify(resource)}`)),
  );
}
