// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are CloudFormation Fn::Sub templates
import {
  ACCOUNT,
  type ArnTemplate,
  arn,
  escapeSub,
  type IdentifierValue,
  PARTITION,
  REGION,
  stackArn,
  valueText,
} from './arn.js';

/**
 * What a resource field names, and how its ARN follows from the value the definition holds. A placeholder's value
 * is what `stands` says (e.g. a Lambda function's ARN), so bindings, template parameters and policies agree.
 */
export interface ResourceKindSpec {
  /** "Lambda function". */
  readonly title: string;
  /** What a placeholder of this kind is substituted with ("ARN", "URL", "name"). */
  readonly stands: string;
  /** The resource's ARN for a literal value or a placeholder's value. */
  arn(value: IdentifierValue): ArnTemplate;
  /** Every resource of the kind in the stack's account and region (for values computed at run time). */
  readonly wildcard: ArnTemplate;
}

// Values that may be a name or an ARN (`FunctionName`, `TableName`, `EventBusName`, …): a placeholder stands for
// the ARN, a literal is taken as written when it is an ARN and as a name otherwise.
function nameOrArn(service: string, prefix: string): (value: IdentifierValue) => ArnTemplate {
  return (value) =>
    'literal' in value && !value.literal.startsWith('arn:')
      ? arn(stackArn(service, `${prefix}${escapeSub(value.literal)}`))
      : arn(valueText(value));
}

// Kinds whose placeholder and literal values are already the ARN (a topic, a state machine, a connection…).
const arnValued = (title: string, wildcard: string): ResourceKindSpec => ({
  title,
  stands: 'ARN',
  arn: (value) => arn(valueText(value)),
  wildcard: arn(wildcard),
});

const isArn = (value: IdentifierValue): boolean => 'placeholder' in value || value.literal.startsWith('arn:');

/** Every kind of resource a Task can name, keyed by kind. */
export const RESOURCE_KINDS = Object.freeze({
  'lambda-function': {
    title: 'Lambda function',
    stands: 'ARN',
    // FunctionName takes a name, a partial ARN (`123456789012:function:name`) or a full ARN, each maybe qualified.
    arn: (value) => {
      if (isArn(value)) return arn(valueText(value));
      const text = (value as { literal: string }).literal;
      return /^\d{12}:function:/.test(text)
        ? arn(`arn:${PARTITION}:lambda:${REGION}:${escapeSub(text)}`)
        : arn(stackArn('lambda', `function:${escapeSub(text)}`));
    },
    wildcard: arn(stackArn('lambda', 'function:*')),
  },
  // A Task whose Resource is a placeholder: a Lambda function's ARN or an activity's (the ASL cannot tell which).
  'task-resource': arnValued('Lambda function or activity', stackArn('lambda', 'function:*')),
  'sqs-queue': {
    title: 'SQS queue',
    stands: 'URL',
    // https://sqs.<region>.amazonaws.com/<account>/<name> (or the legacy https://<region>.queue.amazonaws.com/…).
    arn: (value) => {
      if ('placeholder' in value) {
        // https://sqs.<region>.amazonaws.com/<account>/<name>, the form CDK and the SQS API return.
        const part = (index: number) => ({ placeholder: value.placeholder, separator: '/', index });
        return {
          template: stackArn('sqs', '${Name}', '${Region}', '${Account}'),
          parts: {
            Region: { ...part(2), within: { separator: '.', index: 1 } },
            Account: part(3),
            Name: part(4),
          },
        };
      }
      const match = /^https?:\/\/([^/]+)\/(\d{12})\/([^/]+)$/.exec(value.literal);
      if (match === null) return arn(stackArn('sqs', escapeSub(value.literal)));
      const host = (match[1] as string).split('.');
      const region = host[0] === 'sqs' ? host[1] : host[1] === 'queue' ? host[0] : undefined;
      return arn(stackArn('sqs', escapeSub(match[3] as string), region ?? REGION, match[2] as string));
    },
    wildcard: arn(stackArn('sqs', '*')),
  },
  'sns-topic': arnValued('SNS topic', stackArn('sns', '*')),
  'dynamodb-table': {
    title: 'DynamoDB table',
    stands: 'name',
    arn: (value) =>
      'literal' in value && value.literal.startsWith('arn:')
        ? arn(valueText(value))
        : arn(stackArn('dynamodb', `table/${valueText(value)}`)),
    wildcard: arn(stackArn('dynamodb', 'table/*')),
  },
  'state-machine': arnValued('Step Functions state machine', stackArn('states', 'stateMachine:*')),
  'state-machine-executions': {
    title: 'executions of a Step Functions state machine',
    stands: 'ARN',
    // arn:<partition>:states:<region>:<account>:stateMachine:<name> → …:execution:<name>:*
    arn: (value) => {
      if ('placeholder' in value) {
        return {
          template: stackArn('states', 'execution:${Name}:*'),
          parts: { Name: { placeholder: value.placeholder, separator: ':', index: 6 } },
        };
      }
      const fields = value.literal.split(':');
      return fields.length >= 7 && fields[5] === 'stateMachine'
        ? arn(escapeSub([...fields.slice(0, 5), 'execution', fields[6], '*'].join(':')))
        : arn(stackArn('states', `execution:${escapeSub(value.literal)}:*`));
    },
    wildcard: arn(stackArn('states', 'execution:*')),
  },
  'ecs-cluster': {
    title: 'ECS cluster',
    stands: 'ARN',
    arn: nameOrArn('ecs', 'cluster/'),
    wildcard: arn(stackArn('ecs', 'cluster/*')),
  },
  'ecs-task-definition': {
    title: 'ECS task definition',
    stands: 'ARN',
    // A family without a revision runs its latest active revision: allow every revision of that family.
    arn: (value) => {
      if ('placeholder' in value) return arn(valueText(value));
      const text = value.literal.startsWith('arn:') ? value.literal : `task-definition/${value.literal}`;
      const revised = /:\d+$/.test(text) ? text : `${text}:*`;
      return arn(value.literal.startsWith('arn:') ? escapeSub(revised) : stackArn('ecs', escapeSub(revised)));
    },
    wildcard: arn(stackArn('ecs', 'task-definition/*')),
  },
  'ecs-task-roles': {
    title: 'roles of an ECS task definition',
    stands: 'ARN',
    // A task definition's ARN does not say its roles: only a bound TaskDefinition construct does.
    arn: () => arn(`arn:${PARTITION}:iam::${ACCOUNT}:role/*`),
    wildcard: arn(`arn:${PARTITION}:iam::${ACCOUNT}:role/*`),
  },
  'glue-job': {
    title: 'Glue job',
    stands: 'name',
    arn: (value) => arn(stackArn('glue', `job/${valueText(value)}`)),
    wildcard: arn(stackArn('glue', 'job/*')),
  },
  'iam-role': {
    title: 'IAM role',
    stands: 'ARN',
    arn: (value) =>
      'literal' in value && !value.literal.startsWith('arn:')
        ? arn(`arn:${PARTITION}:iam::${ACCOUNT}:role/${escapeSub(value.literal)}`)
        : arn(valueText(value)),
    wildcard: arn(`arn:${PARTITION}:iam::${ACCOUNT}:role/*`),
  },
  'sagemaker-training-job': {
    title: 'SageMaker training job',
    stands: 'name',
    // AWS's template allows the name as a prefix (`training-job/<name>*`).
    arn: (value) => arn(stackArn('sagemaker', `training-job/${valueText(value)}*`)),
    wildcard: arn(stackArn('sagemaker', 'training-job/*')),
  },
  'sagemaker-transform-job': {
    title: 'SageMaker transform job',
    stands: 'name',
    arn: (value) => arn(stackArn('sagemaker', `transform-job/${valueText(value)}*`)),
    wildcard: arn(stackArn('sagemaker', 'transform-job/*')),
  },
  'sagemaker-model': {
    title: 'SageMaker model',
    stands: 'name',
    // The name as a prefix (`model/<name>*`), lower-cased as SageMaker writes it in the model's ARN (as CDK grants).
    arn: (value) =>
      arn(
        stackArn(
          'sagemaker',
          `model/${'literal' in value ? escapeSub(value.literal.toLowerCase()) : valueText(value)}*`,
        ),
      ),
    wildcard: arn(stackArn('sagemaker', 'model/*')),
  },
  'sagemaker-endpoint': {
    title: 'SageMaker endpoint',
    stands: 'name',
    arn: (value) => arn(stackArn('sagemaker', `endpoint/${valueText(value)}`)),
    wildcard: arn(stackArn('sagemaker', 'endpoint/*')),
  },
  'event-bus': {
    title: 'EventBridge event bus',
    stands: 'ARN',
    arn: nameOrArn('events', 'event-bus/'),
    wildcard: arn(stackArn('events', 'event-bus/*')),
  },
  'batch-job-queue': {
    title: 'Batch job queue',
    stands: 'ARN',
    arn: nameOrArn('batch', 'job-queue/'),
    wildcard: arn(stackArn('batch', 'job-queue/*')),
  },
  'batch-job-definition': {
    title: 'Batch job definition',
    stands: 'ARN',
    // A name without a revision uses the latest one: allow every revision.
    arn: (value) =>
      'literal' in value && !value.literal.startsWith('arn:')
        ? arn(
            stackArn(
              'batch',
              `job-definition/${escapeSub(value.literal)}${/:\d+$/.test(value.literal) ? '' : ':*'}`,
            ),
          )
        : arn(valueText(value)),
    wildcard: arn(stackArn('batch', 'job-definition/*')),
  },
  'api-gateway-endpoint': {
    title: 'API Gateway endpoint',
    stands: 'host name (<api-id>.execute-api.<region>.amazonaws.com)',
    // The API's ARN for execute-api; the caller appends /<stage>/<METHOD>/<path>.
    arn: (value) => {
      if ('placeholder' in value) {
        return {
          template: stackArn('execute-api', '${ApiId}'),
          parts: { ApiId: { placeholder: value.placeholder, separator: '.', index: 0 } },
        };
      }
      const [apiId, , region] = value.literal.split('.');
      return arn(stackArn('execute-api', escapeSub(apiId ?? '*'), region ? escapeSub(region) : REGION));
    },
    wildcard: arn(stackArn('execute-api', '*')),
  },
  'events-connection': arnValued('EventBridge connection', stackArn('events', 'connection/*')),
  's3-bucket': {
    title: 'S3 bucket',
    stands: 'name',
    arn: (value) => arn(`arn:${PARTITION}:s3:::${valueText(value)}`),
    wildcard: arn(`arn:${PARTITION}:s3:::*`),
  },
  activity: arnValued('Step Functions activity', stackArn('states', 'activity:*')),
} satisfies Record<string, ResourceKindSpec>);

/** The kinds of resource a Task can name. */
export type ResourceKind = keyof typeof RESOURCE_KINDS;
