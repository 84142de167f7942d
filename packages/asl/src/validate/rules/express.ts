import { type Ctx, describe, reportAt, type StateVisit } from '../context.js';

/** Why a Task resource cannot run in an Express workflow, if it cannot. */
export type ExpressUnsupported = 'sync' | 'callback' | 'activity';

/**
 * Whether `resource` uses what Express workflows reject: the run-a-job (`.sync`, `.sync:2`) or callback
 * (`.waitForTaskToken`) pattern, or an activity. One rule for the validator, the compiler and the runner.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html
 */
export function expressUnsupported(resource: string): ExpressUnsupported | undefined {
  if (resource.endsWith('.waitForTaskToken')) return 'callback';
  if (/\.sync(:\d+)?$/.test(resource)) return 'sync';
  const parts = resource.split(':');
  return parts[0] === 'arn' && parts[2] === 'states' && parts[5] === 'activity' ? 'activity' : undefined;
}

/** What each `ExpressUnsupported` is, for messages. */
export const EXPRESS_UNSUPPORTED: Readonly<Record<ExpressUnsupported, string>> = Object.freeze({
  sync: "the '.sync' service integration",
  callback: "the '.waitForTaskToken' service integration",
  activity: 'activities',
});

/**
 * Express workflows — the state machine itself, or the child executions of a Distributed Map whose
 * `ProcessorConfig.ExecutionType` is `EXPRESS` — reject `.sync`, `.waitForTaskToken` and activities.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html
 */
export function checkExpress(ctx: Ctx, visit: StateVisit): void {
  if (visit.type !== 'Task' || visit.executionType !== 'EXPRESS') return;
  const resource = visit.fields.Resource;
  if (typeof resource !== 'string') return;
  const unsupported = expressUnsupported(resource);
  if (unsupported === undefined) return;
  const where =
    ctx.stateMachineType === 'EXPRESS'
      ? 'Express state machines'
      : 'Express child workflows of a Distributed Map';
  reportAt(
    ctx,
    visit,
    'EXPRESS_UNSUPPORTED_RESOURCE',
    ['Resource'],
    `${describe(visit)}: ${where} do not support ${EXPRESS_UNSUPPORTED[unsupported]}; use a Standard workflow or the request-response integration.`,
    { resource },
  );
}
