import {
  type CallbackIntegration,
  createCallbackIntegration,
  createIntegration,
  type Integration,
  wrapPayload,
} from './integration.js';
import type { ResourceTag } from './placeholder.js';

/**
 * Lambda integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
export const lambda = Object.freeze({
  /**
   * `arn:aws:states:::lambda:invoke`. The payload (default: the effective input) becomes `Payload`; the result is
   * the Invoke response `{ ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode }`. Unwrap
   * it with `lambda.payload` as ResultSelector, or `.outputPath('$.Payload')`.
   * @example lambda.invoke('Payment') // "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "Payment", "Payload.$": "$" }
   */
  invoke<const TFunction extends string>(
    functionName: TFunction,
  ): CallbackIntegration<'lambda-invoke', ResourceTag<'lambda-function', TFunction>> {
    return createCallbackIntegration(
      'lambda-invoke',
      'arn:aws:states:::lambda:invoke',
      wrapPayload({ FunctionName: functionName }, 'Payload'),
    );
  },
  /**
   * A Lambda function ARN used directly as the resource: the input goes to the function, its return value is the
   * result. It has no `.waitForTaskToken()`: AWS has the callback pattern for `lambda.invoke` only.
   */
  function<const TFunction extends string>(
    functionArn: TFunction,
  ): Integration<'lambda-function', 'request-response', ResourceTag<'lambda-function', TFunction>> {
    return createIntegration('lambda-function', 'request-response', functionArn, (payload) => payload);
  },
  /** A ResultSelector that unwraps the Invoke envelope: the task's result becomes the function's return value. */
  payload<T>({ result }: { result: { readonly Payload: T } }): T {
    return result.Payload;
  },
});
