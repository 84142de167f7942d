import { type CallbackIntegration, createCallbackIntegration, wrapPayload } from './integration.js';
import type { ResourceTag } from './placeholder.js';

/**
 * SNS integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-sns.html
 */
export const sns = Object.freeze({
  /** `arn:aws:states:::sns:publish`; the payload (default: the effective input) becomes `Message`. */
  publish<const TTopic extends string>(
    topicArn: TTopic,
  ): CallbackIntegration<'sns-publish', ResourceTag<'sns-topic', TTopic>> {
    return createCallbackIntegration(
      'sns-publish',
      'arn:aws:states:::sns:publish',
      wrapPayload({ TopicArn: topicArn }, 'Message'),
    );
  },
});
