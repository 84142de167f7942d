import {
  type CallbackIntegration,
  createCallbackIntegration,
  createIntegration,
  type Integration,
} from './integration.js';

/**
 * Any AWS SDK action: `arn:aws:states:::aws-sdk:<service>:<action>`. The payload is the API request (PascalCase
 * fields); declare the response with the task's `output` schema. AWS has `.waitForTaskToken()` for it, not `.sync`.
 * @example awsSdk('s3', 'getObject') // "Resource": "arn:aws:states:::aws-sdk:s3:getObject"
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
 */
export function awsSdk(service: string, action: string): CallbackIntegration<'aws-sdk'> {
  return createCallbackIntegration('aws-sdk', `arn:aws:states:::aws-sdk:${service}:${action}`, (p) => p);
}

/** A resource ARN ending in an integration pattern (`.sync`, `.sync:2`, `.waitForTaskToken`). */
type WithPattern = `${string}.sync` | `${string}.sync:${number}` | `${string}.waitForTaskToken`;

/**
 * What `resource(arn)` returns: a service integration ARN (`arn:<partition>:states:::…`) written without a pattern
 * also offers `.waitForTaskToken()`; any other ARN (a Lambda function, an activity) or one that already ends in a
 * pattern does not.
 */
export type ResourceIntegration<TArn extends string> = TArn extends WithPattern
  ? Integration<'resource', 'request-response' | 'sync', never>
  : TArn extends `arn:${string}:states:::${string}`
    ? CallbackIntegration<'resource'>
    : Integration<'resource', 'request-response' | 'sync', never>;

/**
 * Any other resource ARN (an optimized integration such as `arn:aws:states:::ecs:runTask`, or `.sync` forms).
 * The payload is the Parameters; declare the result with the task's `output` schema.
 */
export function resource<const TArn extends string>(arn: TArn): ResourceIntegration<TArn> {
  const pattern = /\.(?:waitForTaskToken|sync(?::\d+)?)$/.exec(arn)?.[0];
  // The test `ResourceIntegration` makes: `arn:`, then `:states:::` (from index 4 on).
  const made =
    pattern === undefined && arn.startsWith('arn:') && arn.includes(':states:::', 4)
      ? createCallbackIntegration('resource', arn, (p) => p)
      : createIntegration(
          'resource',
          pattern?.startsWith('.sync') ? 'sync' : 'request-response',
          arn,
          (p) => p,
        );
  return made as ResourceIntegration<TArn>;
}

/**
 * Runs a nested state machine and waits for it: `arn:aws:states:::states:startExecution.sync:2` (Output as JSON).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
export function startExecutionSync(): Integration<'resource', 'sync', never> {
  return createIntegration('resource', 'sync', 'arn:aws:states:::states:startExecution.sync:2', (p) => p);
}
