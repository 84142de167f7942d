import type { JsonValue } from '@stepcraft/asl';
import type { ExecutionView } from '../history/view.js';
import type { PathSegment, StateVisit } from '../history/visits.js';
import { firstDifference } from '../json.js';

/** What differs between an AWS execution and its local replay. */
export type DivergenceField =
  | 'path'
  | 'entered'
  | 'input'
  | 'task call'
  | 'task input'
  | 'output'
  | 'assigned'
  | 'error'
  | 'cause'
  | 'status';

/** One place where the local run parts from AWS's, located by AWS's event. */
export interface Divergence {
  /** Id of the AWS event where the runs part. */
  readonly eventId: number;
  /** The state the event belongs to, and its Map iterations / Parallel branches (absent for the execution's end). */
  readonly state?: string;
  readonly path: readonly PathSegment[];
  readonly field: DivergenceField;
  /** Where inside the value they first differ (`$.total`), for values. */
  readonly at?: string;
  /** The two values there (undefined when absent). */
  readonly aws: JsonValue | undefined;
  readonly local: JsonValue | undefined;
  /** The local event that corresponds, when there is one. */
  readonly localEventId?: number;
  readonly message: string;
}

const keyOf = (visit: StateVisit, occurrence: number): string =>
  JSON.stringify([visit.path.map((s) => [s.state, s.index]), visit.state, occurrence]);

/** Visits by fiber, state and occurrence: the n-th visit of a state in one iteration or branch. */
function keyed(visits: readonly StateVisit[]): Map<string, StateVisit> {
  const counts = new Map<string, number>();
  const out = new Map<string, StateVisit>();
  for (const visit of visits) {
    const base = keyOf(visit, 0);
    const occurrence = counts.get(base) ?? 0;
    counts.set(base, occurrence + 1);
    out.set(keyOf(visit, occurrence), visit);
  }
  return out;
}

function where(visit: StateVisit): string {
  const path = visit.path.map((s) => `${s.state}[${s.index}]`).join('/');
  return `"${visit.state}"${path === '' ? '' : ` (in ${path})`}`;
}

/** The order divergences at the same AWS event are reported in: the cause (a different path) first. */
const PRIORITY: Readonly<Record<DivergenceField, number>> = {
  path: 0,
  entered: 1,
  input: 2,
  'task call': 3,
  'task input': 4,
  error: 5,
  cause: 6,
  output: 7,
  assigned: 8,
  status: 9,
};

const show = (value: JsonValue | undefined): string =>
  value === undefined ? 'nothing' : JSON.stringify(value);

/**
 * Every divergence between AWS's execution and the local one, in AWS event order: for each state visit AWS
 * recorded (matched by fiber, state and occurrence), the path taken, input, task calls and their inputs, error,
 * output and assigned variables, as far as AWS's history holds them; then how the execution ended.
 */
export function divergences(
  aws: ExecutionView,
  local: ExecutionView,
  ignoreKeys: ReadonlySet<string>,
): Divergence[] {
  const out: Divergence[] = [];
  const localVisits = keyed(local.visits);
  const awsVisits = keyed(aws.visits);
  const matched = new Set<StateVisit>();
  const missedNext = new Set<number>();
  const value = (
    field: DivergenceField,
    eventId: number,
    visit: StateVisit,
    awsValue: JsonValue | undefined,
    localValue: JsonValue | undefined,
    localEventId: number | undefined,
    label: string,
  ): void => {
    const difference = firstDifference(awsValue, localValue, ignoreKeys);
    if (difference === undefined) return;
    const inside = difference.at === '$' ? '' : ` at ${difference.at}`;
    out.push({
      eventId,
      state: visit.state,
      path: visit.path,
      field,
      at: difference.at,
      aws: difference.left,
      local: difference.right,
      ...(localEventId === undefined ? {} : { localEventId }),
      message: `The ${label} of ${where(visit)} differs${inside}: AWS ${show(difference.left)}, local ${show(difference.right)}`,
    });
  };

  for (const [key, visit] of awsVisits) {
    const mine = localVisits.get(key);
    if (mine === undefined) {
      if (!missedNext.has(visit.enteredEventId)) {
        out.push({
          eventId: visit.enteredEventId,
          state: visit.state,
          path: visit.path,
          field: 'entered',
          aws: visit.state,
          local: undefined,
          message: `AWS entered ${where(visit)}; the local run did not`,
        });
      }
      continue;
    }
    matched.add(mine);
    if (visit.input !== undefined)
      value('input', visit.enteredEventId, visit, visit.input, mine.input, mine.enteredEventId, 'input');
    visit.attempts.forEach((attempt, i) => {
      const local = mine.attempts[i];
      if (local === undefined) {
        out.push({
          eventId: attempt.startedEventId,
          state: visit.state,
          path: visit.path,
          field: 'task call',
          aws: i + 1,
          local: mine.attempts.length,
          message: `AWS ran ${where(visit)} ${visit.attempts.length} time(s); the local run ${mine.attempts.length}`,
        });
      } else if (attempt.input !== undefined) {
        value(
          'task input',
          attempt.startedEventId,
          visit,
          attempt.input,
          local.input,
          local.startedEventId,
          'task input',
        );
      }
    });
    if (mine.attempts.length > visit.attempts.length) {
      out.push({
        eventId: visit.attempts.at(-1)?.startedEventId ?? visit.enteredEventId,
        state: visit.state,
        path: visit.path,
        field: 'task call',
        aws: visit.attempts.length,
        local: mine.attempts.length,
        message: `AWS ran ${where(visit)} ${visit.attempts.length} time(s); the local run ${mine.attempts.length}`,
      });
    }
    const lastEvent = visit.eventIds.at(-1) ?? visit.enteredEventId;
    if (visit.error !== undefined && visit.error !== mine.error) {
      value('error', lastEvent, visit, visit.error, mine.error ?? undefined, undefined, 'error');
    } else if (visit.cause !== undefined && mine.cause !== visit.cause) {
      value('cause', lastEvent, visit, visit.cause, mine.cause, undefined, 'cause');
    }
    if (visit.exitedEventId !== undefined) {
      if (mine.exitedEventId === undefined) {
        out.push({
          eventId: visit.exitedEventId,
          state: visit.state,
          path: visit.path,
          field: 'output',
          aws: visit.output,
          local: undefined,
          message: `AWS left ${where(visit)}; the local run did not (${mine.status}${mine.error === undefined ? '' : ` with ${mine.error}`})`,
        });
      } else {
        if (visit.output !== undefined)
          value(
            'output',
            visit.exitedEventId,
            visit,
            visit.output,
            mine.output,
            mine.exitedEventId,
            'output',
          );
        if (visit.assigned !== undefined || mine.assigned !== undefined)
          value(
            'assigned',
            visit.exitedEventId,
            visit,
            visit.assigned,
            mine.assigned,
            mine.exitedEventId,
            'assigned variables',
          );
      }
    }
    if (visit.next !== undefined && mine.next !== visit.next) {
      const nextVisit = aws.visits.find((v) => v.enteredEventId > lastEvent && v.state === visit.next);
      const eventId = nextVisit?.enteredEventId ?? lastEvent;
      missedNext.add(eventId);
      out.push({
        eventId,
        state: visit.state,
        path: visit.path,
        field: 'path',
        aws: visit.next,
        local: mine.next,
        message: `After ${where(visit)}, AWS went to "${visit.next}" and the local run ${mine.next === undefined ? 'went nowhere' : `to "${mine.next}"`}`,
      });
    }
  }

  const lastAwsEvent = Math.max(0, ...aws.visits.flatMap((v) => v.eventIds));
  for (const mine of local.visits) {
    if (matched.has(mine)) continue;
    const enclosing = aws.visits.findLast(
      (v) => v.path.length < mine.path.length && mine.path[v.path.length]?.state === v.state,
    );
    const previous = out.some((d) => d.field === 'path' && d.local === mine.state);
    if (previous) continue;
    out.push({
      eventId: enclosing?.eventIds.at(-1) ?? lastAwsEvent,
      state: mine.state,
      path: mine.path,
      field: 'entered',
      aws: undefined,
      local: mine.state,
      localEventId: mine.enteredEventId,
      message: `The local run entered ${where(mine)}; AWS did not`,
    });
  }

  const endEvent = aws.endEventId ?? lastAwsEvent;
  if (aws.status !== 'RUNNING') {
    const end = (
      field: DivergenceField,
      awsValue: JsonValue | undefined,
      localValue: JsonValue | undefined,
      label: string,
    ) => {
      const difference = firstDifference(awsValue, localValue, ignoreKeys);
      if (difference === undefined) return;
      out.push({
        eventId: endEvent,
        path: [],
        field,
        at: difference.at,
        aws: difference.left,
        local: difference.right,
        message: `The execution's ${label} differs${difference.at === '$' ? '' : ` at ${difference.at}`}: AWS ${show(difference.left)}, local ${show(difference.right)}`,
      });
    };
    end('status', aws.status, local.status, 'status');
    if (aws.status === 'SUCCEEDED') end('output', aws.output, local.output, 'output');
    else {
      end('error', aws.error, local.error, 'error');
      if (aws.cause !== undefined) end('cause', aws.cause, local.cause, 'cause');
    }
  }
  return out.sort((a, b) => a.eventId - b.eventId || PRIORITY[a.field] - PRIORITY[b.field]);
}
