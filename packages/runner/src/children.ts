import type { JsonValue, SubMachine } from '@stepcraft/asl';
import { type StatesError, verbatim } from './errors.js';
import { endExecution } from './execution-end.js';
import { abortFiber, isFailure, iterationEvent } from './fiber.js';
import { waitOn } from './progress.js';
import { schedule, scheduleFirst } from './queue.js';
import type { ChildGroup, Fiber, StateRun, Tolerance } from './snapshot.js';
import { variableScope } from './variables.js';

/** How to run the children of a Parallel or Map. */
export interface GroupSpec {
  readonly count: number;
  readonly limit: number;
  readonly isolated: boolean;
  readonly iterationEvents: boolean;
  readonly machine: (index: number) => SubMachine;
  readonly input: (index: number) => JsonValue;
  readonly tolerance?: Tolerance | undefined;
}

/**
 * Starts the branches of a Parallel or the iterations of a Map as child fibers (at most `limit` at a time, each in
 * its own variable scope; none of the outer variables when `isolated`), and makes the owner wait for them all.
 * Results keep input order. On the first failure beyond the tolerance the running siblings are aborted.
 */
export function startGroup(owner: Fiber, run: StateRun, spec: GroupSpec): ChildGroup {
  const limit = Math.max(1, Math.min(spec.count, spec.limit));
  const group: ChildGroup = {
    owner,
    run,
    count: spec.count,
    limit,
    isolated: spec.isolated,
    concurrent: limit > 1 || owner.concurrent,
    iterationEvents: spec.iterationEvents && !spec.isolated,
    machine: spec.machine,
    input: spec.input,
    tolerance: spec.tolerance,
    results: new Array<JsonValue>(spec.count).fill(null),
    started: 0,
    live: new Set(),
    failures: 0,
    failure: undefined,
  };
  waitOn(owner, { kind: 'children', group });
  if (spec.count === 0) schedule(owner, { kind: 'children', group });
  for (let i = 0; i < Math.min(limit, spec.count); i++) spawn(group, false);
  return group;
}

/**
 * Starts the next child (with its `MapIterationStarted`, as in LocalStack's AWS-recorded
 * `test_service_lambda_map_timeout`): at the back of the queue, or (`first`) in the slot of one that just ended.
 */
function spawn(group: ChildGroup, first: boolean): void {
  const owner = group.owner;
  const snap = owner.snap;
  const index = group.started++;
  const child: Fiber = {
    id: snap.nextId++,
    snap,
    machine: group.machine(index),
    vars: variableScope(group.isolated ? undefined : owner.vars),
    group,
    index,
    concurrent: group.concurrent,
    silent: group.isolated || owner.silent === true,
    lastEventId: owner.lastEventId,
    status: 'ready',
    next: { kind: 'start' },
    run: undefined,
    wait: undefined,
    nextReady: undefined,
  };
  group.live.add(child);
  // AWS writes an iteration's start when it launches it: every launched iteration's, before any of their states.
  if (group.iterationEvents) iterationEvent(child, 'MapIterationStarted');
  if (first) scheduleFirst(child, child.next);
  else schedule(child, child.next);
}

/**
 * A fiber ended with its output or a failure: the top level ends the execution; a child tells its group, which
 * records the result, starts the next child, and wakes the owner once every child is over.
 */
export function childEnded(fiber: Fiber, result: JsonValue | StatesError): void {
  const group = fiber.group;
  if (group === undefined) {
    endExecution(fiber.snap, result);
    return;
  }
  group.live.delete(fiber);
  if (isFailure(result)) {
    if (group.iterationEvents) iterationEvent(fiber, 'MapIterationFailed');
    group.failures++;
    if (group.failure === undefined && tooMany(group)) {
      group.failure =
        group.tolerance === undefined
          ? result
          : verbatim(
              'States.ExceedToleratedFailureThreshold',
              'The specified tolerated failure threshold was exceeded',
            );
      for (const sibling of [...group.live]) abortFiber(sibling);
    }
  } else {
    group.results[fiber.index] = result;
    if (group.iterationEvents) iterationEvent(fiber, 'MapIterationSucceeded');
  }
  if (group.failure === undefined && group.started < group.count) spawn(group, true);
  else if (group.live.size === 0) schedule(group.owner, { kind: 'children', group });
}

function tooMany(group: ChildGroup): boolean {
  const tolerance = group.tolerance;
  if (tolerance === undefined) return true;
  if (tolerance.count !== undefined && group.failures > tolerance.count) return true;
  if (tolerance.percentage !== undefined && (group.failures / group.count) * 100 > tolerance.percentage)
    return true;
  return tolerance.count === undefined && tolerance.percentage === undefined;
}

/** Aborts the running children of a group (the owner was interrupted), in the order they started. */
export function abortGroup(group: ChildGroup): void {
  for (const child of [...group.live]) abortFiber(child);
}
