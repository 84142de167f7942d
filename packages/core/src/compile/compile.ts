import {
  type AslDocument,
  type AslState,
  type CompiledWorkflow as CompiledWorkflowData,
  type Diagnostic,
  pointerOf,
  type SubMachine,
  type WorkflowInput,
  type WorkflowOutput,
} from '@stepcraft/asl';
import { CompileError, diagnostic } from '../errors.js';
import type { QueryLanguage } from '../ir/common-node.js';
import type { StateContract, TaskHandler } from '../ir/contract.js';
import type { GraphNode } from '../ir/graph-node.js';
import type { StateNode } from '../ir/node.js';
import type { WorkflowNode } from '../ir/workflow-node.js';
import { defineKey } from './define-key.js';
import type { EmitContext } from './emit/context.js';
import { withRaw } from './emit/context.js';
import { emitState } from './emit/index.js';
import { type ResolvedGraph, resolveGraph } from './graph.js';
import type { QueryLanguageDialect } from './query-language/dialect.js';
import { jsonataDialect } from './query-language/jsonata.js';
import { jsonPathDialect } from './query-language/jsonpath.js';
import { variableChecker } from './variables.js';

const DIALECTS: Readonly<Record<QueryLanguage, QueryLanguageDialect>> = Object.freeze({
  JSONPath: jsonPathDialect,
  JSONata: jsonataDialect,
});

/** What `compile()` produces: the ASL definition plus the side tables the runner needs, typed by the workflow's input and output. */
export interface CompiledWorkflow<TInput = unknown, TOutput = unknown>
  extends CompiledWorkflowData<TInput, TOutput> {
  readonly name: string;
  /** `STANDARD` or `EXPRESS` (a deployment setting; not part of the ASL document). */
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly definition: AslDocument;
  /** Schemas per state name, for the runner's contract checks. */
  readonly contracts: Readonly<Record<string, StateContract>>;
  /** Local task implementations per state name. */
  readonly handlers: Readonly<Record<string, TaskHandler>>;
}

/** Options of `compile()`. */
export interface CompileOptions {
  /**
   * The workflow's query language (default: the one given to `workflow()`, else JSONPath). The same workflow
   * compiles to either; states pinned with their own `queryLanguage` keep it.
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
   */
  readonly queryLanguage?: QueryLanguage;
}

/** Anything that yields a workflow IR (a `Workflow` from `workflow()`); `compile/` never imports the builder. */
export interface CompilableWorkflow {
  toNode(): WorkflowNode;
}

const MAX_STATE_NAME = 80;
const END = Object.freeze({ End: true as const });

/**
 * Compiles a workflow to ASL. Throws one `CompileError` listing every problem types could not catch (conflicting
 * duplicate names, two `Next`s for one state, names over 80 characters, a Choice without branches, …).
 * @example const { definition } = compile(orderFlow); stringifyAsl(definition)
 */
export function compile<TWorkflow extends CompilableWorkflow>(
  workflow: TWorkflow,
  options: CompileOptions = {},
): CompiledWorkflow<WorkflowInput<TWorkflow>, WorkflowOutput<TWorkflow>> {
  const node = workflow.toNode();
  const language: QueryLanguage = options.queryLanguage ?? node.queryLanguage ?? 'JSONPath';
  const diagnostics: Diagnostic[] = [];
  const contracts: Record<string, StateContract> = Object.create(null);
  const handlers: Record<string, TaskHandler> = Object.create(null);
  const scopes = new Map<string, string>();
  const resolvedGraphs = new Map<GraphNode, ResolvedGraph>();
  const variables = variableChecker();

  const emitGraph = (graph: GraphNode, base: readonly (string | number)[]): SubMachine => {
    const reportAt =
      (state: string) => (code: string, message: string, field: readonly (string | number)[]) => {
        diagnostics.push(diagnostic(code, message, pointerOf(...base, 'States', state, ...field), state));
      };
    const resolved = resolveGraph(graph, reportAt);
    resolvedGraphs.set(graph, resolved);
    const scope = pointerOf(...base);
    const states: Record<string, AslState> = {};
    for (const state of resolved.states) {
      const report = reportAt(state.name);
      checkName(state, scope, scopes, report, node.type);
      const stateLanguage = state.queryLanguage ?? language;
      if (language === 'JSONata' && stateLanguage === 'JSONPath') {
        report(
          'QUERY_LANGUAGE_CONFLICT',
          `"${state.name}" is pinned to JSONPath, which a JSONata workflow cannot hold (AWS rule); compile the workflow as JSONPath or drop the state's queryLanguage`,
          ['QueryLanguage'],
        );
      }
      const next = resolved.next.get(state.name);
      const context: EmitContext = {
        dialect: DIALECTS[stateLanguage],
        report,
        transition: next === undefined ? END : { Next: next },
        subMachine: (sub, field) => emitGraph(sub, [...base, 'States', state.name, ...field]),
      };
      const emitted = emitState(state, context);
      variables.note(state);
      // stringifyAsl puts QueryLanguage in its place; only pinned states that differ from the workflow carry it.
      const pinned = stateLanguage === language ? emitted : { ...emitted, QueryLanguage: stateLanguage };
      defineKey(states as never, state.name, withRaw(pinned, state.raw) as never);
      if (state.contract !== undefined && Object.keys(state.contract).length > 0)
        contracts[state.name] = state.contract;
      if (state.kind === 'task' && state.handler !== undefined) handlers[state.name] = state.handler;
    }
    return { StartAt: resolved.startAt, States: states };
  };

  const machine = emitGraph(node.graph, []);
  variables.check(
    node.graph,
    (state, base) => (code, message, field) => {
      diagnostics.push(diagnostic(code, message, pointerOf(...base, 'States', state, ...field), state));
    },
    // Every graph was resolved while emitting; the fallback only runs if emission stopped early.
    (graph) => resolvedGraphs.get(graph) ?? resolveGraph(graph, () => () => undefined),
  );
  if (
    node.timeoutSeconds !== undefined &&
    !(Number.isInteger(node.timeoutSeconds) && node.timeoutSeconds > 0)
  ) {
    diagnostics.push(
      diagnostic(
        'FIELD_RANGE',
        `TimeoutSeconds must be a positive integer, got ${node.timeoutSeconds}`,
        '/TimeoutSeconds',
      ),
    );
  }
  if (diagnostics.length > 0) throw new CompileError(diagnostics);
  const definition: AslDocument = {
    ...(node.comment === undefined ? {} : { Comment: node.comment }),
    ...(language === 'JSONata' ? { QueryLanguage: language } : {}),
    StartAt: machine.StartAt,
    States: machine.States,
    ...(node.timeoutSeconds === undefined ? {} : { TimeoutSeconds: node.timeoutSeconds }),
  };
  return Object.freeze({ name: node.name, type: node.type, definition, contracts, handlers });
}

// Names: ≤ 80 characters, unique across the whole machine (branches and processors included); Express limits.
function checkName(
  state: StateNode,
  scope: string,
  scopes: Map<string, string>,
  report: (code: string, message: string, field: readonly (string | number)[]) => void,
  type: WorkflowNode['type'],
): void {
  // Characters are code points; the UTF-16 length bounds their count, so most names need no split.
  if (state.name.length > MAX_STATE_NAME && [...state.name].length > MAX_STATE_NAME) {
    report(
      'STATE_NAME_TOO_LONG',
      `State name "${state.name}" is longer than ${MAX_STATE_NAME} characters`,
      [],
    );
  }
  if (state.name.length === 0) report('STATE_NAME_EMPTY', 'A state name cannot be empty', []);
  const seen = scopes.get(state.name);
  if (seen !== undefined && seen !== scope) {
    report(
      'DUPLICATE_STATE_NAME',
      `"${state.name}" is used in two state machines (${seen || '/'} and ${scope || '/'}); names are unique across a workflow, branches included`,
      [],
    );
  }
  scopes.set(state.name, scope);
  if (type === 'EXPRESS' && state.kind === 'task') {
    const r = state.resource;
    if (
      /\.sync(:2)?$/.test(r) ||
      r.endsWith('.waitForTaskToken') ||
      /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(r)
    ) {
      report('EXPRESS_UNSUPPORTED', `Express workflows do not support ${r} (in "${state.name}")`, [
        'Resource',
      ]);
    }
  }
}
