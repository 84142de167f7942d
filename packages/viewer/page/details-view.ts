import type { StateInspection } from '../src/record/run-record.js';
import { type Lane, type RunModel, retriesOf, type Visit } from './analyze.js';
import { type Child, h } from './dom.js';
import {
  type Focus,
  isPicked,
  isRetried,
  type LanePick,
  laneLabel,
  pickLabel,
  pickOf,
  type StateStatus,
  visitsInFocus,
} from './focus.js';
import {
  formatCount,
  formatDuration,
  formatOffset,
  prettyJson,
  prettyValue,
  TEXT_PREVIEW,
} from './format.js';
import { createVirtualList } from './virtual-list.js';

/** What the details pane shows and what it can ask for. */
export interface DetailsInput {
  readonly model: RunModel;
  readonly focus: Focus;
  /** The selected state, and which of its visits. */
  readonly state: string | undefined;
  readonly visit: Visit | undefined;
  readonly status: StateStatus;
  selectVisit(visit: Visit): void;
  /** Picks an iteration or branch of a Map or Parallel (undefined: show them all). */
  focusLane(state: string, pick: LanePick | undefined): void;
}

/** The I/O steps of AWS TestState's inspection data, in the order a state applies them. */
const INSPECTION_STEPS: readonly (readonly [keyof StateInspection, string])[] = [
  ['afterInputPath', 'After InputPath'],
  ['afterParameters', 'After Parameters / ItemSelector'],
  ['afterArguments', 'After Arguments'],
  ['result', 'Result'],
  ['afterResultSelector', 'After ResultSelector'],
  ['afterResultPath', 'After ResultPath'],
];

/** The details pane: the execution when nothing is selected, else the selected state's visit. */
export function renderDetails(input: DetailsInput): HTMLElement {
  return input.state === undefined ? executionDetails(input.model) : stateDetails(input, input.state);
}

function executionDetails(model: RunModel): HTMLElement {
  const { run } = model;
  return h(
    'div',
    { class: 'details', 'data-details': 'execution' },
    h('h2', {}, run.workflow, ' ', pill(run.status.toLowerCase().replace('_', '-'), run.status)),
    facts([
      ['Started', new Date(model.startedAt).toISOString()],
      ['Duration', formatDuration(model.durationMs)],
      ['States entered', formatCount(run.stats.transitions)],
      ['Events', formatCount(run.stats.events)],
    ]),
    run.error === undefined && run.cause === undefined ? undefined : errorBox(run.error, run.cause),
    section('Input', jsonBlock(prettyValue(run.input))),
    run.output === undefined ? undefined : section('Output', jsonBlock(prettyValue(run.output))),
    h('p', { class: 'hint' }, 'Select a state in the graph, the timeline or the event list to see its data.'),
  );
}

function stateDetails(input: DetailsInput, state: string): HTMLElement {
  const { model, focus, visit } = input;
  const type = model.states.get(state)?.type ?? visit?.type ?? 'State';
  const visits = visitsInFocus(model, state, focus);
  const position = visit === undefined ? -1 : visits.indexOf(visit);
  const header = h(
    'h2',
    {},
    state,
    ' ',
    h('span', { class: 'state-type' }, type),
    ' ',
    pill(input.status, input.status.replace('-', ' ')),
  );
  if (visit === undefined || position < 0) {
    return h(
      'div',
      { class: 'details', 'data-details': 'state', 'data-state': state },
      header,
      h(
        'p',
        { class: 'not-run' },
        focus.size > 0 ? 'Not run in the picked iteration or branch.' : 'Not run.',
      ),
    );
  }
  const previous = visits[position - 1];
  const next = visits[position + 1];
  const lane = laneLabel(visit);
  const nav =
    visits.length > 1
      ? h(
          'div',
          { class: 'visit-nav' },
          navButton('‹', 'Previous visit', previous, input),
          h(
            'span',
            { class: 'visit-position' },
            `visit ${formatCount(position + 1)} of ${formatCount(visits.length)}`,
          ),
          navButton('›', 'Next visit', next, input),
        )
      : undefined;
  return h(
    'div',
    { class: 'details', 'data-details': 'state', 'data-state': state, 'data-visit': visit.index },
    header,
    nav,
    facts([
      ['Entered', formatOffset(visit.startMs)],
      ['Duration', formatDuration(visit.endMs - visit.startMs)],
      ...(lane === '' ? [] : [['In', `${lane} of ${visit.lane.owner?.state ?? ''}`] as const]),
      [
        'Events',
        `#${visit.enteredEventId}${visit.exitedEventId === undefined ? '' : `–#${visit.exitedEventId}`}`,
      ],
    ]),
    visit.error === undefined && visit.cause === undefined
      ? undefined
      : errorBox(visit.error, visit.cause, visit.status === 'caught' ? 'Caught' : 'Failed'),
    retries(visit),
    section('Input', visit.input === undefined ? missing() : jsonBlock(prettyJson(visit.input))),
    ioSteps(visit),
    section(
      'Output',
      visit.output !== undefined
        ? jsonBlock(prettyJson(visit.output))
        : visit.inspection?.output !== undefined
          ? jsonBlock(prettyValue(visit.inspection.output))
          : missing(visit.status === 'running' ? 'Not finished.' : 'No output: the state did not exit.'),
    ),
    variables(visit),
    lanes(input, visit),
  );
}

/** The value after each I/O step: from the run's inspection data, or what the history shows of a Task call. */
function ioSteps(visit: Visit): HTMLElement | undefined {
  const inspection = visit.inspection;
  if (inspection !== undefined) {
    const rows = INSPECTION_STEPS.filter(([key]) => inspection[key] !== undefined).map(([key, label]) =>
      h(
        'div',
        { class: 'io-step', 'data-step': key },
        h('h4', {}, label),
        jsonBlock(prettyValue(inspection[key])),
      ),
    );
    return rows.length === 0 ? undefined : section('I/O steps', ...rows);
  }
  const last = visit.attempts.at(-1);
  if (last?.parameters === undefined && last?.result === undefined) return undefined;
  return section(
    'I/O steps',
    last.parameters === undefined
      ? undefined
      : h(
          'div',
          { class: 'io-step', 'data-step': 'parameters' },
          h('h4', {}, 'Task input (after InputPath and Parameters / Arguments)'),
          jsonBlock(prettyJson(last.parameters)),
        ),
    last.result === undefined
      ? undefined
      : h(
          'div',
          { class: 'io-step', 'data-step': 'result' },
          h('h4', {}, 'Task result'),
          jsonBlock(prettyJson(last.result)),
        ),
    h('p', { class: 'hint' }, 'Run with inspection (RunOptions.inspect) to see the value after every step.'),
  );
}

function variables(visit: Visit): HTMLElement | undefined {
  const fromInspection = visit.inspection?.variables;
  const entries: [string, string][] =
    fromInspection !== undefined
      ? Object.entries(fromInspection).map(([name, value]) => [name, prettyValue(value)])
      : Object.entries(visit.assigned ?? {}).map(([name, value]) => [name, prettyJson(value)]);
  if (entries.length === 0) return undefined;
  return section(
    'Variables assigned',
    h(
      'table',
      { class: 'variables' },
      ...entries.map(([name, value]) => h('tr', {}, h('th', {}, `$${name}`), h('td', {}, jsonBlock(value)))),
    ),
  );
}

function retries(visit: Visit): HTMLElement | undefined {
  const list = retriesOf(visit);
  if (list.length === 0) return undefined;
  return section(
    `Retries (${list.length})`,
    h(
      'ol',
      { class: 'retries' },
      ...list.map((retry, index) =>
        h(
          'li',
          { 'data-retry': index },
          h('span', { class: 'error-name' }, retry.error),
          ` — attempt ${index + 2} after ${formatDuration(retry.delaySeconds * 1000)}`,
          retry.cause === undefined ? undefined : jsonBlock(prettyJson(retry.cause)),
        ),
      ),
    ),
  );
}

/** A Map's iterations or a Parallel's branches (of every attempt, when retried), each a row that picks it. */
function lanes(input: DetailsInput, visit: Visit): HTMLElement | undefined {
  if (visit.lanes.size === 0) return undefined;
  const list = [...visit.lanes.values()].sort((a, b) => a.attempt - b.attempt || a.index - b.index);
  const kind = list[0]?.kind === 'branch' ? 'Branches' : 'Iterations';
  const picked = input.focus.get(visit.state);
  const withAttempt = list.some(isRetried);
  const label = (lane: Lane) =>
    capitalized(pickLabel(lane.kind === 'branch' ? 'branch' : 'iteration', pickOf(lane), withAttempt));
  const rows = createVirtualList({
    className: withAttempt ? 'lanes with-attempts' : 'lanes',
    rowHeight: 26,
    renderRow(row, index) {
      const lane = list[index] as Lane;
      row.className = `vl-row lane-row st-${lane.status}${isPicked(picked, lane) ? ' selected' : ''}`;
      row.dataset.lane = String(lane.index);
      row.dataset.attempt = String(lane.attempt);
      row.replaceChildren(
        h('span', { class: 'lane-name' }, label(lane)),
        pill(lane.status, lane.status),
        h('span', { class: 'lane-time' }, formatDuration(lane.endMs - lane.startMs)),
        h('span', { class: 'lane-error' }, lane.error ?? ''),
      );
    },
  });
  rows.element.style.height = `${Math.min(list.length, 10) * 26 + 2}px`;
  rows.element.addEventListener('click', (event) => {
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-lane]') : null;
    if (row === null) return;
    const lane = list.find(
      (candidate) =>
        candidate.index === Number(row.dataset.lane) && candidate.attempt === Number(row.dataset.attempt),
    );
    if (lane === undefined) return;
    input.focusLane(
      visit.state,
      isPicked(picked, lane) && picked?.attempt !== undefined ? undefined : pickOf(lane),
    );
  });
  queueMicrotask(() => rows.setCount(list.length));
  const failed = list.filter((lane) => lane.status === 'failed').length;
  return section(
    `${kind} (${formatCount(list.length)}${failed > 0 ? `, ${formatCount(failed)} failed` : ''})`,
    h(
      'p',
      { class: 'hint' },
      picked === undefined
        ? `Pick one to colour the graph and list the states by that ${kind === 'Branches' ? 'branch' : 'iteration'} alone.`
        : `Showing ${pickLabel(kind === 'Branches' ? 'branch' : 'iteration', picked, withAttempt)} only: pick it again to show all.`,
    ),
    rows.element,
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function navButton(text: string, title: string, target: Visit | undefined, input: DetailsInput): HTMLElement {
  const button = h('button', { type: 'button', title, class: 'nav' }, text);
  if (target === undefined) button.disabled = true;
  else button.addEventListener('click', () => input.selectVisit(target));
  return button;
}

function section(title: string, ...content: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'section', 'data-section': title.replace(/ \(.*$/, '') },
    h('h3', {}, title),
    ...content,
  );
}

function facts(rows: readonly (readonly [string, string])[]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

function errorBox(error: string | undefined, cause: string | undefined, title = 'Error'): HTMLElement {
  return h(
    'div',
    { class: 'error-box' },
    h(
      'div',
      {},
      h('strong', {}, `${title}: `),
      h('span', { class: 'error-name' }, error ?? '(no error name)'),
    ),
    cause === undefined ? undefined : jsonBlock(prettyJson(cause)),
  );
}

function pill(status: string, text: string): HTMLElement {
  return h('span', { class: `pill st-${status}` }, text);
}

function missing(text = 'Not recorded.'): HTMLElement {
  return h('p', { class: 'missing' }, text);
}

/** JSON in a block; very long text shows its start until the reader asks for the rest. */
function jsonBlock(text: string): HTMLElement {
  const pre = h('pre', { class: 'json' });
  if (text.length <= TEXT_PREVIEW) {
    pre.textContent = text;
    return pre;
  }
  pre.textContent = `${text.slice(0, TEXT_PREVIEW)}…`;
  const more = h(
    'button',
    { type: 'button', class: 'more' },
    `Show all ${formatCount(text.length)} characters`,
  );
  more.addEventListener('click', () => {
    pre.textContent = text;
    more.remove();
  });
  return h('div', {}, pre, more);
}
