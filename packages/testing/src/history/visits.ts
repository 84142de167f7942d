import { type AslDocument, failStateError, type JsonObject, type JsonValue } from '@stepcraft/asl';
import type { StateInspection } from '@stepcraft/runner';
import { type StateEntry, statesOf } from '../definition/states.js';
import { type ChoiceRuleTaken, ruleByTarget } from './choice-rule.js';
import { assignedOf, jsonOf, type ReadEvent, textOf } from './events.js';

/** One enclosing Map iteration or Parallel branch: the Map/Parallel state's name and the iteration or branch index. */
export interface PathSegment {
  readonly state: string;
  readonly index: number;
}

/**
 * One try of a Task (a service call), or one run of a Map/Parallel state's iterations or branches; or a try that
 * failed evaluating the state's own fields before any call (`EvaluationFailed`) and was retried.
 */
export interface Attempt {
  /** Id of the event that started it (`TaskScheduled`, `LambdaFunctionScheduled`, `MapStateStarted`, `EvaluationFailed`…). */
  readonly startedEventId: number;
  readonly resourceType?: string;
  readonly resource?: string;
  /** What the service received (`parameters` of TaskScheduled, `input` of LambdaFunction/ActivityScheduled). */
  readonly input?: JsonValue;
  /** The first answer of a `.sync` or `.waitForTaskToken` call (TaskSubmitted). */
  readonly submitted?: JsonValue;
  /** The service's result (before ResultSelector). */
  readonly result?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
  readonly outcome: 'succeeded' | 'failed' | 'timed-out' | 'aborted' | 'pending';
  /** Epoch milliseconds of its first and last events. */
  readonly startedAt: number;
  readonly endedAt: number;
}

/** A retry: the error that caused it and the wait before the next attempt (from the event timestamps). */
export interface RetryRecord {
  readonly error: string;
  readonly cause?: string;
  readonly delaySeconds: number;
}

/**
 * How a state visit ended. `caught`: it failed and a Catch took it on; `aborted`: the execution was stopped, or
 * ended without the visit finishing; `running`: the execution has not ended.
 */
export type VisitStatus = 'succeeded' | 'caught' | 'failed' | 'aborted' | 'running';

/**
 * One entry into a state, as the console shows it: input, output, the task's calls, retries and error, with the
 * JSON already parsed.
 */
export interface StateVisit {
  readonly state: string;
  /** `Task`, `Pass`, `Choice`, … (from the event types). */
  readonly type: string;
  /** Enclosing Map iterations and Parallel branches, outermost first (empty at the top level). */
  readonly path: readonly PathSegment[];
  readonly enteredEventId: number;
  readonly exitedEventId?: number;
  /** Epoch milliseconds of the entered and exited events (NaN when the history has no timestamps). */
  readonly enteredAt: number;
  readonly exitedAt?: number;
  readonly input?: JsonValue;
  readonly output?: JsonValue;
  /** Variables this state assigned (from its StateExited event). */
  readonly assigned?: Readonly<JsonObject>;
  /** Task calls, or Map/Parallel runs, in order; more than one when retried. */
  readonly attempts: readonly Attempt[];
  readonly retries: readonly RetryRecord[];
  /** The error that ended the visit (caught or not). */
  readonly error?: string;
  readonly cause?: string;
  readonly status: VisitStatus;
  /** The state entered next in the same iteration or branch (a Choice's target, a catcher's `Next`…). */
  readonly next?: string;
  /** For a Choice: the rule that matched (index into `Choices`) or `Default`, when it can be told. */
  readonly rule?: ChoiceRuleTaken;
  /**
   * What the state did step by step (AWS TestState's inspection data: after InputPath, after Parameters or
   * Arguments, the result, after ResultSelector and ResultPath, variables), when the run recorded it.
   */
  readonly inspection?: StateInspection;
  /** Ids of the events of this visit (its own, not those of its iterations or branches). */
  readonly eventIds: readonly number[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableAttempt = Mutable<Attempt>;
type MutableVisit = Mutable<Omit<StateVisit, 'attempts' | 'retries' | 'eventIds'>>;
interface VisitBuilder {
  readonly visit: MutableVisit;
  readonly attempts: MutableAttempt[];
  readonly eventIds: number[];
  /** An `EvaluationFailed` not yet followed by a retry: its error, and its event's id and time. */
  evaluationError?: { error: string; cause?: string | undefined; eventId: number; at: number };
  aborted: boolean;
  failedAt?: number;
}

/** A fiber of the execution: the top level, a Map iteration or a Parallel branch. */
interface Lane {
  readonly path: readonly PathSegment[];
  readonly parent?: Lane;
  /** The Map/Parallel state and branch/iteration this lane runs (undefined for the top level). */
  readonly segment?: PathSegment;
  readonly kind: 'root' | 'iteration' | 'branch';
  /** The Map/Parallel attempt this lane belongs to. */
  readonly attempt?: MutableAttempt;
  readonly children: Map<string, Lane>;
  readonly visits: VisitBuilder[];
  open: VisitBuilder | undefined;
  last: VisitBuilder | undefined;
  lastEventId: number;
}

/** What the execution-level events said. */
export interface ExecutionEnd {
  readonly status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'RUNNING';
  /** Id of the event that ended the execution (`ExecutionSucceeded`…), absent while it runs. */
  readonly endEventId?: number;
  readonly input?: JsonValue;
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
}

/** The visits of a history, in the order they were entered, and how the execution ended. */
export interface Visits {
  readonly visits: readonly StateVisit[];
  readonly execution: ExecutionEnd;
}

const TASK_PREFIXES = ['Task', 'LambdaFunction', 'Activity'] as const;

/** Which kind of state an event without a state name belongs to (`TaskScheduled` → Task, `MapRunStarted` → Map). */
function ownerTypeOf(type: string): string | undefined {
  for (const prefix of TASK_PREFIXES) if (type.startsWith(prefix)) return 'Task';
  if (type.startsWith('Parallel')) return 'Parallel';
  if (type.startsWith('Map')) return 'Map';
  if (type.startsWith('Wait')) return 'Wait';
  return undefined;
}

/**
 * Reads the state visits of a history. Each event is placed in its fiber (top level, Map iteration, Parallel
 * branch) by `previousEventId`, falling back to the event before it where AWS writes 0; with the definition,
 * a state's branch is also known from its name, so histories whose events only chain in sequence read right.
 */
export function visitsOf(
  events: readonly ReadEvent[],
  definition?: AslDocument,
  rules?: ReadonlyMap<number, ChoiceRuleTaken>,
  inspections?: readonly StateInspection[],
): Visits {
  const states = definition === undefined ? undefined : statesOf(definition);
  const byId = new Map<number, ReadEvent>();
  const laneOfEvent = new Map<number, Lane>();
  const lanes: Lane[] = [];
  const newLane = (
    parent: Lane | undefined,
    kind: Lane['kind'],
    segment?: PathSegment,
    attempt?: MutableAttempt,
  ): Lane => {
    const lane: Lane = {
      path: parent === undefined || segment === undefined ? [] : [...parent.path, segment],
      ...(parent === undefined ? {} : { parent }),
      ...(segment === undefined ? {} : { segment }),
      ...(attempt === undefined ? {} : { attempt }),
      kind,
      children: new Map(),
      visits: [],
      open: undefined,
      last: undefined,
      lastEventId: 0,
    };
    lanes.push(lane);
    return lane;
  };
  const root = newLane(undefined, 'root');
  const childLane = (parent: Lane, kind: 'iteration' | 'branch', segment: PathSegment): Lane => {
    const owner = parent.open;
    const attempt = owner?.visit.state === segment.state ? owner.attempts.at(-1) : undefined;
    // A retried Map or Parallel runs its iterations or branches again: each attempt has lanes of its own.
    const key = `${kind}:${segment.state}:${segment.index}:${attempt?.startedEventId ?? 0}`;
    let lane = parent.children.get(key);
    if (lane === undefined) {
      lane = newLane(parent, kind, segment, attempt);
      parent.children.set(key, lane);
    }
    return lane;
  };
  const execution: {
    status: ExecutionEnd['status'];
    endEventId?: number;
    input?: JsonValue;
    output?: JsonValue;
    error?: string;
    cause?: string;
  } = { status: 'RUNNING' };
  const order: VisitBuilder[] = [];

  let before: ReadEvent | undefined;
  for (const event of events) {
    byId.set(event.id, event);
    const previous = (event.previousEventId > 0 ? byId.get(event.previousEventId) : undefined) ?? before;
    before = event;
    const base = (previous === undefined ? undefined : laneOfEvent.get(previous.id)) ?? root;
    const lane = laneFor(event, previous, base);
    laneOfEvent.set(event.id, lane);
    lane.lastEventId = event.id;
    apply(event, lane);
  }

  function laneFor(event: ReadEvent, previous: ReadEvent | undefined, base: Lane): Lane {
    const { type, details } = event;
    if (type.startsWith('Execution')) return root;
    const name = textOf(details, 'name');
    if (type.endsWith('StateEntered')) {
      let lane = base;
      if (previous?.type === 'MapIterationStarted') {
        const map = textOf(previous.details, 'name');
        const index = previous.details.index;
        if (map !== undefined && typeof index === 'number')
          lane = childLane(laneOfEvent.get(previous.id) ?? base, 'iteration', { state: map, index });
      } else if (previous?.type === 'ParallelStateStarted') {
        const parent = laneOfEvent.get(previous.id) ?? base;
        const parallel = parent.open?.visit.state;
        if (parallel !== undefined) {
          const attempt = parent.open?.attempts.at(-1)?.startedEventId ?? 0;
          const branch =
            (name === undefined ? undefined : states?.get(name)?.enclosing?.branch) ??
            [...parent.children.keys()].filter(
              (k) => k.startsWith(`branch:${parallel}:`) && k.endsWith(`:${attempt}`),
            ).length;
          lane = childLane(parent, 'branch', { state: parallel, index: branch });
        }
      }
      const entry = name === undefined ? undefined : states?.get(name);
      return entry === undefined ? lane : placed(lane, entry);
    }
    // Events that name their state (StateExited, MapIteration*, EvaluationFailed) go to the fiber where it is open.
    const owner = name ?? textOf(details, 'state');
    if (owner !== undefined) return nearest(base, (v) => v.visit.state === owner) ?? base;
    const ownerType = ownerTypeOf(type);
    if (ownerType !== undefined) return nearest(base, (v) => v.visit.type === ownerType) ?? base;
    return base;
  }

  /** Moves a state entry to the fiber its definition puts it in (a sibling branch, or back to an outer level). */
  function placed(lane: Lane, entry: StateEntry): Lane {
    const enclosing = entry.enclosing;
    if (enclosing === undefined) return root;
    for (let at: Lane | undefined = lane; at !== undefined; at = at.parent) {
      if (at.segment?.state !== enclosing.state) continue;
      if (at.kind === 'iteration' || at.segment.index === enclosing.branch) return at;
      return at.parent === undefined
        ? at
        : childLane(at.parent, 'branch', { state: enclosing.state, index: enclosing.branch });
    }
    return lane;
  }

  /**
   * The nearest fiber, from `lane` outwards, whose open visit satisfies `test`; failing that (events of concurrent
   * branches chained to each other), the fiber whose matching visit opened first.
   */
  function nearest(lane: Lane, test: (visit: VisitBuilder) => boolean): Lane | undefined {
    for (let at: Lane | undefined = lane; at !== undefined; at = at.parent)
      if (at.open !== undefined && test(at.open)) return at;
    let found: Lane | undefined;
    for (const other of lanes) {
      const open = other.open;
      if (
        open !== undefined &&
        test(open) &&
        (found?.open === undefined || open.visit.enteredEventId < found.open.visit.enteredEventId)
      )
        found = other;
    }
    return found;
  }

  function apply(event: ReadEvent, lane: Lane): void {
    const { type, details } = event;
    if (type === 'ExecutionStarted') {
      const input = jsonOf(details.input);
      if (input !== undefined) execution.input = input;
      return;
    }
    if (type.startsWith('Execution')) {
      applyExecutionEnd(event);
      return;
    }
    if (type.endsWith('StateEntered')) {
      if (lane.open !== undefined) lane.last = lane.open;
      const state = textOf(details, 'name') ?? '';
      if (lane.last !== undefined && lane.last.visit.next === undefined) lane.last.visit.next = state;
      const visit: MutableVisit = {
        state,
        type: type.slice(0, -'StateEntered'.length),
        path: lane.path,
        enteredEventId: event.id,
        enteredAt: event.at,
        status: 'running',
      };
      const input = jsonOf(details.input);
      if (input !== undefined) visit.input = input;
      const builder: VisitBuilder = { visit, attempts: [], eventIds: [event.id], aborted: false };
      lane.visits.push(builder);
      order.push(builder);
      lane.open = builder;
      return;
    }
    const open = lane.open;
    if (open === undefined) return;
    open.eventIds.push(event.id);
    if (type.endsWith('StateExited')) {
      open.visit.exitedEventId = event.id;
      open.visit.exitedAt = event.at;
      const output = jsonOf(details.output);
      if (output !== undefined) open.visit.output = output;
      const assigned = assignedOf(details);
      if (assigned !== undefined) open.visit.assigned = assigned;
      lane.last = open;
      lane.open = undefined;
      return;
    }
    if (type.startsWith('MapIteration')) return;
    if (type.endsWith('StateAborted')) {
      open.aborted = true;
      const attempt = open.attempts.at(-1);
      if (attempt !== undefined && attempt.outcome === 'pending') attempt.outcome = 'aborted';
      return;
    }
    if (type === 'EvaluationFailed') {
      open.evaluationError = {
        error: textOf(details, 'error') ?? '',
        ...(textOf(details, 'cause') === undefined ? {} : { cause: textOf(details, 'cause') }),
        eventId: event.id,
        at: event.at,
      };
      return;
    }
    applyAttemptEvent(event, open);
  }

  function applyAttemptEvent(event: ReadEvent, open: VisitBuilder): void {
    const { type, details } = event;
    const startsTry =
      type.endsWith('Scheduled') ||
      type.endsWith('ScheduleFailed') ||
      type === 'MapStateStarted' ||
      type === 'ParallelStateStarted';
    if (startsTry && open.evaluationError !== undefined) retryEvaluationFailure(open, open.evaluationError);
    // A call that could not even be scheduled is still an attempt, unless it ends the one pending.
    const startsAttempt =
      startsTry && !(type.endsWith('ScheduleFailed') && open.attempts.at(-1)?.outcome === 'pending');
    if (startsAttempt) {
      const attempt: MutableAttempt = {
        startedEventId: event.id,
        outcome: 'pending',
        startedAt: event.at,
        endedAt: event.at,
      };
      const resource = textOf(details, 'resource');
      const resourceType = textOf(details, 'resourceType');
      if (resource !== undefined) attempt.resource = resource;
      if (resourceType !== undefined) attempt.resourceType = resourceType;
      const input = jsonOf(details.parameters ?? details.input);
      if (input !== undefined && type.endsWith('Scheduled')) attempt.input = input;
      open.attempts.push(attempt);
    }
    const attempt = open.attempts.at(-1);
    if (attempt === undefined) return;
    attempt.endedAt = event.at;
    if (type.endsWith('Submitted')) {
      const submitted = jsonOf(details.output);
      if (submitted !== undefined) attempt.submitted = submitted;
    } else if (type.endsWith('Succeeded')) {
      if (type === 'MapRunSucceeded') return;
      attempt.outcome = 'succeeded';
      const result = jsonOf(details.output);
      if (result !== undefined) attempt.result = result;
    } else if (type.endsWith('Failed') || type.endsWith('TimedOut')) {
      attempt.outcome = type.endsWith('TimedOut') ? 'timed-out' : 'failed';
      const error = textOf(details, 'error');
      const cause = textOf(details, 'cause');
      // A Map's or Parallel's error comes from the failing iteration or branch, filled in at the end.
      if (error !== undefined) attempt.error = error;
      else if (type.endsWith('TimedOut')) attempt.error = 'States.Timeout';
      if (cause !== undefined) attempt.cause = cause;
    }
  }

  /**
   * A new try after an evaluation failure (`States.QueryEvaluationError` is retriable): the failure ended the try in
   * progress (its call succeeded, its Output or Assign did not), or was a try of its own that made no call.
   */
  function retryEvaluationFailure(
    open: VisitBuilder,
    failure: NonNullable<VisitBuilder['evaluationError']>,
  ): void {
    delete open.evaluationError;
    let tried = open.attempts.at(-1);
    if (tried === undefined || tried.outcome === 'failed' || tried.outcome === 'timed-out') {
      tried = {
        startedEventId: failure.eventId,
        outcome: 'pending',
        startedAt: failure.at,
        endedAt: failure.at,
      };
      open.attempts.push(tried);
    }
    tried.outcome = 'failed';
    tried.endedAt = failure.at;
    tried.error = failure.error;
    if (failure.cause === undefined) delete tried.cause;
    else tried.cause = failure.cause;
  }

  function applyExecutionEnd(event: ReadEvent): void {
    const { type, details } = event;
    execution.status =
      type === 'ExecutionSucceeded'
        ? 'SUCCEEDED'
        : type === 'ExecutionTimedOut'
          ? 'TIMED_OUT'
          : type === 'ExecutionAborted'
            ? 'ABORTED'
            : type === 'ExecutionFailed'
              ? 'FAILED'
              : execution.status;
    if (execution.status !== 'RUNNING') execution.endEventId = event.id;
    if (type === 'ExecutionSucceeded') {
      const output = jsonOf(details.output);
      if (output !== undefined) execution.output = output;
      return;
    }
    const error = textOf(details, 'error');
    const cause = textOf(details, 'cause');
    if (error !== undefined) execution.error = error;
    if (cause !== undefined) execution.cause = cause;
    const open = root.open;
    if (open === undefined) return;
    if (type === 'ExecutionFailed') {
      // The execution's error is the failing top-level state's error, exactly.
      open.failedAt = event.id;
      // A Fail state may give only a Cause: the execution then fails with that cause and no error name.
      if (open.visit.error === undefined && open.visit.cause === undefined) {
        if (error !== undefined) open.visit.error = error;
        if (cause !== undefined) open.visit.cause = cause;
      }
    } else {
      open.aborted = true;
    }
  }

  // Deepest fibers first, so a Map or Parallel sees the errors of its iterations and branches before it settles.
  const failures: { lane: Lane; builder: VisitBuilder }[] = [];
  for (let i = lanes.length - 1; i >= 0; i--) {
    const lane = lanes[i] as Lane;
    // The earliest failing iteration or branch of a Map/Parallel run gives the run its error.
    const children = failures.filter((f) => f.lane.parent === lane);
    children.sort((a, b) => a.lane.lastEventId - b.lane.lastEventId);
    for (const { lane: child, builder } of children) {
      const attempt = child.attempt;
      if (attempt !== undefined && attempt.error === undefined && builder.visit.error !== undefined) {
        attempt.error = builder.visit.error;
        if (builder.visit.cause !== undefined) attempt.cause = builder.visit.cause;
      }
    }
    for (const builder of lane.visits) finish(builder, states, execution.status !== 'RUNNING');
    const failing = lane.open;
    if (failing !== undefined && failing.visit.status === 'failed') failures.push({ lane, builder: failing });
  }

  const inspected = new Map(inspections?.map((i) => [i.enteredEventId, i]));
  for (const { visit } of order) {
    const inspection = inspected.get(visit.enteredEventId);
    if (inspection !== undefined && inspection.state === visit.state) visit.inspection = inspection;
    if (visit.type !== 'Choice') continue;
    const known = rules?.get(visit.enteredEventId);
    const entry = states?.get(visit.state);
    const rule =
      known ?? (entry?.state.Type === 'Choice' ? ruleByTarget(entry.state, visit.next) : undefined);
    if (rule !== undefined && rule !== 'ambiguous') visit.rule = rule;
  }
  return {
    visits: order.map(
      (b): StateVisit => ({
        ...b.visit,
        attempts: b.attempts.map((a) => ({ ...a })),
        retries: retriesOf(b.attempts),
        eventIds: b.eventIds,
      }),
    ),
    execution: { ...execution },
  };
}

/**
 * Settles a visit's status and error from its events. A visit that never finished, in an execution that ended, was
 * stopped by that end: no state runs once its execution is over.
 */
function finish(
  builder: VisitBuilder,
  states: ReadonlyMap<string, StateEntry> | undefined,
  executionEnded: boolean,
): void {
  const { visit, attempts } = builder;
  const last = attempts.at(-1);
  const failedAttempt =
    last !== undefined && (last.outcome === 'failed' || last.outcome === 'timed-out') ? last : undefined;
  const failure =
    builder.evaluationError ??
    (failedAttempt === undefined
      ? undefined
      : {
          error: failedAttempt.error,
          ...(failedAttempt.cause === undefined ? {} : { cause: failedAttempt.cause }),
        });
  if (failure?.error !== undefined && (visit.error === undefined || builder.evaluationError !== undefined)) {
    visit.error = failure.error;
    if (failure.cause !== undefined) visit.cause = failure.cause;
    else delete visit.cause;
  }
  if (visit.type === 'Fail' && visit.error === undefined) {
    const entry = states?.get(visit.state);
    if (entry?.state.Type === 'Fail') {
      const fail = failStateError(entry.state, visit.input);
      if (fail.error !== undefined) visit.error = fail.error;
      if (fail.cause !== undefined) visit.cause = fail.cause;
    }
  }
  if (visit.exitedEventId !== undefined) {
    visit.status = failure !== undefined ? 'caught' : 'succeeded';
  } else if (builder.aborted) {
    visit.status = 'aborted';
  } else if (
    visit.type === 'Fail' ||
    failure !== undefined ||
    builder.failedAt !== undefined ||
    visit.error !== undefined
  ) {
    visit.status = 'failed';
  } else if (executionEnded) {
    visit.status = 'aborted';
  }
}

function retriesOf(attempts: readonly Attempt[]): RetryRecord[] {
  const out: RetryRecord[] = [];
  for (let i = 0; i + 1 < attempts.length; i++) {
    const failed = attempts[i] as Attempt;
    const next = attempts[i + 1] as Attempt;
    const delay = (next.startedAt - failed.endedAt) / 1000;
    out.push({
      error: failed.error ?? '',
      ...(failed.cause === undefined ? {} : { cause: failed.cause }),
      delaySeconds: Number.isFinite(delay) ? Math.round(delay * 1000) / 1000 : 0,
    });
  }
  return out;
}
