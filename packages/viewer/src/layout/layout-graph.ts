import elk from 'elkjs/lib/elk.bundled.js';
import type { ElkEdgeSection, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphElement, GraphGroup, StateGraph } from '../graph/model.js';
import type { GraphLayout, LayoutBox, LayoutEdge } from './graph-layout.js';
import { TEXT_METRICS } from './text-metrics.js';

const { nameChar: NAME_CHAR, smallChar: SMALL_CHAR } = TEXT_METRICS;
const MARKER = 26;

/**
 * ELK's layered algorithm, top to bottom, keeping the definition's order. Every arrow joins two states of the same
 * machine (a Map's processor, a Parallel's branch, the top level), so each group is laid out on its own, inside
 * out (`SEPARATE_CHILDREN`, ELK's default): far faster on large workflows than one pass over the whole hierarchy.
 * Coordinates come back relative to the root.
 * @see https://eclipse.dev/elk/reference/algorithms/org-eclipse-elk-layered.html
 */
const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '34',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.inline': 'false',
} as const;

const ROOT_OPTIONS = {
  ...LAYERED,
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
} as const;

const GROUP_PADDING = '[top=34,left=14,bottom=14,right=14]';
const BRANCH_PADDING = '[top=26,left=10,bottom=10,right=10]';

/**
 * Places a workflow graph with ELK (elkjs): boxes sized from their text, groups around their contents, arrows
 * routed orthogonally with room for their labels. Deterministic: the same graph always gets the same layout.
 */
export async function layoutGraph(graph: StateGraph): Promise<GraphLayout> {
  const containerOf = new Map<string, string>();
  const register = (list: readonly GraphElement[], container: string) => {
    for (const element of list) {
      containerOf.set(element.id, container);
      if (element.kind === 'group') register(element.children, element.id);
    }
  };
  register(graph.elements, 'root');
  const edgesIn = new Map<string, ElkExtendedEdge[]>();
  graph.edges.forEach((edge, index) => {
    const container = containerOf.get(edge.from) ?? 'root';
    const list = edgesIn.get(container) ?? [];
    list.push({
      id: `e${index}`,
      sources: [edge.from],
      targets: [edge.to],
      ...(edge.label === undefined
        ? {}
        : { labels: [{ text: edge.label, width: edge.label.length * SMALL_CHAR + 8, height: 16 }] }),
    });
    edgesIn.set(container, list);
  });
  const root: ElkNode = {
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    children: graph.elements.map((element) => elkNode(element, edgesIn)),
    edges: edgesIn.get('root') ?? [],
  };
  // elkjs is CommonJS whose typings declare an ES default export: from ESM that is `.default` (set at run time too).
  const placed = await new elk.default().layout(root);
  const boxes: LayoutBox[] = [];
  const elements = new Map<string, GraphElement>();
  const collect = (list: readonly GraphElement[]) => {
    for (const element of list) {
      elements.set(element.id, element);
      if (element.kind === 'group') collect(element.children);
    }
  };
  collect(graph.elements);
  const place = (nodes: readonly ElkNode[] | undefined, parent: string | undefined) => {
    nodes?.forEach((node, index) => {
      const element = elements.get(node.id);
      if (element === undefined) return;
      boxes.push({
        id: element.id,
        kind: element.kind,
        type: element.type,
        ...(element.name === undefined ? {} : { name: element.name }),
        ...(element.detail === undefined ? {} : { detail: element.detail }),
        ...(parent === undefined ? {} : { parent }),
        ...(element.type === 'Branch' ? { branch: index } : {}),
        x: round(node.x),
        y: round(node.y),
        width: round(node.width),
        height: round(node.height),
      });
      place(node.children, element.id);
    });
  };
  place(placed.children, undefined);
  const routedById = new Map<string, ElkExtendedEdge>();
  const gather = (node: ElkNode) => {
    for (const edge of node.edges ?? []) routedById.set(edge.id, edge);
    for (const child of node.children ?? []) gather(child);
  };
  gather(placed);
  const edges = graph.edges.map((edge, index): LayoutEdge => {
    const routed = routedById.get(`e${index}`);
    const points = (routed?.sections ?? []).flatMap((section: ElkEdgeSection) =>
      [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].flatMap((p) => [
        round(p.x),
        round(p.y),
      ]),
    );
    const label = routed?.labels?.[0];
    return {
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      ...(edge.label === undefined ? {} : { label: edge.label }),
      points,
      ...(label === undefined
        ? {}
        : {
            labelBox: {
              x: round(label.x),
              y: round(label.y),
              width: round(label.width),
              height: round(label.height),
            },
          }),
    };
  });
  return { width: round(placed.width), height: round(placed.height), boxes, edges };
}

/** An element as an ELK node, sized from its text (groups are sized by ELK around their children). */
function elkNode(element: GraphElement, edgesIn: ReadonlyMap<string, ElkExtendedEdge[]>): ElkNode {
  if (element.kind === 'group') {
    return {
      id: element.id,
      layoutOptions: {
        ...LAYERED,
        'elk.padding': element.type === 'Branch' ? BRANCH_PADDING : GROUP_PADDING,
        // Wide enough for the title.
        'elk.nodeSize.minimum': `(${headerWidth(element)}, 40)`,
        'elk.nodeSize.constraints': '[MINIMUM_SIZE]',
        // A Parallel's branches share no arrows: one layer, side by side, not packed as separate components.
        ...(element.type === 'Parallel' ? { 'elk.separateConnectedComponents': 'false' } : {}),
      },
      children: element.children.map((child) => elkNode(child, edgesIn)),
      edges: edgesIn.get(element.id) ?? [],
    };
  }
  if (element.type === 'Start' || element.type === 'End')
    return { id: element.id, width: MARKER, height: MARKER };
  const name = element.name ?? '';
  const detail = element.detail ?? '';
  const width = Math.max(name.length * NAME_CHAR, detail.length * SMALL_CHAR) + 28;
  return {
    id: element.id,
    width: Math.round(Math.min(Math.max(width, 110), 260)),
    height: detail === '' ? 38 : 50,
  };
}

/** Room for a group's title: the state's name and its type (`Map`, `Parallel · distributed`), or `Branch N`. */
function headerWidth(group: GraphGroup): number {
  if (group.type === 'Branch') return Math.round((group.detail ?? '').length * SMALL_CHAR + 24);
  const kind = group.detail === undefined ? group.type : `${group.type} · ${group.detail}`;
  return Math.round(Math.min((group.name ?? '').length * NAME_CHAR + kind.length * SMALL_CHAR + 40, 420));
}

/** One decimal: enough for the page, and the HTML stays small and stable. */
function round(value: number | undefined): number {
  return Math.round((value ?? 0) * 10) / 10;
}
