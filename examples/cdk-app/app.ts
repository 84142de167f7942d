import { StepcraftStateMachine } from '@stepcraft/cdk';
import {
  App,
  aws_apigateway as apigateway,
  aws_dynamodb as dynamodb,
  aws_lambda as lambda,
  Stack,
  aws_sns as sns,
  aws_sqs as sqs,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EXAMPLES, type ExampleName } from '../catalog.js';

/** A stand-in Lambda function (the examples' handlers run locally; a real app deploys its own code here). */
function fn(scope: Construct, id: string): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async (event) => event;'),
  });
}

/** A stand-in approvals API: `POST /approvals` on stage `prod`, backed by a function that files the request. */
function approvalsApi(scope: Construct): apigateway.RestApi {
  const api = new apigateway.RestApi(scope, 'ApprovalsApi', { deployOptions: { stageName: 'prod' } });
  api.root
    .addResource('approvals')
    .addMethod('POST', new apigateway.LambdaIntegration(fn(scope, 'FileApproval')), {
      authorizationType: apigateway.AuthorizationType.IAM,
    });
  return api;
}

/** One example's stack and its state machine. */
export interface ExampleStack {
  readonly stack: Stack;
  readonly machine: StepcraftStateMachine;
}

/** Builds one stack per example, each workflow deployed with its resources bound. */
export function examplesApp(app: App = new App()): {
  readonly app: App;
  readonly stacks: Readonly<Record<ExampleName, ExampleStack>>;
} {
  const stack = (name: string, build: (scope: Stack) => StepcraftStateMachine): ExampleStack => {
    const s = new Stack(app, name);
    return { stack: s, machine: build(s) };
  };
  // Typed by the catalog: a new example does not compile here until it is deployed.
  const stacks: Record<ExampleName, ExampleStack> = {
    'order-processing': stack(
      'OrderProcessing',
      (s) =>
        new StepcraftStateMachine(s, 'OrderProcessing', {
          workflow: EXAMPLES['order-processing'],
          bindings: {
            ReceiveOrderFunction: fn(s, 'ReceiveOrder'),
            ProcessPaymentFunction: fn(s, 'ProcessPayment'),
            CheckInventoryFunction: fn(s, 'CheckInventory'),
            FormatAlertFunction: fn(s, 'FormatAlert'),
            OrderAlertsTopic: new sns.Topic(s, 'OrderAlerts'),
          },
        }),
    ),
    'etl-pipeline': stack(
      'EtlPipeline',
      (s) =>
        new StepcraftStateMachine(s, 'EtlPipeline', {
          workflow: EXAMPLES['etl-pipeline'],
          bindings: {
            TransformRecordFunction: fn(s, 'TransformRecord'),
            AggregateFunction: fn(s, 'Aggregate'),
          },
        }),
    ),
    'human-approval': stack(
      'HumanApproval',
      (s) =>
        new StepcraftStateMachine(s, 'HumanApproval', {
          workflow: EXAMPLES['human-approval'],
          bindings: {
            ApprovalQueue: new sqs.Queue(s, 'Approvals'),
            PayFunction: fn(s, 'Pay'),
            NotifyRejectedFunction: fn(s, 'NotifyRejected'),
            EscalateFunction: fn(s, 'Escalate'),
          },
        }),
    ),
    'api-approval': stack(
      'ApiApproval',
      (s) =>
        new StepcraftStateMachine(s, 'ApiApproval', {
          workflow: EXAMPLES['api-approval'],
          bindings: {
            ApprovalsApi: approvalsApi(s),
            PayFunction: fn(s, 'Pay'),
            NotifyRejectedFunction: fn(s, 'NotifyRejected'),
            EscalateFunction: fn(s, 'Escalate'),
          },
        }),
    ),
    'ml-inference': stack(
      'MlInference',
      (s) =>
        new StepcraftStateMachine(s, 'MlInference', {
          workflow: EXAMPLES['ml-inference'],
          bindings: {
            PreprocessFunction: fn(s, 'Preprocess'),
            ModelAFunction: fn(s, 'ModelA'),
            ModelBFunction: fn(s, 'ModelB'),
            PickBestFunction: fn(s, 'PickBest'),
            PredictionsTable: new dynamodb.TableV2(s, 'Predictions', {
              partitionKey: { name: 'requestId', type: dynamodb.AttributeType.STRING },
            }),
          },
        }),
    ),
    'order-total': stack(
      'OrderTotal',
      (s) =>
        new StepcraftStateMachine(s, 'OrderTotal', {
          workflow: EXAMPLES['order-total'],
          bindings: {
            LoadPricingFunction: fn(s, 'LoadPricing'),
            PriceLineFunction: fn(s, 'PriceLine'),
            AddLineFunction: fn(s, 'AddLine'),
          },
        }),
    ),
    'retry-backoff': stack(
      'RetryBackoff',
      (s) =>
        new StepcraftStateMachine(s, 'RetryBackoff', {
          workflow: EXAMPLES['retry-backoff'],
          // Express: logged to CloudWatch Logs by default.
          type: 'EXPRESS',
          bindings: { FlakyServiceFunction: fn(s, 'FlakyService') },
        }),
    ),
    // These four name their resources by ARN or name in the workflow itself: no placeholders to bind.
    'event-driven': stack(
      'EventDriven',
      (s) =>
        new StepcraftStateMachine(s, 'EventDriven', { workflow: EXAMPLES['event-driven'], bindings: {} }),
    ),
    'glue-etl': stack(
      'GlueEtl',
      (s) => new StepcraftStateMachine(s, 'GlueEtl', { workflow: EXAMPLES['glue-etl'], bindings: {} }),
    ),
    'ml-pipeline': stack(
      'MlPipeline',
      (s) => new StepcraftStateMachine(s, 'MlPipeline', { workflow: EXAMPLES['ml-pipeline'], bindings: {} }),
    ),
    'nested-workflows': stack(
      'NestedWorkflows',
      (s) =>
        new StepcraftStateMachine(s, 'NestedWorkflows', {
          workflow: EXAMPLES['nested-workflows'],
          bindings: {},
        }),
    ),
  };
  return { app, stacks };
}
