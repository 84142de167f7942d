import type {
  aws_apigateway,
  aws_batch,
  aws_dynamodb,
  aws_ecs,
  aws_events,
  aws_glue,
  aws_iam,
  aws_lambda,
  aws_s3,
  aws_sns,
  aws_sqs,
  aws_stepfunctions,
} from 'aws-cdk-lib';
import type { PlaceholderUse } from '../deploy/analyze.js';
import type { ResourceKind } from '../deploy/resource-kinds.js';

/** The construct (or string) a placeholder of each kind is bound to. */
export interface BindingTypes {
  'lambda-function': aws_lambda.IFunction;
  'task-resource': aws_lambda.IFunction | aws_stepfunctions.IActivity;
  'sqs-queue': aws_sqs.IQueue;
  'sns-topic': aws_sns.ITopic;
  // What the binding reads: TableV2 and Table both qualify (their optional fields differ under exactOptionalPropertyTypes).
  'dynamodb-table': Pick<aws_dynamodb.ITable, 'tableName' | 'tableArn'>;
  'state-machine': aws_stepfunctions.IStateMachine;
  'state-machine-executions': aws_stepfunctions.IStateMachine;
  'ecs-cluster': aws_ecs.ICluster;
  'ecs-task-definition': aws_ecs.ITaskDefinition;
  'ecs-task-roles': aws_ecs.ITaskDefinition;
  'glue-job': aws_glue.CfnJob | string;
  'iam-role': aws_iam.IRole;
  'sagemaker-training-job': string;
  'sagemaker-transform-job': string;
  'sagemaker-model': string;
  'sagemaker-endpoint': string;
  'event-bus': aws_events.IEventBus;
  'batch-job-queue': aws_batch.IJobQueue;
  'batch-job-definition': aws_batch.IJobDefinition;
  'api-gateway-endpoint': aws_apigateway.IRestApi;
  'events-connection': aws_events.IConnection;
  's3-bucket': aws_s3.IBucket;
  activity: aws_stepfunctions.IActivity;
  /** A placeholder outside a resource field: its text. */
  value: string;
}

/** The placeholders a workflow's type records (`kind:Name` tags), `never` when it records none. */
type ResourcesOfWorkflow<TWorkflow> = TWorkflow extends {
  readonly '~types': { readonly names: { readonly resources: infer $Resources extends string } };
}
  ? $Resources
  : never;

/**
 * The bindings a workflow's type requires: each placeholder its integrations hold, bound to the construct its kind
 * takes (a missing one, or one of the wrong type, is a compile error naming the placeholder).
 * @example RequiredBindings<typeof orderProcessing> // { readonly ReceiveOrderFunction: lambda.IFunction; …; readonly OrderAlertsTopic: sns.ITopic }
 */
export type RequiredBindings<TWorkflow> = {
  readonly [T in ResourcesOfWorkflow<TWorkflow> as T extends `${string}:${infer $Name}`
    ? $Name
    : never]: T extends `${infer $Kind extends keyof BindingTypes}:${string}` ? BindingTypes[$Kind] : never;
};

/**
 * What `bindings` takes for a workflow: the required bindings, plus placeholders outside resource fields (plain
 * values, not in the workflow's type), which are checked when the stack is synthesized.
 */
export type Bindings<TWorkflow> = RequiredBindings<TWorkflow> & Readonly<Record<string, unknown>>;

/** How a bound value fills its placeholder, and the ARNs a construct knows better than a template would. */
interface BindingSpec {
  /** How the type is named in messages. */
  readonly type: string;
  /** Whether `value` is such a construct (by its attributes: instanceof fails across copies of aws-cdk-lib). */
  accepts(value: unknown): boolean;
  /** What `DefinitionSubstitutions` puts in place of the placeholder. */
  substitution(value: never): string;
  /** ARNs of resources the construct names exactly (keyed by the kind a statement asks for). */
  readonly arns?: Partial<Record<ResourceKind, (value: never) => readonly string[]>>;
  /** What only the construct can tell the role needs (its KMS key). */
  readonly grants?: (value: never) => readonly Grant[];
}

/** Actions on resources, for statements only a bound construct reveals. */
export interface Grant {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

const has = (value: unknown, ...keys: string[]): boolean =>
  typeof value === 'object' && value !== null && keys.every((k) => k in value);
const isString = (value: unknown): value is string => typeof value === 'string';

const spec = <T>(
  type: string,
  accepts: (value: unknown) => boolean,
  substitution: (value: T) => string,
  arns?: Partial<Record<ResourceKind, (value: T) => readonly string[]>>,
  grants?: (value: T) => readonly Grant[],
): BindingSpec => ({
  type,
  accepts,
  substitution,
  ...(arns === undefined ? {} : { arns }),
  ...(grants === undefined ? {} : { grants }),
});

const name = (type: string) => spec<string>(type, isString, (value) => value);

/** One row per kind of placeholder: the construct it takes and what it substitutes. */
// A construct recognised by its attributes, substituted by one of them.
function byAttribute<T>(
  type: string,
  attribute: keyof T & string,
  also: readonly string[] = [],
  arns?: Partial<Record<ResourceKind, (value: T) => readonly string[]>>,
  grants?: (value: T) => readonly Grant[],
): BindingSpec {
  return spec<T>(
    type,
    (v) => has(v, attribute, ...also),
    (c) => String(c[attribute]),
    arns,
    grants,
  );
}

const stateMachine = byAttribute<aws_stepfunctions.IStateMachine>(
  'stepfunctions.IStateMachine',
  'stateMachineArn',
);
const taskDefinition = byAttribute<aws_ecs.ITaskDefinition>(
  'ecs.ITaskDefinition',
  'taskDefinitionArn',
  ['taskRole'],
  // The roles the task runs with are what RunTask passes.
  { 'ecs-task-roles': (t) => [t.taskRole.roleArn, ...(t.executionRole ? [t.executionRole.roleArn] : [])] },
);

/** One row per kind of placeholder: the construct it takes and what it substitutes. */
export const BINDINGS: Readonly<Record<ResourceKind | 'value', BindingSpec>> = Object.freeze({
  'lambda-function': byAttribute<aws_lambda.IFunction>('lambda.IFunction', 'functionArn', [
    'functionName',
    'grantInvoke',
  ]),
  // An activity needs no statement: its worker polls.
  'task-resource': spec<aws_lambda.IFunction | aws_stepfunctions.IActivity>(
    'lambda.IFunction or stepfunctions.IActivity',
    (v) => has(v, 'functionArn') || has(v, 'activityArn'),
    (r) => ('functionArn' in r ? r.functionArn : r.activityArn),
    { 'task-resource': (r) => ('functionArn' in r ? [r.functionArn] : []) },
  ),
  'sqs-queue': byAttribute<aws_sqs.IQueue>(
    'sqs.IQueue',
    'queueUrl',
    ['queueArn', 'queueName'],
    { 'sqs-queue': (q) => [q.queueArn] },
    // A queue encrypted with a customer key: sending needs the key too (as CDK's SqsSendMessage grants).
    (q) =>
      q.encryptionMasterKey === undefined
        ? []
        : [{ actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: [q.encryptionMasterKey.keyArn] }],
  ),
  'sns-topic': byAttribute<aws_sns.ITopic>('sns.ITopic', 'topicArn', ['topicName']),
  'dynamodb-table': byAttribute<aws_dynamodb.ITable>('dynamodb.ITable', 'tableName', ['tableArn'], {
    'dynamodb-table': (t) => [t.tableArn],
  }),
  // Derived kinds (a machine's executions, a task definition's roles) bind like the resource they derive from.
  'state-machine': stateMachine,
  'state-machine-executions': stateMachine,
  'ecs-cluster': byAttribute<aws_ecs.ICluster>('ecs.ICluster', 'clusterArn', ['clusterName']),
  'ecs-task-definition': taskDefinition,
  'ecs-task-roles': taskDefinition,
  'glue-job': spec<aws_glue.CfnJob | string>(
    'glue.CfnJob or a job name',
    (v) =>
      isString(v) ||
      (has(v, 'ref', 'cfnResourceType') && (v as aws_glue.CfnJob).cfnResourceType === 'AWS::Glue::Job'),
    (j) => (isString(j) ? j : j.ref),
  ),
  'iam-role': byAttribute<aws_iam.IRole>('iam.IRole', 'roleArn', ['roleName']),
  'sagemaker-training-job': name('a training job name'),
  'sagemaker-transform-job': name('a transform job name'),
  'sagemaker-model': name('a model name'),
  'sagemaker-endpoint': name('an endpoint name'),
  'event-bus': byAttribute<aws_events.IEventBus>('events.IEventBus', 'eventBusArn', ['eventBusName']),
  'batch-job-queue': byAttribute<aws_batch.IJobQueue>('batch.IJobQueue', 'jobQueueArn'),
  'batch-job-definition': byAttribute<aws_batch.IJobDefinition>('batch.IJobDefinition', 'jobDefinitionArn'),
  'api-gateway-endpoint': spec<aws_apigateway.IRestApi>(
    'apigateway.IRestApi',
    (v) => has(v, 'restApiId', 'arnForExecuteApi'),
    (api) => `${api.restApiId}.execute-api.${api.env.region}.amazonaws.com`,
  ),
  'events-connection': byAttribute<aws_events.IConnection>('events.IConnection', 'connectionArn', [
    'connectionSecretArn',
  ]),
  's3-bucket': byAttribute<aws_s3.IBucket>('s3.IBucket', 'bucketName', ['bucketArn'], {
    's3-bucket': (b) => [b.bucketArn],
  }),
  activity: byAttribute<aws_stepfunctions.IActivity>('stepfunctions.IActivity', 'activityArn'),
  value: name('a string'),
});

/** A problem with the bindings given for a definition's placeholders. */
export interface BindingProblem {
  readonly placeholder: string;
  readonly message: string;
}

/** Checks `bindings` against the placeholders: each bound, nothing extra, each of the construct type its field takes. */
export function checkBindings(
  placeholders: readonly PlaceholderUse[],
  bindings: Readonly<Record<string, unknown>>,
): BindingProblem[] {
  const problems: BindingProblem[] = [];
  const used = new Set(placeholders.map((p) => p.name));
  for (const use of placeholders) {
    const where = use.pointers[0] ?? '';
    const row = BINDINGS[use.kind];
    if (!Object.hasOwn(bindings, use.name)) {
      problems.push({
        placeholder: use.name,
        message: `\${${use.name}} (${where}) has no binding: bind it to ${article(row.type)}`,
      });
    } else if (!row.accepts(bindings[use.name])) {
      problems.push({
        placeholder: use.name,
        message: `\${${use.name}} (${where}) must be bound to ${article(row.type)}, got ${describe(bindings[use.name])}`,
      });
    }
  }
  for (const bound of Object.keys(bindings)) {
    if (!used.has(bound)) {
      problems.push({
        placeholder: bound,
        message: `\${${bound}} is bound but the definition has no such placeholder`,
      });
    }
  }
  return problems;
}

const article = (type: string) =>
  /^(a |an )/.test(type) ? type : `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type}`;

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null)
    return typeof value === 'string' ? `the string "${value}"` : String(value);
  // A construct: its CloudFormation type and path (class names are minified in aws-cdk-lib).
  const node = (value as { node?: { path?: unknown; defaultChild?: { cfnResourceType?: unknown } } }).node;
  const type = node?.defaultChild?.cfnResourceType;
  const path = typeof node?.path === 'string' ? ` (${node.path})` : '';
  return typeof type === 'string' ? `an ${type}${path}` : `an object${path}`;
}
