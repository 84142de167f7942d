import { createIntegration, type Integration } from './integration.js';

/**
 * Any AWS SDK action: `arn:aws:states:::aws-sdk:<service>:<action>`. The payload is the API request (PascalCase
 * fields); declare the response with the task's `output` schema.
 * @example awsSdk('s3', 'getObject') // "Resource": "arn:aws:states:::aws-sdk:s3:getObject"
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
 */
export function awsSdk(service: string, action: string): Integration<'aws-sdk', 'request-response', never> {
  return createIntegration(
    'aws-sdk',
    'request-response',
    `arn:aws:states:::aws-sdk:${service}:${action}`,
    (p) => p,
  );
}

/**
 * Any other resource ARN (an optimized integration such as `arn:aws:states:::ecs:runTask`, or `.sync` forms).
 * The payload is the Parameters; declare the result with the task's `output` schema.
 */
export function resource(arn: string): Integration<'resource', 'request-response' | 'sync', never> {
  return createIntegration('resource', /\.sync(:2)?$/.test(arn) ? 'sync' : 'request-response', arn, (p) => p);
}

/**
 * Runs a nested state machine and waits for it: `arn:aws:states:::states:startExecution.sync:2` (Output as JSON).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
export function startExecutionSync(): Integration<'resource', 'sync', never> {
  return createIntegration('resource', 'sync', 'arn:aws:states:::states:startExecution.sync:2', (p) => p);
}
