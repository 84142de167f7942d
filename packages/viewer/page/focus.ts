import type { RunModel, Visit, VisitStatus } from './analyze.js';

/** Which iteration or branch is picked, by Map or Parallel state name; unpicked ones show all their lanes. */
export type Focus = ReadonlyMap<string, number>;

/** A state's colour: how its visits in focus went, or `not-run`. */
export type StateStatus = VisitStatus | 'not-run';

/** The worst status first: one failed iteration colours the state failed. */
const PRIORITY: readonly VisitStatus[] = ['failed', 'caught', 'retried', 'aborted', 'running', 'succeeded'];

/** True when every Map/Parallel around the visit is either unpicked or picked at this visit's lane. */
export function isInFocus(visit: Visit, focus: Focus): boolean {
  if (focus.size === 0) return true;
  for (let lane = visit.lane; lane.owner !== undefined; lane = lane.owner.lane) {
    const picked = focus.get(lane.owner.state);
    if (picked !== undefined && picked !== lane.index) return false;
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
      focus.get(lane.owner.state) !== lane.index
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

/** `iteration 3` or `branch 2` (branches are numbered from 1, as the graph labels them). */
export function laneLabel(visit: Visit): string {
  const lane = visit.lane;
  if (lane.kind === 'iteration') return `iteration ${lane.index}`;
  if (lane.kind === 'branch') return `branch ${lane.index + 1}`;
  return '';
}
