export { choiceLabel } from './graph/choice-label.js';
export type {
  EdgeKind,
  GraphEdge,
  GraphElement,
  GraphGroup,
  GraphNode,
  NodeType,
  StateGraph,
} from './graph/model.js';
export { buildGraph, walkElements } from './graph/model.js';
export type { GraphLayout, LayoutBox, LayoutEdge } from './layout/graph-layout.js';
export { layoutGraph } from './layout/layout-graph.js';
export type { DevContext, DevProblem, DevRunLink, PageData } from './page-data.js';
export type { HistoryContext, ReadRunResult } from './record/read-run.js';
export { detailsOf, readRun } from './record/read-run.js';
export type { RunRecord, RunStatus, StateInspection, ViewedRun } from './record/run-record.js';
export type { RunOf } from './record/run-record-of.js';
export { runRecordOf } from './record/run-record-of.js';
export { renderPage, renderViewer } from './render.js';
export { layoutDefinition, MAX_DRAWN_STATES, viewRun } from './view-run.js';
