import { buildGraph } from '@stepcraft/viewer';
import { toDot } from './dot.js';
import { toMermaid } from './mermaid.js';
import type { RunEvent } from './run-summary.js';
import { summarizeRun } from './run-summary.js';

export type {
  EdgeKind,
  GraphEdge,
  GraphElement,
  GraphGroup,
  GraphNode,
  NodeType,
  StateGraph,
} from '@stepcraft/viewer';
export { buildGraph, walkElements } from '@stepcraft/viewer';
export type { Decoration } from './decorate.js';
export { dotString, toDot } from './dot.js';
export { mermaidText, toMermaid } from './mermaid.js';
export type { RunEvent, RunSummary, StateVisit, VisitStatus } from './run-summary.js';
export { parseRunEvents, summarizeRun, visitStatus } from './run-summary.js';

/** The diagram languages `stepcraft graph` writes. */
export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;

/** One of `GRAPH_FORMATS`. */
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/**
 * Draws an ASL document, optionally with a run's history laid over it. Any JSON is drawn; only a definition
 * nested deeper than the call stack throws, with a message saying so.
 */
export function renderGraph(
  document: unknown,
  options: { readonly format: GraphFormat; readonly run?: readonly RunEvent[] },
): string {
  try {
    const graph = buildGraph(document);
    const run = options.run === undefined ? undefined : summarizeRun(options.run, document);
    return options.format === 'dot' ? toDot(graph, run) : toMermaid(graph, run);
  } catch (error) {
    if (error instanceof RangeError) throw new Error('The definition is nested too deeply to draw.');
    throw error;
  }
}
