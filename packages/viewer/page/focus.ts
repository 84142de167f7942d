import type { Lane, RunModel, Visit, VisitStatus } from './analyze.js';

/**
 * An iteration or branch picked: its index and, for a retried Map or Parallel, which attempt ran it (absent: the
 * lane at this index in every attempt, as a branch picked in the graph).
 */
export interface LanePick {
  readonly index: number;
  readonly attempt?: number;
}

/** Which iteration or branch is picked, by Map or Parallel state name; unpicked ones show all their lanes. */
export type Focus = ReadonlyMap<string, LanePick>;

/** The pick of exactly this lane. */
export function pickOf(lane: Lane): LanePick {
  return { index: lane.index, attempt: lane.attempt };
}

/** True when the pick selects the lane. */
export function isPicked(pick: LanePick | undefined, lane: Lane): boolean {
  return pick !== undefined && pick.index === lane.index && (pick.attempt ?? lane.attempt) === lane.attempt;
}

/** A state's colour: how its visits in focus went, or `not-run`. */
export type StateStatus = VisitStatus | 'not-run';

/** The worst status first: one failed iteration colours the state failed. */
const PRIORITY: readonly VisitStatus[] = ['failed', 'caught', 'retried', 'aborted', 'running', 'succeeded'];

/** True when every Map/Parallel around the visit is either unpicked or picked at this visit's lane. */
export function isInFocus(visit: Visit, focus: Focus): boolean {
  if (focus.size === 0) return true;
  for (let lane = visit.lane; lane.owner !== undefined; lane = lane.owner.lane) {
    const picked = focus.get(lane.owner.state);
    if (picked !== undefined && !isPicked(picked, lane)) return false;
  }
  return true;
}

/** The visits of a state that are in focus, in entry order. */
export function visitsInFocus(model: RunModel, state: string, focus: Focus): readonly Visit[] {
  const visits = model.visitsByState.get(state) ?? [];
  return focus.size === 0 ? visits : visits.filter((visit) => isInFocus(visit, focus));
}

/** Each state's status and visit count in focus (states never entered are absent: not run). */
export function stateStatuses(
  model: RunModel,
  focus: Focus,
): ReadonlyMap<string, { readonly status: VisitStatus; readonly count: number }> {
  const statuses = new Map<string, { status: VisitStatus; count: number }>();
  for (const visit of model.visits) {
    if (!isInFocus(visit, focus)) continue;
    const found = statuses.get(visit.state);
    if (found === undefined) statuses.set(visit.state, { status: visit.status, count: 1 });
    else {
      found.count++;
      if (PRIORITY.indexOf(visit.status) < PRIORITY.indexOf(found.status)) found.status = visit.status;
    }
  }
  return statuses;
}

/**
 * The transitions taken by the visits in focus, as `from>to` state names; `''` stands for the start and end
 * markers of the execution (the start of the first state, the end after the last).
 */
export function takenTransitions(model: RunModel, focus: Focus): ReadonlySet<string> {
  const taken = new Set<string>();
  const lanes = [model.execution, ...model.visits.flatMap((visit) => [...visit.lanes.values()])];
  for (const lane of lanes) {
    if (lane.owner !== undefined && !isInFocus(lane.owner, focus)) continue;
    if (
      lane.owner !== undefined &&
      focus.has(lane.owner.state) &&
      !isPicked(focus.get(lane.owner.state), lane)
    ) {
      continue;
    }
    lane.visits.forEach((visit, index) => {
      const before = lane.visits[index - 1];
      if (before !== undefined) taken.add(`${before.state}>${visit.state}`);
      else if (lane.kind === 'execution') taken.add(`>${visit.state}`);
    });
    const last = lane.visits.at(-1);
    if (lane.kind === 'execution' && last !== undefined && lane.status !== 'running')
      taken.add(`${last.state}>`);
  }
  return taken;
}

/** The label of the lane a visit ran in (`''` at the top level). */
export function laneLabel(visit: Visit): string {
  return visit.lane.kind === 'execution'
    ? ''
    : pickLabel(visit.lane.kind, pickOf(visit.lane), isRetried(visit.lane));
}

/**
 * `iteration 3` or `branch 2` (branches are numbered from 1, as the graph labels them), with `, attempt 2` when
 * the Map or Parallel ran more than once (attempts are numbered from 1, as the retries list counts them).
 */
export function pickLabel(kind: 'iteration' | 'branch', pick: LanePick, withAttempt: boolean): string {
  const lane = kind === 'branch' ? `branch ${pick.index + 1}` : `iteration ${pick.index}`;
  return withAttempt && pick.attempt !== undefined ? `${lane}, attempt ${pick.attempt + 1}` : lane;
}

/** True when the lane's Map or Parallel ran its lanes more than once. */
export function isRetried(lane: Lane): boolean {
  return (lane.owner?.attempts.length ?? 0) > 1;
}
