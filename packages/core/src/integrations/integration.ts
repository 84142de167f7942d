import type { JsonValue } from '@stepcraft/asl';
import {
  createLiteralNode,
  createObjectTemplateNode,
  createReferenceNode,
  type TemplateNode,
} from '../ir/template-node.js';

/** How Step Functions waits for a service: plain call, run-a-job (`.sync`) or callback (`.waitForTaskToken`). */
export type IntegrationPattern = 'request-response' | 'sync' | 'callback';

/**
 * A task resource: its ARN, how the user's payload becomes the service's `Parameters`, and (in types) what the
 * handler receives and what the task returns.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html
 */
export interface Integration<
  TKind extends IntegrationKind = IntegrationKind,
  TPattern extends IntegrationPattern = IntegrationPattern,
  // `string` when unknown (a constraint); helpers that hold no placeholder say `never`.
  TResources extends string = string,
> {
  /** Types only: the placeholders this integration's resource fields hold (`ResourceTag`s). */
  readonly '~resources'?: TResources;
  readonly kind: TKind;
  readonly pattern: TPattern;
  readonly resource: string;
  /** Wraps the payload template (`undefined` = the effective input, `$`) into the resource's Parameters. */
  readonly parameters: (payload: TemplateNode | undefined) => TemplateNode | undefined;
  /**
   * The callback pattern: the task pauses until `SendTaskSuccess`/`SendTaskFailure` with its token; its result is
   * what the callback sends (typed by the task's `output` schema). Put `context.Task.Token` in the payload.
   */
  waitForTaskToken(): Integration<TKind, 'callback', TResources>;
}

/** The placeholders (`ResourceTag`s) an integration's resource fields hold. */
export type ResourcesOfIntegration<TIntegration extends Integration> = Exclude<
  TIntegration['~resources'],
  undefined
>;

/** Lambda's Invoke response, as `arn:aws:states:::lambda:invoke` returns it. */
export interface LambdaInvokeResult<TPayload> {
  readonly ExecutedVersion: string;
  readonly Payload: TPayload;
  readonly SdkHttpMetadata: {
    readonly AllHttpHeaders?: Record<string, string[]>;
    readonly HttpHeaders: Record<string, string>;
    readonly HttpStatusCode: number;
  };
  readonly SdkResponseMetadata: { readonly RequestId: string };
  readonly StatusCode: number;
}

/** SQS SendMessage response. */
export interface SqsSendMessageResult {
  readonly MD5OfMessageBody: string;
  readonly MessageId: string;
  readonly SequenceNumber?: string;
}

/** SNS Publish response. */
export interface SnsPublishResult {
  readonly MessageId: string;
  readonly SequenceNumber?: string;
}

/** A DynamoDB attribute value (`{"S": "x"}`, `{"N": "1"}`, …). */
export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly M: Readonly<Record<string, AttributeValue>> }
  | { readonly L: readonly AttributeValue[] }
  | { readonly SS: readonly string[] }
  | { readonly NS: readonly string[] };

/** DynamoDB GetItem response. */
export interface DynamoDbGetItemResult {
  readonly Item?: Readonly<Record<string, AttributeValue>>;
}

/** DynamoDB PutItem / UpdateItem response. */
export interface DynamoDbWriteResult {
  readonly Attributes?: Readonly<Record<string, AttributeValue>>;
}

/**
 * Per integration kind: what the handler receives given the payload type `P`, and what a request-response call
 * returns given the declared result `R`. A lookup table instead of higher-kinded types.
 */
export interface IntegrationTypes<P, R> {
  'lambda-invoke': { taskInput: P; result: LambdaInvokeResult<R> };
  'lambda-function': { taskInput: P; result: R };
  'sqs-send-message': { taskInput: { QueueUrl: string; MessageBody: P }; result: SqsSendMessageResult };
  'sns-publish': { taskInput: { TopicArn: string; Message: P }; result: SnsPublishResult };
  'dynamodb-get-item': { taskInput: { TableName: string; Key: P }; result: DynamoDbGetItemResult };
  'dynamodb-put-item': { taskInput: { TableName: string; Item: P }; result: DynamoDbWriteResult };
  'dynamodb-update-item': { taskInput: { TableName: string } & P; result: DynamoDbWriteResult };
  'aws-sdk': { taskInput: P; result: R };
  activity: { taskInput: P; result: R };
  resource: { taskInput: P; result: R };
}

/** The integration kinds. */
export type IntegrationKind = keyof IntegrationTypes<unknown, unknown>;

/** What the handler of a task on `TIntegration` receives, for payload `P`. */
export type TaskInputOf<TIntegration extends Integration, P> = IntegrationTypes<
  P,
  unknown
>[TIntegration['kind']]['taskInput'];

/** What a task on `TIntegration` returns (before ResultSelector) when its declared result is `R`. */
export type TaskResultOf<
  TIntegration extends Integration,
  R,
> = TIntegration['pattern'] extends 'request-response'
  ? IntegrationTypes<unknown, R>[TIntegration['kind']]['result']
  : R;

/** Builds an integration value. */
export function createIntegration<TKind extends IntegrationKind, TPattern extends IntegrationPattern>(
  kind: TKind,
  pattern: TPattern,
  resource: string,
  parameters: (payload: TemplateNode | undefined) => TemplateNode | undefined,
): Integration<TKind, TPattern, never> {
  const base = resource.replace(/\.(sync(:2)?|waitForTaskToken)$/, '');
  return Object.freeze({
    kind,
    pattern,
    resource,
    parameters,
    waitForTaskToken: () => createIntegration(kind, 'callback', `${base}.waitForTaskToken`, parameters),
  });
}

/** The Parameters object `{ ...fixed, [payloadKey]: payload ?? $ }` most integrations build. */
export function wrapPayload(
  fixed: Readonly<Record<string, JsonValue>>,
  payloadKey: string,
): (payload: TemplateNode | undefined) => TemplateNode {
  return (payload) =>
    createObjectTemplateNode([
      ...Object.entries(fixed).map(([key, value]) => ({ key, value: createLiteralNode(value) })),
      { key: payloadKey, value: payload ?? createReferenceNode({ root: { kind: 'input' }, segments: [] }) },
    ]);
}
