import { isRecord, own } from '../src/json-data.js';
import { detailsOf } from '../src/record/read-run.js';
import type { StateInspection, ViewedRun } from '../src/record/run-record.js';
import { type StaticState, staticStates } from './scopes.js';

/**
 * How one visit of a state went: passed; passed after retrying; failed and was caught (its Catch moved on);
 * failed the execution (or its branch or iteration); stopped because something else failed or the execution
 * was stopped; or still in progress when the history ends.
 */
export type VisitStatus = 'succeeded' | 'retried' | 'caught' | 'failed' | 'aborted' | 'running';

/**
 * One call of a Task (or one run of a Map's iterations or a Parallel's branches): the first, or a retry. A call that
 * could not even be scheduled (`…ScheduleFailed`) is one too; a state whose own fields failed to evaluate
 * (`EvaluationFailed`) before any call made none, unless that try was retried.
 */
export interface Attempt {
  readonly startMs: number;
  /** What was sent: a Task's effective parameters, as JSON text. */
  readonly parameters?: string;
  /** What came back (JSON text). */
  result?: string;
  error?: string;
  cause?: string;
  failedMs?: number;
}

/** A run of a state's machine: the execution itself, one Map iteration, or one Parallel branch. */
export interface Lane {
  readonly kind: 'execution' | 'iteration' | 'branch';
  /** The Map or Parallel visit running this lane (absent for the execution). */
  readonly owner: Visit | undefined;
  /** The iteration's item index or the branch's index. */
  readonly index: number;
  /** Which attempt of the owner ran it (a retried Map or Parallel runs its lanes again); 0 for the execution. */
  readonly attempt: number;
  readonly visits: Visit[];
  status: 'running' | 'succeeded' | 'failed' | 'aborted';
  error?: string;
  cause?: string;
  readonly startMs: number;
  endMs: number;
}

/** One entry into a state, from its `…StateEntered` event to its `…StateExited` (or the end of the history). */
export interface Visit {
  /** Position in `RunModel.visits` (entry order). */
  readonly index: number;
  readonly state: string;
  /** The state's type, from its events (`Task` for `TaskStateEntered`). */
  readonly type: string;
  readonly lane: Lane;
  readonly enteredEventId: number;
  exitedEventId?: number;
  /** Ids of the events of this visit, the entry and exit included. */
  readonly eventIds: number[];
  readonly startMs: number;
  endMs: number;
  /** The state's input and output, as the history gives them (JSON text, possibly truncated). */
  readonly input?: string;
  output?: string;
  /** Variables assigned on exit, each value JSON text. */
  assigned?: Readonly<Record<string, string>>;
  readonly attempts: Attempt[];
  /** Map iterations or Parallel branches of every attempt, by `laneKey`, in the order they started. */
  readonly lanes: Map<string, Lane>;
  /** The error of an `EvaluationFailed` event: the state's own fields failed to evaluate (JSONata, Map items…). */
  evaluationFailure?: { readonly error?: string; readonly cause?: string; readonly atMs: number };
  status: VisitStatus;
  error?: string;
  cause?: string;
  /** The TestState-style I/O steps, when the run recorded them. */
  inspection?: StateInspection;
}

/** One history event, with its time on the execution's clock and the visit it belongs to. */
export interface ModelEvent {
  readonly id: number;
  readonly type: string;
  /** Milliseconds since the execution started. */
  readonly atMs: number;
  readonly visit: Visit | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;
}

/** A run taken apart for display: visits, lanes and events, all linked. */
export interface RunModel {
  readonly run: ViewedRun;
  readonly events: readonly ModelEvent[];
  readonly visits: readonly Visit[];
  readonly execution: Lane;
  /** Execution start, as epoch milliseconds. */
  readonly startedAt: number;
  /** Milliseconds from the first event to the last. */
  readonly durationMs: number;
  readonly states: ReadonlyMap<string, StaticState>;
  readonly visitsByState: ReadonlyMap<string, readonly Visit[]>;
}

/** Where an event leaves its lane: in a visit, or between states. */
interface Context {
  readonly lane: Lane;
  readonly visit: Visit | undefined;
}

const END_EVENTS = new Set([
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionTimedOut',
  'ExecutionAborted',
]);

/**
 * Takes a history apart into visits, Map iterations and Parallel branches. Events are placed by their
 * `previousEventId` chain, and where AWS leaves that chain loose (the first state after `ExecutionStarted`
 * points at 0; `MapStateSucceeded` points at the last iteration's event), by the definition: names are unique
 * across a state machine, so each state's enclosing Map or Parallel branch is known. Linear in the events.
 */
export function analyzeRun(run: ViewedRun): RunModel {
  const states = staticStates(run.definition);
  const first = run.events[0];
  const startedAt = first === undefined ? 0 : Date.parse(first.timestamp);
  const execution = newLane('execution', undefined, 0, 0, 0);
  const visits: Visit[] = [];
  const events: ModelEvent[] = [];
  const contexts = new Map<number, Context>();
  const openByName = new Map<string, Visit[]>();
  const entryStack: Visit[] = [];
  const top: Context = { lane: execution, visit: undefined };
  let endEvent: { type: string; details: Record<string, unknown> | undefined; at: Context } | undefined;

  const isOpen = (visit: Visit) => visit.exitedEventId === undefined;
  /** The visit itself, then each enclosing Map/Parallel visit, innermost first. */
  const ancestry = function* (context: Context | undefined): Generator<Visit> {
    if (context?.visit !== undefined) yield context.visit;
    for (let owner = context?.lane.owner; owner !== undefined; owner = owner.lane.owner) yield owner;
  };
  const openNear = (context: Context | undefined, test: (visit: Visit) => boolean): Visit | undefined => {
    for (const visit of ancestry(context)) if (isOpen(visit) && test(visit)) return visit;
    return undefined;
  };
  const lastOpenNamed = (name: string) => openByName.get(name)?.at(-1);
  const lastOpen = () => {
    while (entryStack.length > 0 && !isOpen(entryStack[entryStack.length - 1] as Visit)) entryStack.pop();
    return entryStack.at(-1);
  };
  /** The owner's lane at this index in its current attempt (lanes per attempt: a retry runs them again). */
  const childLane = (owner: Visit, kind: Lane['kind'], index: number, atMs: number) => {
    const attempt = currentAttempt(owner);
    const key = laneKey(attempt, index);
    let lane = owner.lanes.get(key);
    if (lane === undefined) {
      lane = newLane(kind, owner, index, attempt, atMs);
      owner.lanes.set(key, lane);
    }
    return lane;
  };
  const laneForEntry = (name: string, previous: Context | undefined, atMs: number): Lane => {
    const scope = states.get(name);
    if (scope === undefined) return previous?.lane ?? execution;
    const parent = scope.parent;
    if (parent === undefined) return execution;
    const lane = previous?.lane;
    if (
      lane?.owner?.state === parent &&
      isOpen(lane.owner) &&
      lane.attempt === currentAttempt(lane.owner) &&
      (scope.branch === undefined || lane.index === scope.branch)
    ) {
      return lane;
    }
    const owner = openNear(previous, (visit) => visit.state === parent) ?? lastOpenNamed(parent);
    if (owner === undefined) return previous?.lane ?? execution;
    if (scope.branch !== undefined) return childLane(owner, 'branch', scope.branch, atMs);
    // A Map iteration whose start event was not linked: the attempt's latest iteration with nothing running yet.
    const attempt = currentAttempt(owner);
    const ofAttempt = [...owner.lanes.values()].filter((candidate) => candidate.attempt === attempt);
    const idle = ofAttempt
      .reverse()
      .find((candidate) => candidate.status === 'running' && candidate.visits.every((v) => !isOpen(v)));
    return idle ?? childLane(owner, 'iteration', ofAttempt.length, atMs);
  };

  for (const event of run.events) {
    const atMs = Date.parse(event.timestamp) - startedAt;
    const details = detailsOf(event);
    const type = event.type;
    const previous = contexts.get(event.previousEventId);
    let context: Context;
    let visit: Visit | undefined;
    if (type === 'ExecutionStarted') {
      context = top;
    } else if (type.endsWith('StateEntered')) {
      const name = text(details, 'name') ?? '';
      const lane = laneForEntry(name, previous, atMs);
      visit = {
        index: visits.length,
        state: name,
        type: type.slice(0, -'StateEntered'.length),
        lane,
        enteredEventId: event.id,
        eventIds: [],
        startMs: atMs,
        endMs: atMs,
        ...optionalText(details, 'input'),
        attempts: [],
        lanes: new Map(),
        status: 'running',
      };
      visits.push(visit);
      lane.visits.push(visit);
      const open = openByName.get(name);
      if (open === undefined) openByName.set(name, [visit]);
      else open.push(visit);
      entryStack.push(visit);
      context = { lane, visit };
    } else if (type.endsWith('StateExited')) {
      const name = text(details, 'name') ?? '';
      visit = openNear(previous, (v) => v.state === name) ?? lastOpenNamed(name);
      if (visit !== undefined) {
        visit.exitedEventId = event.id;
        const output = text(details, 'output');
        if (output !== undefined) visit.output = output;
        const assigned = details?.assignedVariables;
        if (isRecord(assigned)) visit.assigned = assigned as Record<string, string>;
        const open = openByName.get(name) ?? [];
        open.splice(open.lastIndexOf(visit), 1);
        context = { lane: visit.lane, visit: undefined };
      } else {
        context = previous ?? top;
      }
    } else if (type.startsWith('MapIteration')) {
      const name = text(details, 'name') ?? '';
      const index = details?.index;
      const owner = openNear(previous, (v) => v.state === name && v.type === 'Map') ?? lastOpenNamed(name);
      visit = owner;
      if (owner === undefined || typeof index !== 'number') {
        context = previous ?? top;
      } else {
        // An iteration's end goes to the lane it ran in, which may be an earlier attempt's.
        const ran = previous?.lane;
        const lane =
          type !== 'MapIterationStarted' && ran?.owner === owner && ran.index === index
            ? ran
            : childLane(owner, 'iteration', index, atMs);
        if (type === 'MapIterationStarted') {
          context = { lane, visit: undefined };
        } else {
          lane.endMs = atMs;
          lane.status =
            type === 'MapIterationSucceeded'
              ? 'succeeded'
              : type === 'MapIterationFailed'
                ? 'failed'
                : 'aborted';
          const error = text(details, 'error');
          const cause = text(details, 'cause');
          if (error !== undefined) lane.error = error;
          if (cause !== undefined) lane.cause = cause;
          context = { lane: owner.lane, visit: owner };
        }
      }
    } else if (END_EVENTS.has(type)) {
      endEvent = { type, details, at: previous ?? { lane: execution, visit: lastOpen() } };
      context = top;
    } else {
      visit = ownerOfEvent(type, details, previous) ?? lastOpen();
      if (visit !== undefined) recordInVisit(visit, type, details, atMs);
      context = visit === undefined ? (previous ?? top) : { lane: visit.lane, visit };
    }
    if (visit !== undefined) {
      visit.eventIds.push(event.id);
      if (atMs > visit.endMs) visit.endMs = atMs;
    }
    contexts.set(event.id, context);
    events.push({ id: event.id, type, atMs, visit, details });
  }

  /** Map/Parallel events go to the Map/Parallel around them (AWS may link them to an inner event). */
  function ownerOfEvent(
    type: string,
    details: Record<string, unknown> | undefined,
    previous: Context | undefined,
  ): Visit | undefined {
    if (type.startsWith('MapState') || type.startsWith('MapRun'))
      return openNear(previous, (v) => v.type === 'Map');
    if (type.startsWith('ParallelState')) return openNear(previous, (v) => v.type === 'Parallel');
    const state = type === 'EvaluationFailed' ? text(details, 'state') : undefined;
    if (state !== undefined) return openNear(previous, (v) => v.state === state) ?? lastOpenNamed(state);
    const visit = previous?.visit;
    return visit !== undefined && isOpen(visit) ? visit : undefined;
  }

  const durationMs = Math.max(0, events.at(-1)?.atMs ?? 0);
  finish(visits, execution, endEvent, run.status !== 'RUNNING', durationMs, states);
  const byEnteredId = new Map(visits.map((visit) => [visit.enteredEventId, visit]));
  for (const inspection of run.inspections ?? []) {
    const visit = byEnteredId.get(inspection.enteredEventId);
    if (visit !== undefined && visit.state === inspection.state) visit.inspection = inspection;
  }
  const visitsByState = new Map<string, Visit[]>();
  for (const visit of visits) {
    const list = visitsByState.get(visit.state);
    if (list === undefined) visitsByState.set(visit.state, [visit]);
    else list.push(visit);
  }
  return { run, events, visits, execution, startedAt, durationMs, states, visitsByState };
}

/** Task, Map and Parallel events: attempts, their results and failures; evaluation failures. */
function recordInVisit(
  visit: Visit,
  type: string,
  details: Record<string, unknown> | undefined,
  atMs: number,
): void {
  if (type === 'EvaluationFailed') {
    // AWS writes it before any call when the state's own fields fail, or after the call (Output, Assign…).
    visit.evaluationFailure = { ...optionalText(details, 'error'), ...optionalText(details, 'cause'), atMs };
    return;
  }
  const isScheduleFailure = type.endsWith('ScheduleFailed');
  const startsTry =
    type.endsWith('Scheduled') ||
    isScheduleFailure ||
    type === 'MapStateStarted' ||
    type === 'ParallelStateStarted';
  if (startsTry && visit.evaluationFailure !== undefined)
    retryEvaluationFailure(visit, visit.evaluationFailure);
  const last = visit.attempts.at(-1);
  const isPending = last !== undefined && last.failedMs === undefined && last.result === undefined;
  // A call that could not even be scheduled is an attempt too, unless it ends the one pending.
  const isStart = startsTry && !(isScheduleFailure && isPending);
  if (isStart) {
    const parameters = text(details, 'parameters') ?? text(details, 'input');
    visit.attempts.push({ startMs: atMs, ...(parameters === undefined ? {} : { parameters }) });
    if (!isScheduleFailure) return;
  }
  /** The attempt the event ends; none when the state failed evaluating its fields before any call. */
  const current = () => {
    let attempt = visit.attempts.at(-1);
    if (attempt === undefined && visit.evaluationFailure === undefined) {
      attempt = { startMs: visit.startMs };
      visit.attempts.push(attempt);
    }
    return attempt;
  };
  if (type.endsWith('Succeeded')) {
    const output = text(details, 'output');
    const attempt = current();
    if (output !== undefined && attempt !== undefined) attempt.result = output;
  } else if (type.endsWith('Failed') || type.endsWith('TimedOut')) {
    const attempt = current();
    if (attempt === undefined) return;
    attempt.failedMs = atMs;
    const error = text(details, 'error') ?? (type.endsWith('TimedOut') ? 'States.Timeout' : undefined);
    const cause = text(details, 'cause');
    if (error !== undefined) attempt.error = error;
    if (cause !== undefined) attempt.cause = cause;
  } else if (type.endsWith('StateAborted') || type === 'MapRunAborted') {
    visit.status = 'aborted';
  }
}

/**
 * A new try after an evaluation failure (`States.QueryEvaluationError` is retriable): the failure ended the try in
 * progress (its call succeeded, its Output or Assign did not), or was a try of its own that made no call.
 */
function retryEvaluationFailure(visit: Visit, failure: NonNullable<Visit['evaluationFailure']>): void {
  delete visit.evaluationFailure;
  let tried = visit.attempts.at(-1);
  if (tried === undefined || tried.failedMs !== undefined) {
    tried = { startMs: failure.atMs };
    visit.attempts.push(tried);
  }
  tried.failedMs = failure.atMs;
  if (failure.error !== undefined) tried.error = failure.error;
  if (failure.cause !== undefined) tried.cause = failure.cause;
}

/**
 * Settles every visit's and lane's status, innermost first (a visit's lanes hold only visits entered after it).
 * An unfinished visit failed when the end event, an uncaught failure or a failed lane says so; otherwise it was
 * stopped by the end of the execution, or is still running.
 */
function finish(
  visits: readonly Visit[],
  execution: Lane,
  endEvent: { type: string; details: Record<string, unknown> | undefined; at: Context } | undefined,
  hasEnded: boolean,
  durationMs: number,
  states: ReadonlyMap<string, StaticState>,
): void {
  const endedIn = endEvent?.at.visit ?? endEvent?.at.lane.owner;
  const isFailureEnd = endEvent !== undefined && endEvent.type !== 'ExecutionSucceeded';
  for (let i = visits.length - 1; i >= 0; i--) {
    const visit = visits[i] as Visit;
    for (const lane of visit.lanes.values()) settleLane(lane, hasEnded, visit.endMs);
    // A Map's or Parallel's attempt fails with the error of its first failed iteration or branch.
    const failedLanes = new Map<number, Lane>();
    for (const lane of visit.lanes.values())
      if (lane.status === 'failed' && !failedLanes.has(lane.attempt)) failedLanes.set(lane.attempt, lane);
    visit.attempts.forEach((attempt, index) => {
      const next = visit.attempts[index + 1];
      // AWS writes no failure event for a Map or Parallel attempt that is retried: its next start says it.
      if (attempt.failedMs === undefined && next !== undefined) attempt.failedMs = endOfAttempt(visit, index);
      const lane = failedLanes.get(index);
      if (attempt.failedMs === undefined || attempt.error !== undefined || lane?.error === undefined) return;
      attempt.error = lane.error;
      if (lane.cause !== undefined) attempt.cause = lane.cause;
    });
    const failed = visit.attempts.filter((attempt) => attempt.failedMs !== undefined);
    const last = visit.attempts.at(-1);
    const failedLane = failedLanes.get(currentAttempt(visit));
    const evaluation = visit.evaluationFailure;
    if (visit.exitedEventId !== undefined) {
      visit.status =
        last?.failedMs !== undefined || evaluation !== undefined
          ? 'caught'
          : failed.length > 0
            ? 'retried'
            : 'succeeded';
    } else if (isFailureEnd && visit === endedIn) {
      visit.status = endEvent.type === 'ExecutionAborted' ? 'aborted' : 'failed';
    } else if (visit.status === 'aborted') {
      // set by a …StateAborted event
    } else if (
      last?.failedMs !== undefined ||
      evaluation !== undefined ||
      visit.type === 'Fail' ||
      failedLane !== undefined
    ) {
      visit.status = 'failed';
    } else {
      visit.status = hasEnded ? 'aborted' : 'running';
      if (hasEnded) visit.endMs = Math.max(visit.endMs, visit.lane.endMs);
    }
    if (visit.status === 'failed' || visit.status === 'caught' || visit.status === 'aborted') {
      const lastFailure = failed.at(-1);
      const fromEnd = visit === endedIn ? endEvent?.details : undefined;
      // A Fail state's own Error and Cause, when no event carries them (inside a Map or Parallel).
      const fromDefinition = visit.type === 'Fail' ? states.get(visit.state) : undefined;
      // An evaluation failure is the state's own, after any call: it decides (cause and all).
      const error =
        evaluation?.error ??
        lastFailure?.error ??
        text(fromEnd, 'error') ??
        failedLane?.error ??
        fromDefinition?.error;
      const cause =
        evaluation?.error !== undefined
          ? evaluation.cause
          : (lastFailure?.cause ?? text(fromEnd, 'cause') ?? failedLane?.cause ?? fromDefinition?.cause);
      if (error !== undefined) visit.error = error;
      if (cause !== undefined) visit.cause = cause;
    }
    if (!hasEnded && visit.status === 'running') visit.endMs = durationMs;
  }
  settleLane(execution, hasEnded, durationMs);
}

/** A lane's status from its end event (iterations) or its visits (branches, the execution). */
function settleLane(lane: Lane, hasEnded: boolean, endMs: number): void {
  const last = lane.visits.at(-1);
  if (lane.visits.some((visit) => visit.status === 'failed')) {
    lane.status = 'failed';
    const failing = lane.visits.findLast((visit) => visit.status === 'failed');
    if (lane.error === undefined && failing?.error !== undefined) lane.error = failing.error;
    if (lane.cause === undefined && failing?.cause !== undefined) lane.cause = failing.cause;
  } else if (lane.status === 'running') {
    if (last !== undefined && last.exitedEventId !== undefined) lane.status = 'succeeded';
    else if (hasEnded) lane.status = 'aborted';
  }
  for (const visit of lane.visits) if (visit.endMs > lane.endMs) lane.endMs = visit.endMs;
  if (lane.kind === 'execution' || lane.endMs < lane.startMs) lane.endMs = Math.max(lane.endMs, endMs);
}

function newLane(
  kind: Lane['kind'],
  owner: Visit | undefined,
  index: number,
  attempt: number,
  atMs: number,
): Lane {
  return { kind, owner, index, attempt, visits: [], status: 'running', startMs: atMs, endMs: atMs };
}

/** When an attempt that failed silently ended: its last iteration's or branch's end, else the next start. */
function endOfAttempt(visit: Visit, index: number): number {
  let end = visit.attempts[index + 1]?.startMs ?? visit.endMs;
  let lastLane: number | undefined;
  for (const lane of visit.lanes.values())
    if (lane.attempt === index) lastLane = Math.max(lastLane ?? lane.endMs, lane.endMs);
  if (lastLane !== undefined) end = Math.min(end, lastLane);
  return end;
}

/** The attempt a Map or Parallel visit is running (0 before its first start event). */
function currentAttempt(visit: Visit): number {
  return Math.max(0, visit.attempts.length - 1);
}

/** Where a lane is kept in its owner's `lanes`: its attempt and index. */
export function laneKey(attempt: number, index: number): string {
  return `${attempt}:${index}`;
}

function text(details: Readonly<Record<string, unknown>> | undefined, key: string): string | undefined {
  const value = details === undefined ? undefined : own(details, key);
  return typeof value === 'string' ? value : undefined;
}

function optionalText<K extends string>(
  details: Record<string, unknown> | undefined,
  key: K,
): { [P in K]?: string } {
  const value = text(details, key);
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: string });
}

/** The enclosing Map/Parallel visits and lane indexes of a visit, outermost first. */
export function pathOf(visit: Visit): readonly { readonly state: string; readonly index: number }[] {
  const path: { state: string; index: number }[] = [];
  for (let lane = visit.lane; lane.owner !== undefined; lane = lane.owner.lane) {
    path.unshift({ state: lane.owner.state, index: lane.index });
  }
  return path;
}

/**
 * The retries of a visit: the recorded ones when the run was inspected, otherwise each failed attempt that was
 * followed by another, with the time between the failure and the next attempt as the delay.
 */
export function retriesOf(visit: Visit): readonly { error: string; cause?: string; delaySeconds: number }[] {
  if (visit.inspection?.retries !== undefined) return visit.inspection.retries;
  const retries: { error: string; cause?: string; delaySeconds: number }[] = [];
  visit.attempts.forEach((attempt, index) => {
    const next = visit.attempts[index + 1];
    if (next === undefined || attempt.failedMs === undefined) return;
    retries.push({
      error: attempt.error ?? 'unknown error',
      ...(attempt.cause === undefined ? {} : { cause: attempt.cause }),
      delaySeconds: Math.max(0, next.startMs - attempt.failedMs) / 1000,
    });
  });
  return retries;
}
