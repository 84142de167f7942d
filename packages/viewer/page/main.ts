import type { DevContext, PageData } from '../src/page-data.js';
import { analyzeRun, type RunModel, type Visit } from './analyze.js';
import { type BottomList, createEventList, createTimeline } from './bottom-views.js';
import { renderDetails } from './details-view.js';
import { h, replaceChildren } from './dom.js';
import { type LanePick, pickLabel, pickOf, stateStatuses, takenTransitions, visitsInFocus } from './focus.js';
import { formatCount, formatDuration } from './format.js';
import { createGraphView, type GraphTarget } from './graph-view.js';

declare global {
  interface Window {
    /** Milliseconds from navigation start until the page was first drawn (read by the browser tests). */
    stepcraftLoadMs?: number;
  }
}

const data = JSON.parse(document.getElementById('stepcraft-data')?.textContent ?? '{}') as PageData;
const app = document.getElementById('app') as HTMLElement;
if (data.dev !== undefined) showDev(data.dev);
if (data.run !== undefined && data.layout !== undefined) showRun(data, analyzeRun(data.run));
requestAnimationFrame(() => {
  window.stepcraftLoadMs = performance.now();
  document.documentElement.dataset.ready = 'true';
});

function showRun(page: PageData, model: RunModel): void {
  const { run } = model;
  const layout = page.layout;
  if (layout === undefined) return;
  const focus = new Map<string, LanePick>();
  let selectedState: string | undefined;
  let selectedVisit: Visit | undefined;

  const graph = createGraphView(layout, (target) => pickFromGraph(target));
  const details = h('aside', { id: 'details' });
  const timeline: BottomList = createTimeline(
    model,
    () => selectedVisit,
    (visit) => pickVisit(visit, true),
  );
  const events: BottomList = createEventList(
    model,
    () => selectedVisit,
    (visit) => pickVisit(visit, true),
  );
  const tabs = h(
    'div',
    { class: 'tabs', role: 'tablist' },
    h(
      'button',
      { type: 'button', 'data-tab': 'timeline', class: 'active' },
      `Timeline (${formatCount(model.visits.length)} states)`,
    ),
    h('button', { type: 'button', 'data-tab': 'events' }, `Events (${formatCount(model.events.length)})`),
  );
  events.element.hidden = true;
  tabs.addEventListener('click', (event) => {
    const tab = event.target instanceof HTMLElement ? event.target.dataset.tab : undefined;
    if (tab === undefined) return;
    for (const button of tabs.querySelectorAll<HTMLElement>('[data-tab]')) {
      button.classList.toggle('active', button.dataset.tab === tab);
    }
    timeline.element.hidden = tab !== 'timeline';
    events.element.hidden = tab !== 'events';
    (tab === 'timeline' ? timeline : events).list.refresh();
  });
  const focusBar = h('div', { class: 'focus-bar', id: 'focus-bar' });

  app.append(
    summary(page, model),
    h('main', {}, h('section', { id: 'graph' }, focusBar, graph.element), details),
    h('section', { id: 'bottom' }, tabs, timeline.element, events.element),
  );

  let shownVisit: Visit | undefined;
  let shownState: string | undefined;
  const update = () => {
    const statuses = stateStatuses(model, focus);
    graph.paint(statuses, takenTransitions(model, focus), selectedState, focus);
    replaceChildren(
      details,
      renderDetails({
        model,
        focus,
        state: selectedState,
        visit: selectedVisit,
        status: selectedState === undefined ? 'not-run' : (statuses.get(selectedState)?.status ?? 'not-run'),
        selectVisit: (visit) => pickVisit(visit, true),
        focusLane: (state, pick) => {
          if (pick === undefined) focus.delete(state);
          else focus.set(state, pick);
          keepVisitInFocus();
          update();
        },
      }),
    );
    replaceChildren(
      focusBar,
      ...[...focus].map(([state, pick]) => {
        const kind = model.states.get(state)?.type === 'Parallel' ? 'branch' : 'iteration';
        const isRetried = model.visitsByState.get(state)?.some((visit) => visit.attempts.length > 1) ?? false;
        const chip = h(
          'button',
          { type: 'button', class: 'focus-chip', 'data-focus': state, title: 'Show all again' },
          `${state}: ${pickLabel(kind, pick, isRetried)} ✕`,
        );
        chip.addEventListener('click', () => {
          focus.delete(state);
          keepVisitInFocus();
          update();
        });
        return chip;
      }),
    );
    // Another state or visit starts at the top of its details; the same one (after a focus change) keeps its place.
    if (selectedVisit !== shownVisit || selectedState !== shownState) details.scrollTop = 0;
    shownVisit = selectedVisit;
    shownState = selectedState;
    focusBar.hidden = focus.size === 0;
    timeline.list.refresh();
    events.list.refresh();
  };

  /** After the focus changed: keep the selected state, showing its first visit in focus. */
  const keepVisitInFocus = () => {
    if (selectedState === undefined) return;
    const visits = visitsInFocus(model, selectedState, focus);
    if (selectedVisit === undefined || !visits.includes(selectedVisit))
      selectedVisit = preferredVisit(visits);
  };

  const pickVisit = (visit: Visit, fromList: boolean) => {
    selectedState = visit.state;
    selectedVisit = visit;
    // Show the graph as this visit saw it: its iteration and branch picked in every enclosing Map and Parallel.
    for (let lane = visit.lane; lane.owner !== undefined; lane = lane.owner.lane)
      if (focus.has(lane.owner.state)) focus.set(lane.owner.state, pickOf(lane));
    update();
    graph.reveal(visit.state);
    if (!fromList) {
      timeline.reveal(visit);
      events.reveal(visit);
    }
  };

  const pickFromGraph = (target: GraphTarget) => {
    if (target.kind === 'branch') {
      // The graph has one box per branch: it picks that branch in every attempt.
      if (focus.get(target.parallel)?.index === target.index) focus.delete(target.parallel);
      else focus.set(target.parallel, { index: target.index });
      keepVisitInFocus();
      update();
      return;
    }
    const visits = visitsInFocus(model, target.name, focus);
    const visit = preferredVisit(visits);
    if (visit === undefined) {
      selectedState = target.name;
      selectedVisit = undefined;
      update();
    } else {
      pickVisit(visit, false);
    }
  };

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    selectedState = undefined;
    selectedVisit = undefined;
    update();
  });
  document.title = `${run.workflow} · ${run.status} · Stepcraft`;
  update();
}

/** The visit to show first: the one that failed, else the first. */
function preferredVisit(visits: readonly Visit[]): Visit | undefined {
  return visits.find((visit) => visit.status === 'failed' || visit.status === 'caught') ?? visits[0];
}

/** The execution's status, duration and counts, with a slot for its cost. */
function summary(page: PageData, model: RunModel): HTMLElement {
  const run = model.run;
  const status = run.status.toLowerCase().replace('_', '-');
  return h(
    'header',
    { id: 'summary' },
    h('h1', {}, run.workflow),
    h('span', { class: `pill st-${status}`, id: 'run-status' }, run.status),
    metric('Duration', formatDuration(model.durationMs), 'duration'),
    metric('States entered', formatCount(run.stats.transitions), 'transitions'),
    metric('Events', formatCount(run.stats.events), 'events'),
    // Filled by the cost estimate when a run record carries one.
    h('span', { class: 'metric', id: 'cost', hidden: '' }),
    run.error === undefined
      ? undefined
      : h(
          'span',
          { class: 'run-error', id: 'run-error' },
          run.error,
          run.cause === undefined ? '' : `: ${run.cause}`,
        ),
    page.run?.inspections === undefined ? undefined : h('span', { class: 'metric' }, 'with I/O inspection'),
  );
}

function metric(label: string, value: string, id: string): HTMLElement {
  return h(
    'span',
    { class: 'metric', id },
    h('span', { class: 'metric-label' }, label),
    ' ',
    h('strong', {}, value),
  );
}

/** The dev loop's bar: the fixture runs, the problems of the last build, and live reload. */
function showDev(dev: DevContext): void {
  const runs = h(
    'nav',
    { id: 'runs' },
    h(
      'span',
      { class: 'dev-build' },
      `stepcraft dev · build ${dev.build}${dev.isStale ? ' (showing the last good run)' : ''}`,
    ),
    ...dev.runs.map((link) =>
      h(
        'a',
        {
          href: link.href,
          class: `run-link st-${link.status.toLowerCase().replace('_', '-')}${link.isCurrent ? ' current' : ''}`,
        },
        `${link.label} · ${link.status}`,
      ),
    ),
  );
  const problems =
    dev.problems.length === 0
      ? undefined
      : h(
          'div',
          { id: 'problems' },
          ...dev.problems.map((problem) =>
            h(
              'div',
              { class: `problem kind-${problem.kind}`, 'data-kind': problem.kind },
              h('strong', {}, `${problemTitle(problem.kind)}`),
              h('pre', {}, problem.message),
            ),
          ),
        );
  app.append(runs, ...(problems === undefined ? [] : [problems]));
  // `hello` says which build the server has: a build that finished while this page loaded reloads it too.
  const source = new EventSource(dev.events);
  source.addEventListener('reload', () => location.reload());
  source.addEventListener('hello', (event) => {
    if (Number((event as MessageEvent<string>).data) !== dev.build) location.reload();
  });
}

function problemTitle(kind: DevContext['problems'][number]['kind']): string {
  const titles = {
    type: 'Type errors',
    validation: 'Invalid definition',
    load: 'Could not load the workflow',
    input: 'Could not read an input',
    run: 'Could not run',
  } as const satisfies Record<typeof kind, string>;
  return titles[kind];
}
