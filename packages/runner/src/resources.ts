/** How a Task `Resource` behaves and how its events are named. @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html */
export interface ResourceInfo {
  /** The `Resource` string this describes. */
  readonly resource: string;
  /** `lambda`: a plain function ARN (LambdaFunction* events, bare result); `activity`: Activity* events. */
  readonly kind: 'lambda' | 'activity' | 'integration';
  /** `token`: `.waitForTaskToken`; `sync`: `.sync` / `.sync:2`. */
  readonly pattern: 'request' | 'sync' | 'token';
  /** `resourceType` / `resource` of Task* events: `lambda` / `invoke`, `aws-sdk:s3` / `getObject`. */
  readonly resourceType: string;
  readonly resourceName: string;
  /** `lambda:invoke` (wraps the result in the Invoke API envelope). */
  readonly lambdaInvoke: boolean;
  /** The function name of a plain Lambda ARN. */
  readonly functionName?: string;
  /** `aws-sdk:<service>:<action>` without the pattern suffix, for handler lookup. */
  readonly sdkKey?: string;
}

const cache = new Map<string, ResourceInfo>();

/** Classifies a Task resource (memoised: definitions repeat the same few strings). */
export function resourceInfo(resource: string): ResourceInfo {
  let info = cache.get(resource);
  if (info === undefined) {
    info = { resource, ...classify(resource) };
    if (cache.size < 10_000) cache.set(resource, info);
  }
  return info;
}

function classify(resource: string): Omit<ResourceInfo, 'resource'> {
  const parts = resource.split(':');
  if (parts[0] === 'arn' && parts[2] === 'lambda' && parts[5] === 'function' && parts[6] !== undefined) {
    return {
      kind: 'lambda',
      pattern: 'request',
      resourceType: 'lambda',
      resourceName: resource,
      lambdaInvoke: false,
      functionName: parts[6],
    };
  }
  if (parts[0] === 'arn' && parts[2] === 'states' && parts[5] === 'activity') {
    return {
      kind: 'activity',
      pattern: 'token',
      resourceType: 'activity',
      resourceName: resource,
      lambdaInvoke: false,
    };
  }
  const rest =
    parts[0] === 'arn' && parts[2] === 'states' && parts[3] === '' && parts[4] === ''
      ? parts.slice(5).join(':')
      : resource;
  const pattern = rest.endsWith('.waitForTaskToken')
    ? 'token'
    : /\.sync(:\d+)?$/.test(rest)
      ? 'sync'
      : 'request';
  const sdk = rest.startsWith('aws-sdk:');
  const split = sdk ? rest.indexOf(':', 'aws-sdk:'.length) : rest.indexOf(':');
  const resourceType = split < 0 ? rest : rest.slice(0, split);
  const resourceName = split < 0 ? '' : rest.slice(split + 1);
  const action = resourceName.replace(/\.(waitForTaskToken|sync(:\d+)?)$/, '');
  return {
    kind: 'integration',
    pattern,
    resourceType,
    resourceName,
    lambdaInvoke: resourceType === 'lambda' && action === 'invoke',
    ...(sdk ? { sdkKey: `${resourceType}:${action}` } : {}),
  };
}
