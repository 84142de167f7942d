import { createIntegration, type Integration, wrapPayload } from './integration.js';

/**
 * SQS integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-sqs.html
 */
export const sqs = Object.freeze({
  /**
   * `arn:aws:states:::sqs:sendMessage`; the payload (default: the effective input) becomes `MessageBody`.
   * With `.waitForTaskToken()`, put `context.Task.Token` in the payload.
   */
  sendMessage(queueUrl: string): Integration<'sqs-send-message', 'request-response'> {
    return createIntegration(
      'sqs-send-message',
      'request-response',
      'arn:aws:states:::sqs:sendMessage',
      wrapPayload({ QueueUrl: queueUrl }, 'MessageBody'),
    );
  },
});
