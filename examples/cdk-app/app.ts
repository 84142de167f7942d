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
import { apiApproval } from '../api-approval/workflow.js';
import { etlPipeline } from '../etl-pipeline/workflow.js';
import { humanApproval } from '../human-approval/workflow.js';
import { mlInference } from '../ml-inference/workflow.js';
import { orderProcessing } from '../order-processing/workflow.js';
import { orderTotal } from '../order-total/workflow.js';
import { retryBackoff } from '../retry-backoff/workflow.js';

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
  readonly stacks: Readonly<Record<string, ExampleStack>>;
} {
  const stack = (name: string, build: (scope: Stack) => StepcraftStateMachine): ExampleStack => {
    const s = new Stack(app, name);
    return { stack: s, machine: build(s) };
  };
  const stacks = {
    OrderProcessing: stack(
      'OrderProcessing',
      (s) =>
        new StepcraftStateMachine(s, 'OrderProcessing', {
          workflow: orderProcessing,
          bindings: {
            ReceiveOrderFunction: fn(s, 'ReceiveOrder'),
            ProcessPaymentFunction: fn(s, 'ProcessPayment'),
            CheckInventoryFunction: fn(s, 'CheckInventory'),
            FormatAlertFunction: fn(s, 'FormatAlert'),
            OrderAlertsTopic: new sns.Topic(s, 'OrderAlerts'),
          },
        }),
    ),
    EtlPipeline: stack(
      'EtlPipeline',
      (s) =>
        new StepcraftStateMachine(s, 'EtlPipeline', {
          workflow: etlPipeline,
          bindings: {
            TransformRecordFunction: fn(s, 'TransformRecord'),
            AggregateFunction: fn(s, 'Aggregate'),
          },
        }),
    ),
    HumanApproval: stack(
      'HumanApproval',
      (s) =>
        new StepcraftStateMachine(s, 'HumanApproval', {
          workflow: humanApproval,
          bindings: {
            ApprovalQueue: new sqs.Queue(s, 'Approvals'),
            PayFunction: fn(s, 'Pay'),
            NotifyRejectedFunction: fn(s, 'NotifyRejected'),
            EscalateFunction: fn(s, 'Escalate'),
          },
        }),
    ),
    ApiApproval: stack(
      'ApiApproval',
      (s) =>
        new StepcraftStateMachine(s, 'ApiApproval', {
          workflow: apiApproval,
          bindings: {
            ApprovalsApi: approvalsApi(s),
            PayFunction: fn(s, 'Pay'),
            NotifyRejectedFunction: fn(s, 'NotifyRejected'),
            EscalateFunction: fn(s, 'Escalate'),
          },
        }),
    ),
    MlInference: stack(
      'MlInference',
      (s) =>
        new StepcraftStateMachine(s, 'MlInference', {
          workflow: mlInference,
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
    OrderTotal: stack(
      'OrderTotal',
      (s) =>
        new StepcraftStateMachine(s, 'OrderTotal', {
          workflow: orderTotal,
          bindings: {
            LoadPricingFunction: fn(s, 'LoadPricing'),
            PriceLineFunction: fn(s, 'PriceLine'),
            AddLineFunction: fn(s, 'AddLine'),
          },
        }),
    ),
    RetryBackoff: stack(
      'RetryBackoff',
      (s) =>
        new StepcraftStateMachine(s, 'RetryBackoff', {
          workflow: retryBackoff,
          // Express: logged to CloudWatch Logs by default.
          type: 'EXPRESS',
          bindings: { FlakyServiceFunction: fn(s, 'FlakyService') },
        }),
    ),
  };
  return { app, stacks };
}
