import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { StatesError, type TaskHandler, type TaskHandlerContext } from '@stepcraft/runner';
import { tasksOf } from '../definition/tasks.js';
import type { ExecutionView } from '../history/view.js';
import type { Attempt, PathSegment } from '../history/visits.js';
import { isJsonObject, jsonEqual } from '../json.js';

/** One service call AWS made, with how it ended. */
interface RecordedCall {
  readonly attempt: Attempt;
  readonly path: readonly PathSegment[];
  used: boolean;
}

/** A wait long enough for any task or execution timeout to fire first. */
const FOREVER_SECONDS = 10 * 366 * 24 * 3600;

const isLambdaInvoke = (resource: string): boolean =>
  /^arn:[^:]*:states:::lambda:invoke(\.|$)/.test(resource);

/** What the handler received, in the form AWS recorded it (`lambda:invoke` records the whole Parameters). */
function recordedInputOf(call: RecordedCall, resource: string): JsonValue | undefined {
  const input = call.attempt.input;
  if (!isLambdaInvoke(resource)) return input;
  return isJsonObject(input) && Object.hasOwn(input, 'Payload') ? input.Payload : undefined;
}

function mapIndexOf(context: TaskHandlerContext): number | undefined {
  const map = isJsonObject(context.context) ? context.context.Map : undefined;
  const item = isJsonObject(map) ? map.Item : undefined;
  const index = isJsonObject(item) ? item.Index : undefined;
  return typeof index === 'number' ? index : undefined;
}

/**
 * Picks the recorded call that answers a local call: the first unused one of the state, preferring one that
 * received the same input and ran in the same Map iteration (concurrent iterations are not recorded in the order
 * they run locally), then the same input, then the same iteration.
 */
function pick(
  calls: readonly RecordedCall[],
  input: JsonValue,
  context: TaskHandlerContext,
): RecordedCall | undefined {
  const unused = calls.filter((c) => !c.used);
  const index = mapIndexOf(context);
  const sameInput = (c: RecordedCall) => jsonEqual(recordedInputOf(c, context.resource), input);
  const sameIteration = (c: RecordedCall) => index === undefined || c.path.at(-1)?.index === index;
  return (
    unused.find((c) => sameInput(c) && sameIteration(c)) ??
    unused.find(sameInput) ??
    unused.find(sameIteration) ??
    unused[0]
  );
}

/** How a recorded call answers: its result (a Lambda's Payload, a callback's token), its error, or a wait that lets a timeout fire. */
async function answer(call: RecordedCall, context: TaskHandlerContext): Promise<unknown> {
  const { attempt } = call;
  switch (attempt.outcome) {
    case 'succeeded': {
      const result = attempt.result ?? null;
      if (context.resource.endsWith('.waitForTaskToken') && context.taskToken !== undefined) {
        context.sendTaskSuccess(context.taskToken, result);
        return attempt.submitted ?? {};
      }
      if (isLambdaInvoke(context.resource) && isJsonObject(result) && Object.hasOwn(result, 'Payload'))
        return result.Payload ?? null;
      return result;
    }
    case 'failed':
      throw new StatesError(attempt.error ?? '', attempt.cause);
    default:
      // Timed out, aborted or still running on AWS: never answer, so the local timeouts decide as AWS's did.
      await context.sleep(FOREVER_SECONDS);
      return null;
  }
}

/**
 * Handlers for every Task state of the definition that answer with what AWS recorded for that state's calls,
 * keyed by state name (they win over any other handler).
 */
export function recordedHandlers(definition: AslDocument, view: ExecutionView): Record<string, TaskHandler> {
  const byState = new Map<string, RecordedCall[]>();
  for (const visit of view.visits) {
    if (visit.type !== 'Task') continue;
    let calls = byState.get(visit.state);
    if (calls === undefined) {
      calls = [];
      byState.set(visit.state, calls);
    }
    for (const attempt of visit.attempts) calls.push({ attempt, path: visit.path, used: false });
  }
  const handlers: Record<string, TaskHandler> = Object.create(null);
  for (const task of tasksOf(definition)) {
    const calls = byState.get(task.name) ?? [];
    const handler: TaskHandler = (input, context) => {
      const call = pick(calls, input, context);
      if (call === undefined) {
        throw new StatesError(
          'Stepcraft.NotInHistory',
          `AWS recorded ${calls.length} call${calls.length === 1 ? '' : 's'} of Task state "${task.name}"; the local run makes one more.`,
        );
      }
      call.used = true;
      return answer(call, context);
    };
    Object.defineProperty(handlers, task.name, { value: handler, enumerable: true });
  }
  return handlers;
}
