import { type CallbackIntegration, createCallbackIntegration, wrapPayload } from './integration.js';
import type { ResourceTag } from './placeholder.js';

/**
 * SQS integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-sqs.html
 */
export const sqs = Object.freeze({
  /**
   * `arn:aws:states:::sqs:sendMessage`; the payload (default: the effective input) becomes `MessageBody`.
   * With `.waitForTaskToken()`, put `context.Task.Token` in the payload.
   */
  sendMessage<const TQueue extends string>(
    queueUrl: TQueue,
  ): CallbackIntegration<'sqs-send-message', ResourceTag<'sqs-queue', TQueue>> {
    return createCallbackIntegration(
      'sqs-send-message',
      'arn:aws:states:::sqs:sendMessage',
      wrapPayload({ QueueUrl: queueUrl }, 'MessageBody'),
    );
  },
});
