import type { GraphLayout, LayoutBox } from '../src/layout/graph-layout.js';
import { TEXT_METRICS } from '../src/layout/text-metrics.js';
import type { VisitStatus } from './analyze.js';
import { h, s } from './dom.js';
import type { Focus } from './focus.js';

/** What a click on the graph picks: a state, or one branch of a Parallel. */
export type GraphTarget =
  | { readonly kind: 'state'; readonly name: string }
  | { readonly kind: 'branch'; readonly parallel: string; readonly index: number };

/** The workflow graph: boxes coloured by status, the path taken drawn bold, pan and zoom. */
export interface GraphView {
  readonly element: HTMLElement;
  /** Colours the boxes and arrows; `taken` holds `from>to` state names (`''` for the start and end markers). */
  paint(
    statuses: ReadonlyMap<string, { readonly status: VisitStatus; readonly count: number }>,
    taken: ReadonlySet<string>,
    selected: string | undefined,
    focus: Focus,
  ): void;
  /** Pans so that the state's box is in view. */
  reveal(name: string): void;
}

const STATUS_CLASSES = [
  'st-succeeded',
  'st-retried',
  'st-caught',
  'st-failed',
  'st-aborted',
  'st-running',
  'st-not-run',
];
const { nameChar: NAME_CHAR, smallChar: SMALL_CHAR } = TEXT_METRICS;
const MIN_SCALE = 0.04;
const MAX_SCALE = 4;

/**
 * Draws a laid-out graph as SVG. Text goes in as text nodes (state names are user data); long names are cut to
 * their box, with the full name in a tooltip. The wheel pans (with Ctrl or ⌘ it zooms), dragging pans, and a
 * click picks the state or branch under the pointer.
 */
export function createGraphView(layout: GraphLayout, onSelect: (target: GraphTarget) => void): GraphView {
  const byId = new Map(layout.boxes.map((box) => [box.id, box]));
  const stateName = (id: string) => byId.get(id)?.name ?? '';
  const viewport = s('g', { class: 'viewport' });
  const svg = s(
    'svg',
    { class: 'graph-svg', role: 'img', 'aria-label': 'Workflow graph' },
    s(
      'defs',
      {},
      ...['arrow', 'arrow-taken'].map((id) =>
        s(
          'marker',
          {
            id,
            viewBox: '0 0 10 10',
            refX: 9,
            refY: 5,
            markerUnits: 'userSpaceOnUse',
            markerWidth: 9,
            markerHeight: 9,
            orient: 'auto-start-reverse',
          },
          s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: id }),
        ),
      ),
    ),
    viewport,
  );
  const groups = s('g', { class: 'groups' });
  const edgeLayer = s('g', { class: 'edges' });
  const nodes = s('g', { class: 'nodes' });
  viewport.append(groups, edgeLayer, nodes);

  const boxesByName = new Map<string, SVGGElement>();
  const badges = new Map<string, SVGTextElement>();
  const branchBoxes: { element: SVGGElement; parallel: string; index: number }[] = [];
  for (const box of layout.boxes) {
    const element = drawBox(box, byId);
    if (box.type === 'Branch') {
      const parallel = stateName(box.parent ?? '');
      element.dataset.parallel = parallel;
      element.dataset.branch = String(box.branch ?? 0);
      branchBoxes.push({ element, parallel, index: box.branch ?? 0 });
    } else if (box.name !== undefined && !boxesByName.has(box.name) && box.type !== 'Missing') {
      element.dataset.state = box.name;
      boxesByName.set(box.name, element);
      const badge = element.querySelector<SVGTextElement>('.badge');
      if (badge !== null) badges.set(box.name, badge);
    }
    (box.kind === 'group' ? groups : nodes).append(element);
  }
  const edges = layout.edges.map((edge) => {
    const points = edge.points;
    let d = '';
    for (let i = 0; i + 1 < points.length; i += 2) d += `${i === 0 ? 'M' : 'L'}${points[i]} ${points[i + 1]}`;
    const path = s('path', { class: `edge kind-${edge.kind}`, d, 'marker-end': 'url(#arrow)' });
    const element = s('g', {}, path);
    if (edge.label !== undefined && edge.labelBox !== undefined) {
      const { x, y, width, height } = edge.labelBox;
      element.append(
        s(
          'g',
          { class: 'edge-label' },
          s('rect', { x, y, width, height, rx: 3 }),
          s('text', { x: x + 4, y: y + height - 4 }, edge.label),
        ),
      );
    }
    edgeLayer.append(element);
    return { path, key: `${stateName(edge.from)}>${stateName(edge.to)}` };
  });

  const toolbar = h(
    'div',
    { class: 'graph-toolbar' },
    h('button', { type: 'button', 'data-zoom': 'in', title: 'Zoom in' }, '+'),
    h('button', { type: 'button', 'data-zoom': 'out', title: 'Zoom out' }, '−'),
    h('button', { type: 'button', 'data-zoom': 'fit', title: 'Fit the whole graph' }, 'Fit'),
    h(
      'span',
      { class: 'legend' },
      ...(['succeeded', 'retried', 'caught', 'failed', 'aborted', 'running', 'not-run'] as const).map(
        (status) => h('span', { class: `legend-item st-${status}` }, h('i', {}), status.replace('-', ' ')),
      ),
    ),
  );
  const element = h('div', { class: 'graph-view' }, toolbar, svg);

  let view = { x: 0, y: 0, k: 1 };
  let hasView = false;
  const apply = () => viewport.setAttribute('transform', `translate(${view.x} ${view.y}) scale(${view.k})`);
  const size = () => ({ width: svg.clientWidth || 800, height: svg.clientHeight || 600 });
  const initialView = () => {
    const { width, height } = size();
    const fitScale = Math.min(width / layout.width, height / layout.height, 1);
    if (fitScale >= 0.55) {
      view = {
        k: fitScale,
        x: (width - layout.width * fitScale) / 2,
        y: Math.max(0, (height - layout.height * fitScale) / 2),
      };
    } else {
      // Too tall to read when fitted (a long chain): fit the width, start at the top, scroll for the rest.
      const k = Math.max(MIN_SCALE, Math.min(1, width / layout.width));
      view = { k, x: (width - layout.width * k) / 2, y: 0 };
    }
    apply();
  };
  const zoomAt = (factor: number, px: number, py: number) => {
    const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.k * factor));
    view = { k, x: px - ((px - view.x) * k) / view.k, y: py - ((py - view.y) * k) / view.k };
    apply();
  };

  svg.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) {
        const rect = svg.getBoundingClientRect();
        zoomAt(Math.exp(-event.deltaY * 0.002), event.clientX - rect.left, event.clientY - rect.top);
      } else {
        view = { ...view, x: view.x - event.deltaX, y: view.y - event.deltaY };
        apply();
      }
    },
    { passive: false },
  );
  let drag: { x: number; y: number; startX: number; startY: number; moved: boolean } | undefined;
  svg.addEventListener('pointerdown', (event) => {
    drag = { x: view.x, y: view.y, startX: event.clientX, startY: event.clientY, moved: false };
  });
  svg.addEventListener('pointermove', (event) => {
    if (drag === undefined) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) svg.setPointerCapture(event.pointerId);
    drag.moved = true;
    view = { ...view, x: drag.x + dx, y: drag.y + dy };
    apply();
  });
  svg.addEventListener('pointerup', (event) => {
    const wasDrag = drag?.moved === true;
    drag = undefined;
    if (wasDrag) return;
    const target =
      event.target instanceof Element
        ? event.target.closest<SVGGElement>('[data-state],[data-branch]')
        : null;
    if (target === null) return;
    const state = target.dataset.state;
    if (state !== undefined) onSelect({ kind: 'state', name: state });
    else
      onSelect({
        kind: 'branch',
        parallel: target.dataset.parallel ?? '',
        index: Number(target.dataset.branch),
      });
  });
  toolbar.addEventListener('click', (event) => {
    const zoom = event.target instanceof HTMLElement ? event.target.dataset.zoom : undefined;
    const { width, height } = size();
    if (zoom === 'in') zoomAt(1.25, width / 2, height / 2);
    else if (zoom === 'out') zoomAt(0.8, width / 2, height / 2);
    else if (zoom === 'fit') {
      const k = Math.max(MIN_SCALE, Math.min(width / layout.width, height / layout.height, 1));
      view = { k, x: (width - layout.width * k) / 2, y: (height - layout.height * k) / 2 };
      apply();
    }
  });
  new ResizeObserver(() => {
    if (!hasView && svg.clientWidth > 0) {
      hasView = true;
      initialView();
    }
  }).observe(svg);

  return {
    element,
    paint(statuses, taken, selected, focus) {
      for (const [name, box] of boxesByName) {
        const found = statuses.get(name);
        box.classList.remove(...STATUS_CLASSES, 'selected');
        box.classList.add(`st-${found?.status ?? 'not-run'}`);
        if (name === selected) box.classList.add('selected');
        const badge = badges.get(name);
        if (badge !== undefined)
          badge.textContent = found !== undefined && found.count > 1 ? `×${found.count}` : '';
      }
      for (const { element: branch, parallel, index } of branchBoxes) {
        const picked = focus.get(parallel)?.index;
        branch.classList.toggle('focused', picked === index);
        branch.classList.toggle('dimmed', picked !== undefined && picked !== index);
      }
      for (const edge of edges) {
        const isTaken = taken.has(edge.key);
        edge.path.classList.toggle('taken', isTaken);
        edge.path.setAttribute('marker-end', isTaken ? 'url(#arrow-taken)' : 'url(#arrow)');
      }
    },
    reveal(name) {
      const box = layout.boxes.find((candidate) => candidate.name === name);
      if (box === undefined) return;
      if (!hasView) {
        hasView = true;
        initialView();
      }
      const { width, height } = size();
      const left = view.x + box.x * view.k;
      const top = view.y + box.y * view.k;
      const isInView =
        left >= 0 && top >= 0 && left + box.width * view.k <= width && top + box.height * view.k <= height;
      if (isInView) return;
      view = {
        ...view,
        x: width / 2 - (box.x + box.width / 2) * view.k,
        y: height / 2 - (box.y + box.height / 2) * view.k,
      };
      apply();
    },
  };
}

/** One box: a marker circle, a state, or a group frame with its title. */
function drawBox(box: LayoutBox, byId: ReadonlyMap<string, LayoutBox>): SVGGElement {
  const { x, y, width, height } = box;
  if (box.type === 'Start' || box.type === 'End') {
    const r = width / 2;
    return s(
      'g',
      { class: `marker type-${box.type}` },
      s('circle', { cx: x + r, cy: y + r, r }),
      box.type === 'End' ? s('circle', { cx: x + r, cy: y + r, r: r - 5, class: 'inner' }) : undefined,
      s('title', {}, box.type === 'Start' ? 'Start' : 'End'),
    );
  }
  if (box.kind === 'group') {
    const isBranch = box.type === 'Branch';
    const parent = box.parent === undefined ? undefined : byId.get(box.parent);
    const title = isBranch ? (box.detail ?? 'Branch') : (box.name ?? '');
    const kind = box.detail === undefined ? box.type : `${box.type} · ${box.detail}`;
    const titleWidth = isBranch ? width - 16 : width - kind.length * SMALL_CHAR - 30;
    return s(
      'g',
      { class: `box group type-${box.type}` },
      s('rect', { x, y, width, height, rx: isBranch ? 6 : 10 }),
      s(
        'text',
        { x: x + 10, y: y + (isBranch ? 17 : 21), class: isBranch ? 'branch-title' : 'name' },
        cut(title, titleWidth, NAME_CHAR),
      ),
      isBranch ? undefined : s('text', { x: x + width - 10, y: y + 21, class: 'kind' }, kind),
      s('title', {}, isBranch ? `${title} of ${parent?.name ?? 'Parallel'}` : `${box.type} ${title}`),
    );
  }
  const name = box.name ?? '';
  return s(
    'g',
    { class: `box node type-${box.type}` },
    s('rect', { x, y, width, height, rx: box.type === 'Choice' ? 16 : 6 }),
    s(
      'text',
      { x: x + width / 2, y: y + (box.detail === undefined ? height / 2 + 4.5 : 20), class: 'name' },
      cut(name, width - 16, NAME_CHAR),
    ),
    box.detail === undefined
      ? undefined
      : s('text', { x: x + width / 2, y: y + 37, class: 'detail' }, cut(box.detail, width - 12, SMALL_CHAR)),
    s('text', { x: x + width - 5, y: y + height - 5, class: 'badge' }),
    s('title', {}, `${box.type} ${name}${box.detail === undefined ? '' : ` (${box.detail})`}`),
  );
}

/** Text cut to fit `width` pixels, with an ellipsis. */
function cut(text: string, width: number, charWidth: number): string {
  const max = Math.max(3, Math.floor(width / charWidth));
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
