import type { ModelEvent, RunModel, Visit } from './analyze.js';
import { h } from './dom.js';
import { laneLabel } from './focus.js';
import { formatDuration, formatOffset, preview } from './format.js';
import { createVirtualList, type VirtualList } from './virtual-list.js';

/** A list in the bottom panel that highlights the selected visit and can scroll to it. */
export interface BottomList {
  readonly element: HTMLElement;
  readonly list: VirtualList;
  /** Scrolls to the selected visit's row. */
  reveal(visit: Visit): void;
}

const ROW = 24;

/**
 * Every visit on the execution's clock, one row each in entry order: the state (indented by nesting, with its
 * iteration or branch) and a bar from entry to exit, coloured by how it went.
 */
export function createTimeline(
  model: RunModel,
  selected: () => Visit | undefined,
  onPick: (visit: Visit) => void,
): BottomList {
  const duration = model.durationMs;
  const scale = (ms: number) => (duration <= 0 ? 0 : (ms / duration) * 100);
  const list = createVirtualList({
    className: 'timeline-rows',
    rowHeight: ROW,
    renderRow(row, index) {
      const visit = model.visits[index] as Visit;
      row.className = `vl-row timeline-row${visit === selected() ? ' selected' : ''}`;
      const depth = depthOf(visit);
      const label = h('span', { class: 'tl-label', title: visit.state }, visit.state);
      label.style.paddingLeft = `${6 + depth * 14}px`;
      const lane = laneLabel(visit);
      const bar = h('span', { class: `tl-bar st-${visit.status}` });
      bar.style.left = `${scale(visit.startMs)}%`;
      bar.style.width = `${scale(visit.endMs - visit.startMs)}%`;
      row.replaceChildren(
        label,
        h('span', { class: 'tl-lane', title: lane }, lane),
        h(
          'span',
          {
            class: 'tl-track',
            title: `${formatOffset(visit.startMs)} · ${formatDuration(visit.endMs - visit.startMs)}`,
          },
          bar,
        ),
      );
    },
  });
  list.element.addEventListener('click', (event) => {
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>('.vl-row') : null;
    const visit = row === null ? undefined : model.visits[Number(row.dataset.index)];
    if (visit !== undefined) onPick(visit);
  });
  const ticks = (duration === 0 ? [0] : [0, 0.25, 0.5, 0.75, 1]).map((at) => {
    const tick = h('span', { class: 'tl-tick' }, formatDuration(duration * at));
    tick.style.left = `${at * 100}%`;
    return tick;
  });
  const axis = h(
    'div',
    { class: 'tl-axis' },
    h(
      'span',
      { class: 'tl-axis-note' },
      duration === 0 ? 'Execution clock: all at one instant' : 'Execution clock',
    ),
    h('span', { class: 'tl-axis-track' }, ...ticks),
  );
  const element = h('div', { class: 'timeline', 'data-view': 'timeline' }, axis, list.element);
  list.setCount(model.visits.length);
  return { element, list, reveal: (visit) => list.reveal(visit.index) };
}

/** Every history event, one row each: id, time, type, state and the gist of its details. */
export function createEventList(
  model: RunModel,
  selected: () => Visit | undefined,
  onPick: (visit: Visit) => void,
): BottomList {
  const list = createVirtualList({
    className: 'event-rows',
    rowHeight: ROW,
    renderRow(row, index) {
      const event = model.events[index] as ModelEvent;
      const isSelected = event.visit !== undefined && event.visit === selected();
      row.className = `vl-row event-row${isSelected ? ' selected' : ''}${isFailure(event.type) ? ' failure' : ''}`;
      row.replaceChildren(
        h('span', { class: 'ev-id' }, `#${event.id}`),
        h('span', { class: 'ev-time' }, formatOffset(event.atMs)),
        h('span', { class: 'ev-type' }, event.type),
        h('span', { class: 'ev-state' }, event.visit?.state ?? ''),
        h('span', { class: 'ev-summary' }, summary(event)),
      );
    },
  });
  list.element.addEventListener('click', (event) => {
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>('.vl-row') : null;
    const visit = row === null ? undefined : model.events[Number(row.dataset.index)]?.visit;
    if (visit !== undefined) onPick(visit);
  });
  const element = h(
    'div',
    { class: 'events', 'data-view': 'events' },
    h(
      'div',
      { class: 'event-head' },
      h('span', { class: 'ev-id' }, 'Id'),
      h('span', { class: 'ev-time' }, 'Time'),
      h('span', { class: 'ev-type' }, 'Type'),
      h('span', { class: 'ev-state' }, 'State'),
      h('span', { class: 'ev-summary' }, 'Details'),
    ),
    list.element,
  );
  list.setCount(model.events.length);
  const firstEventOf = new Map<Visit, number>();
  model.events.forEach((event, index) => {
    if (event.visit !== undefined && !firstEventOf.has(event.visit)) firstEventOf.set(event.visit, index);
  });
  return { element, list, reveal: (visit) => list.reveal(firstEventOf.get(visit) ?? 0) };
}

function depthOf(visit: Visit): number {
  let depth = 0;
  for (let lane = visit.lane; lane.owner !== undefined; lane = lane.owner.lane) depth++;
  return depth;
}

function isFailure(type: string): boolean {
  return type.endsWith('Failed') || type.endsWith('TimedOut') || type.endsWith('Aborted');
}

/** The gist of an event's details: its error, its iteration, or the start of its payload. */
function summary(event: ModelEvent): string {
  const details = event.details;
  if (details === undefined) return '';
  const field = (key: string) => (Object.hasOwn(details, key) ? details[key] : undefined);
  const error = field('error');
  if (typeof error === 'string') {
    const cause = field('cause');
    return typeof cause === 'string' ? `${error}: ${preview(cause, 120)}` : error;
  }
  const index = field('index');
  if (typeof index === 'number') return `index ${index}`;
  for (const key of ['output', 'input', 'parameters']) {
    const value = field(key);
    if (typeof value === 'string') return preview(value, 160);
  }
  return '';
}
