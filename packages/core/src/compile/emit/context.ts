import type { JsonObject, QueryLanguage, StateBase, SubMachine } from '@stepcraft/asl';
import type { StateNodeBase } from '../../ir/common-node.js';
import type { GraphNode } from '../../ir/graph-node.js';
import type { Draft, FieldPath, QueryLanguageDialect, Report } from '../query-language/dialect.js';

/** What an emit function needs besides its node. */
export interface EmitContext {
  /** The state's query language, which writes its I/O fields. */
  readonly dialect: QueryLanguageDialect;
  /** Set when the state's language differs from the workflow's (ASL `QueryLanguage` on the state). */
  readonly pinned: QueryLanguage | undefined;
  /** Reports a problem at a field of the current state. */
  readonly report: Report;
  /** The state's `Next`; `undefined` ends its scope (`End: true`) where the state transitions. */
  readonly next: string | undefined;
  /** Emits a nested state machine (Parallel branch, Map processor) at `field`. */
  subMachine(graph: GraphNode, field: FieldPath): SubMachine;
}

const NO_HEADER: StateBase = Object.freeze({});

/** The fields every state has after `Type`: `Comment`, and `QueryLanguage` when pinned (most states: none). */
export function header(node: StateNodeBase, context: EmitContext): StateBase {
  if (node.comment === undefined && context.pinned === undefined) return NO_HEADER;
  const out: Draft<StateBase> = {};
  writeHeader(out, node, context);
  return out;
}

/**
 * Writes the {@link header} fields into a state that so far holds its `Type` (no spread of an empty header: most
 * states have none).
 */
export function writeHeader(out: Draft<StateBase>, node: StateNodeBase, context: EmitContext): void {
  if (node.comment !== undefined) out.Comment = node.comment;
  if (context.pinned !== undefined) out.QueryLanguage = context.pinned;
}

/** Writes `Next`, or `End: true` (a state's last fields). */
export function writeTransition(out: { Next?: string; End?: boolean }, context: EmitContext): void {
  if (context.next === undefined) out.End = true;
  else out.Next = context.next;
}

/** The node's raw escape-hatch fields merged over the emitted state (they win, as the escape hatch promises). */
export function withRaw<TState extends object>(state: TState, raw: JsonObject | undefined): TState {
  return raw === undefined ? state : { ...state, ...raw };
}
