import { createIntegration, type Integration } from './integration.js';

/**
 * An activity ARN: a worker polls for the task, then calls SendTaskSuccess/Failure/Heartbeat.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html
 */
export function activity(activityArn: string): Integration<'activity', 'request-response'> {
  return createIntegration('activity', 'request-response', activityArn, (payload) => payload);
}
