// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are CloudFormation Fn::Sub templates
import type { JsonValue } from '@stepcraft/asl';
import { stackArn } from './arn.js';
import { type Identifier, identifierOf } from './identifier.js';
import type { ResourceKind } from './resource-kinds.js';
import { ANY, allow, fixed, named, type PolicyResource, type PolicyStatement } from './statement.js';

/** How Step Functions waits for the service: `.sync` and `.sync:2` run a job, `.waitForTaskToken` a callback. */
export type CallPattern = 'request-response' | 'sync' | 'callback';

/** Where a resource field sits in the request (`*` steps into array items) and what it names. */
export interface FieldSpec {
  readonly path: readonly string[];
  readonly kind: ResourceKind;
}

/** One Task call as a policy row sees it: its pattern, request, and the identifiers found in its fields. */
export interface TaskCall {
  readonly pattern: CallPattern;
  readonly request: JsonValue | undefined;
  /** The identifiers of each field the row declares (empty when the field is absent). */
  readonly fields: Readonly<Record<string, readonly Identifier[]>>;
}

/** What an integration needs: its resource fields, and the statements a call needs. */
export interface IntegrationRow {
  readonly fields: Readonly<Record<string, FieldSpec>>;
  statements(call: TaskCall): readonly PolicyStatement[];
}

const field = (kind: ResourceKind, ...path: string[]): FieldSpec => ({ path, kind });
const all = (kind: ResourceKind, ids: readonly Identifier[], suffix?: string): PolicyResource[] =>
  ids.map((id) => named(kind, id, suffix));
/** The resources a field names, or every resource when the request does not name one. */
const orAny = (resources: PolicyResource[]): PolicyResource[] => (resources.length > 0 ? resources : [ANY]);
/** The EventBridge managed rule Step Functions creates to learn that a `.sync` job ended. */
const managedRule = (name: string): PolicyStatement =>
  allow(
    ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
    [fixed(stackArn('events', `rule/${name}`))],
  );
/** `.sync` only: describe/stop a job whose ID is unknown before it starts (`*`), and the managed rule. */
const runJob = (call: TaskCall, actions: readonly string[], rule: string): PolicyStatement[] =>
  call.pattern === 'sync' ? [allow(actions, [ANY]), managedRule(rule)] : [];
const ids = (call: TaskCall, name: string): readonly Identifier[] => call.fields[name] ?? [];
const hasKey = (request: JsonValue | undefined, key: string): boolean =>
  typeof request === 'object' &&
  request !== null &&
  !Array.isArray(request) &&
  (Object.hasOwn(request, key) || Object.hasOwn(request, `${key}.$`));
/** A literal string field of the request, if it has one. */
const literalOf = (request: JsonValue | undefined, key: string): string | undefined => {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return undefined;
  const value = request[key];
  if (typeof value !== 'string') return undefined;
  const id = identifierOf(value);
  return id.kind === 'literal' ? id.value : undefined;
};

const dynamodb = (action: string): IntegrationRow => ({
  fields: { table: field('dynamodb-table', 'TableName') },
  statements: (call) => [allow([`dynamodb:${action}`], all('dynamodb-table', ids(call, 'table')))],
});

/**
 * The optimized integrations, keyed by `<service>:<api>` of `arn:aws:states:::<service>:<api>[.sync|…]`: one row
 * each, from AWS's "IAM policies for integrated services" pages.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html
 */
export const OPTIMIZED_INTEGRATIONS: Readonly<Record<string, IntegrationRow>> = Object.freeze({
  'lambda:invoke': {
    fields: { function: field('lambda-function', 'FunctionName') },
    // The function and its versions/aliases (`:*`), so a qualified FunctionName is allowed too.
    statements: (call) => [
      allow(
        ['lambda:InvokeFunction'],
        ids(call, 'function').flatMap((id) => [
          named('lambda-function', id),
          named('lambda-function', id, ':*'),
        ]),
      ),
    ],
  },
  'sqs:sendMessage': {
    fields: { queue: field('sqs-queue', 'QueueUrl') },
    statements: (call) => [allow(['sqs:SendMessage'], all('sqs-queue', ids(call, 'queue')))],
  },
  'sns:publish': {
    // Without TopicArn the message goes to a phone number or TargetArn: no topic to scope to.
    fields: { topic: field('sns-topic', 'TopicArn') },
    statements: (call) => [allow(['sns:Publish'], orAny(all('sns-topic', ids(call, 'topic'))))],
  },
  'dynamodb:getItem': dynamodb('GetItem'),
  'dynamodb:putItem': dynamodb('PutItem'),
  'dynamodb:updateItem': dynamodb('UpdateItem'),
  'dynamodb:deleteItem': dynamodb('DeleteItem'),
  'states:startExecution': {
    fields: { machine: field('state-machine', 'StateMachineArn') },
    statements: (call) => [
      allow(['states:StartExecution'], all('state-machine', ids(call, 'machine'))),
      ...(call.pattern === 'sync'
        ? [
            allow(
              ['states:DescribeExecution', 'states:StopExecution'],
              all('state-machine-executions', ids(call, 'machine')),
            ),
            managedRule('StepFunctionsGetEventsForStepFunctionsExecutionRule'),
          ]
        : []),
    ],
  },
  'ecs:runTask': {
    fields: { taskDefinition: field('ecs-task-definition', 'TaskDefinition') },
    statements: (call) => [
      allow(['ecs:RunTask'], all('ecs-task-definition', ids(call, 'taskDefinition'))),
      // The task's roles are not in the definition: a binding names them; otherwise any role ECS tasks may take.
      allow(['iam:PassRole'], all('ecs-task-roles', ids(call, 'taskDefinition')), {
        StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
      }),
      ...runJob(call, ['ecs:StopTask', 'ecs:DescribeTasks'], 'StepFunctionsGetEventsForECSTaskRule'),
    ],
  },
  'glue:startJobRun': {
    fields: { job: field('glue-job', 'JobName') },
    statements: (call) => [
      allow(
        call.pattern === 'sync'
          ? ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun']
          : ['glue:StartJobRun'],
        all('glue-job', ids(call, 'job')),
      ),
    ],
  },
  'sagemaker:createTrainingJob': {
    fields: {
      job: field('sagemaker-training-job', 'TrainingJobName'),
      role: field('iam-role', 'RoleArn'),
    },
    statements: (call) => sagemakerJob(call, 'TrainingJob', 'sagemaker-training-job', 'TrainingJobs'),
  },
  'sagemaker:createTransformJob': {
    fields: { job: field('sagemaker-transform-job', 'TransformJobName') },
    statements: (call) => sagemakerJob(call, 'TransformJob', 'sagemaker-transform-job', 'TransformJobs'),
  },
  'sagemaker:createModel': {
    fields: {
      model: field('sagemaker-model', 'ModelName'),
      role: field('iam-role', 'ExecutionRoleArn'),
    },
    // Request-response only: no job to wait for, so no Describe/Stop and no managed rule.
    statements: (call) => {
      const models = orAny(all('sagemaker-model', ids(call, 'model')));
      return [allow(['sagemaker:CreateModel'], models), ...sagemakerCommon(call, models)];
    },
  },
  'batch:submitJob': {
    fields: {
      queue: field('batch-job-queue', 'JobQueue'),
      definition: field('batch-job-definition', 'JobDefinition'),
    },
    statements: (call) => [
      allow(
        ['batch:SubmitJob'],
        [
          ...all('batch-job-definition', ids(call, 'definition')),
          ...all('batch-job-queue', ids(call, 'queue')),
        ],
      ),
      ...runJob(call, ['batch:DescribeJobs', 'batch:TerminateJob'], 'StepFunctionsGetEventsForBatchJobsRule'),
    ],
  },
  'apigateway:invoke': {
    fields: { endpoint: field('api-gateway-endpoint', 'ApiEndpoint') },
    // …/<stage>/<METHOD>/<path>: each literal part narrows the grant, a computed one is `*`.
    statements: (call) => {
      const stage = literalOf(call.request, 'Stage') ?? '*';
      const method = literalOf(call.request, 'Method') ?? '*';
      const path = literalOf(call.request, 'Path');
      const suffix = `/${stage}/${method}/${path === undefined ? '*' : path.replace(/^\//, '')}`;
      return [allow(['execute-api:Invoke'], all('api-gateway-endpoint', ids(call, 'endpoint'), suffix))];
    },
  },
  'events:putEvents': {
    fields: { bus: field('event-bus', 'Entries', '*', 'EventBusName') },
    statements: (call) => {
      const buses = all('event-bus', ids(call, 'bus'));
      // An entry without EventBusName goes to the account's default bus.
      const entries = (call.request as { Entries?: unknown } | undefined)?.Entries;
      const unnamed = Array.isArray(entries) && entries.some((e) => !hasKey(e as JsonValue, 'EventBusName'));
      const defaultBus =
        unnamed || buses.length === 0 ? [fixed(stackArn('events', 'event-bus/default'))] : [];
      return [allow(['events:PutEvents'], [...buses, ...defaultBus])];
    },
  },
  'http:invoke': {
    fields: { connection: field('events-connection', 'Authentication', 'ConnectionArn') },
    statements: (call) => {
      const endpoint = literalOf(call.request, 'ApiEndpoint');
      const method = literalOf(call.request, 'Method');
      return [
        allow(['events:RetrieveConnectionCredentials'], all('events-connection', ids(call, 'connection'))),
        allow(
          ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          [fixed('arn:${AWS::Partition}:secretsmanager:*:*:secret:events!connection/*')],
        ),
        allow(['states:InvokeHTTPEndpoint'], [{ kind: 'self', form: 'state-machine' }], {
          ...(method === undefined ? {} : { StringEquals: { 'states:HTTPMethod': method } }),
          ...(endpoint === undefined ? {} : { StringLike: { 'states:HTTPEndpoint': `${endpoint}*` } }),
        }),
      ];
    },
  },
});

function sagemakerJob(
  call: TaskCall,
  job: 'TrainingJob' | 'TransformJob',
  kind: ResourceKind,
  rule: string,
): PolicyStatement[] {
  const jobs = orAny(all(kind, ids(call, 'job')));
  return [
    allow(
      call.pattern === 'sync'
        ? [`sagemaker:Create${job}`, `sagemaker:Describe${job}`, `sagemaker:Stop${job}`]
        : [`sagemaker:Create${job}`],
      jobs,
    ),
    ...sagemakerCommon(call, jobs),
    ...(call.pattern === 'sync' ? [managedRule(`StepFunctionsGetEventsForSageMaker${rule}Rule`)] : []),
  ];
}

/** What every SageMaker create call needs besides its action: ListTags, AddTags when tagging, and PassRole. */
function sagemakerCommon(call: TaskCall, created: PolicyResource[]): PolicyStatement[] {
  const roles = all('iam-role', ids(call, 'role'));
  return [
    allow(['sagemaker:ListTags'], [ANY]),
    // Tagging the resource at creation needs AddTags on it.
    ...(hasKey(call.request, 'Tags') ? [allow(['sagemaker:AddTags'], created)] : []),
    ...(roles.length > 0
      ? [
          allow(['iam:PassRole'], roles, {
            StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' },
          }),
        ]
      : []),
  ];
}

/** IAM's service prefix where it differs from the SDK's service name in `aws-sdk:<service>:<action>`. */
export const IAM_SERVICE_PREFIX: Readonly<Record<string, string>> = Object.freeze({
  sfn: 'states',
  cloudwatchlogs: 'logs',
  efs: 'elasticfilesystem',
  elasticloadbalancingv2: 'elasticloadbalancing',
  mediapackagevod: 'mediapackage-vod',
  mwaa: 'airflow',
  bedrockagent: 'bedrock',
  bedrockruntime: 'bedrock',
  sagemakerruntime: 'sagemaker',
  dynamodbstreams: 'dynamodb',
  s3control: 's3',
});

/**
 * The resource fields of AWS SDK integrations whose resources are known, keyed by SDK service: the request field
 * and what it names. Other services get their action on `*`, as AWS's console does, with a warning.
 */
export const AWS_SDK_RESOURCES: Readonly<Record<string, Readonly<Record<string, FieldSpec>>>> = Object.freeze(
  {
    dynamodb: { table: field('dynamodb-table', 'TableName') },
    sqs: { queue: field('sqs-queue', 'QueueUrl') },
    sns: { topic: field('sns-topic', 'TopicArn') },
    lambda: { function: field('lambda-function', 'FunctionName') },
    sfn: { machine: field('state-machine', 'StateMachineArn') },
    sagemakerruntime: { endpoint: field('sagemaker-endpoint', 'EndpointName') },
    s3: { bucket: field('s3-bucket', 'Bucket') },
  },
);

// S3 actions on objects (`arn:…:s3:::bucket/key`) rather than on the bucket; IAM's action where it differs.
const S3_OBJECT_ACTIONS = new Set(['GetObject', 'PutObject', 'DeleteObject', 'HeadObject', 'CopyObject']);
const IAM_ACTION: Readonly<Record<string, string>> = Object.freeze({
  's3:ListObjectsV2': 's3:ListBucket',
  's3:HeadObject': 's3:GetObject',
  's3:HeadBucket': 's3:ListBucket',
});

/** The statements of `aws-sdk:<service>:<action>`. */
export function awsSdkStatements(service: string, action: string, call: TaskCall): PolicyStatement[] {
  const api = action.charAt(0).toUpperCase() + action.slice(1);
  const prefixed = `${own(IAM_SERVICE_PREFIX, service) ?? service}:${api}`;
  const iamAction = own(IAM_ACTION, prefixed) ?? prefixed;
  const specs = awsSdkFields(service);
  const resources = Object.entries(specs).flatMap(([name, spec]) => {
    const found = call.fields[name] ?? [];
    if (spec.kind === 's3-bucket' && S3_OBJECT_ACTIONS.has(api)) {
      const key = literalOf(call.request, 'Key');
      return all(spec.kind, found, `/${key ?? '*'}`);
    }
    // A query or scan of an index needs the index's ARN.
    if (spec.kind === 'dynamodb-table' && hasKey(call.request, 'IndexName')) {
      return found.flatMap((id) => [named(spec.kind, id), named(spec.kind, id, '/index/*')]);
    }
    return all(spec.kind, found);
  });
  return [allow([iamAction], orAny(resources))];
}

/** The fields `aws-sdk:<service>:…` declares. */
export function awsSdkFields(service: string): Readonly<Record<string, FieldSpec>> {
  return own(AWS_SDK_RESOURCES, service) ?? {};
}

/** `table[key]` when it is the table's own entry: a service named `constructor` is not Object's. */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
