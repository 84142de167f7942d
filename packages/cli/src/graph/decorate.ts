import type { GraphEdge, GraphElement, StateGraph } from '@stepcraft/viewer';
import { walkElements } from '@stepcraft/viewer';
import { type RunSummary, type VisitStatus, visitStatus } from './run-summary.js';

/** What both formats draw for one element: its label as plain-text lines, and its run status when overlaid. */
export interface Decoration {
  readonly lines: readonly string[];
  /** Undefined without a run, and for markers and branches (which a history does not name). */
  readonly status?: VisitStatus;
}

/** The words and colours of a graph, computed once for every format. */
export interface Decorated {
  readonly element: (element: GraphElement) => Decoration;
  /** Whether the run went along this edge. */
  readonly taken: (edge: GraphEdge) => boolean;
}

/** Labels every element and, given a run summary, marks the visited states, failures and the path taken. */
export function decorate(graph: StateGraph, run?: RunSummary): Decorated {
  const byId = new Map<string, GraphElement>();
  for (const element of walkElements(graph.elements)) byId.set(element.id, element);
  const visitOf = (element: GraphElement | undefined) =>
    element?.name === undefined ? undefined : run?.states.get(element.name);
  const statusOf = (element: GraphElement) => visitStatus(visitOf(element));

  // The error a failed element failed with: its own, a Fail state's static one, or a failed child's.
  const failure = (element: GraphElement): string | undefined => {
    const own = visitOf(element)?.errors.at(-1);
    if (own !== undefined) return own;
    if (element.kind === 'node') return element.error;
    for (const child of walkElements(element.children)) {
      const error = child.kind === 'node' && statusOf(child) === 'failed' ? failure(child) : undefined;
      if (error !== undefined) return error;
    }
    return undefined;
  };

  const element = (target: GraphElement): Decoration => {
    if (target.type === 'Start') return { lines: ['Start'] };
    if (target.type === 'End') return { lines: run === undefined ? ['End'] : ['End', run.status] };
    if (target.type === 'Branch') return { lines: [target.detail ?? 'Branch'] };
    const kind = target.type === 'Missing' ? 'no such state' : target.type;
    const lines = [target.name ?? '', target.detail === undefined ? kind : `${kind} · ${target.detail}`];
    if (run === undefined) return { lines };
    const visit = visitOf(target);
    const status = visitStatus(visit);
    if (visit !== undefined && visit.entered > 0) lines.push(`entered ${visit.entered}×`);
    if (status === 'failed') {
      const error = failure(target);
      lines.push(error === undefined ? 'failed' : `failed: ${error}`);
    }
    if (status === 'handled' && visit !== undefined) {
      const unnamed = visit.unnamedErrors > 0 ? ['an error named at run time'] : [];
      lines.push(`handled: ${[...visit.errors, ...unnamed].join(', ')}`);
    }
    if (visit !== undefined && visit.aborted > 0) lines.push(`aborted ${visit.aborted}×`);
    return { lines, status };
  };

  const taken = (edge: GraphEdge): boolean => {
    if (run === undefined) return false;
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (edge.kind === 'start') return to !== undefined && statusOf(to) !== 'unvisited';
    if (edge.kind === 'end') {
      const visit = visitOf(from);
      return visit !== undefined && (from?.type === 'Fail' ? visit.entered > 0 : visit.exited > 0);
    }
    if (from?.name === undefined || to?.name === undefined) return false;
    return run.transitions.get(from.name)?.has(to.name) === true;
  };

  return { element, taken };
}
