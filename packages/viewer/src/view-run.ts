import { buildGraph } from './graph/model.js';
import type { GraphLayout } from './layout/graph-layout.js';
import { layoutGraph } from './layout/layout-graph.js';
import type { ViewedRun } from './record/run-record.js';
import { renderViewer } from './render.js';

/** Definitions with more states than this are not drawn: ELK would take minutes, and no one reads such a graph. */
export const MAX_DRAWN_STATES = 10_000;

/**
 * The layout of a run's definition: its graph placed by ELK. A definition too large or nested too deeply to draw
 * is an error that says so (never a stack overflow or a layout that runs for minutes).
 */
export async function layoutDefinition(definition: unknown): Promise<GraphLayout> {
  let graph: ReturnType<typeof buildGraph>;
  try {
    graph = buildGraph(definition);
  } catch (error) {
    if (error instanceof RangeError) throw new Error('the definition is nested too deeply to draw');
    throw error;
  }
  let boxes = 0;
  const pending = [...graph.elements];
  for (let element = pending.pop(); element !== undefined; element = pending.pop()) {
    boxes++;
    if (element.kind === 'group') pending.push(...element.children);
  }
  if (boxes > MAX_DRAWN_STATES) {
    throw new Error(
      `the definition has ${boxes} boxes to draw; the viewer draws at most ${MAX_DRAWN_STATES}`,
    );
  }
  try {
    return await layoutGraph(graph);
  } catch (error) {
    if (error instanceof RangeError) throw new Error('the definition is nested too deeply to draw');
    throw error;
  }
}

/** The viewer page of a run: its definition laid out, then rendered (see `renderViewer`). */
export async function viewRun(run: ViewedRun): Promise<string> {
  return renderViewer(run, await layoutDefinition(run.definition));
}
