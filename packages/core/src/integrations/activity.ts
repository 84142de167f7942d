import { createIntegration, type Integration } from './integration.js';
import type { ResourceTag } from './placeholder.js';

/**
 * An activity ARN: a worker polls for the task, then calls SendTaskSuccess/Failure/Heartbeat. The worker gets the
 * task token already, so there is no `.waitForTaskToken()` (nor `.sync()`): AWS has those for service integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html
 */
export function activity<const TActivity extends string>(
  activityArn: TActivity,
): Integration<'activity', 'request-response', ResourceTag<'activity', TActivity>> {
  return createIntegration('activity', 'request-response', activityArn, (payload) => payload);
}
