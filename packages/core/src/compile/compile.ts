import {
  type AslDocument,
  type AslState,
  type CompiledWorkflow as CompiledWorkflowData,
  createDiagnostic,
  type Diagnostic,
  pointerOf,
  type StateContract,
  type SubMachine,
  type TaskHandler,
  type ValidateOptions,
  validate,
  type WorkflowInput,
  type WorkflowOutput,
} from '@stepcraft/asl';
import { CompileError } from '../errors.js';
import type { QueryLanguage } from '../ir/common-node.js';
import type { GraphNode } from '../ir/graph-node.js';
import type { StateNode } from '../ir/node.js';
import type { WorkflowNode } from '../ir/workflow-node.js';
import { defineKey } from './define-key.js';
import { type EmitContext, withRaw } from './emit/context.js';
import { emitState } from './emit/index.js';
import { type ResolvedGraph, resolveGraph } from './graph.js';
import type { Draft, FieldPath, QueryLanguageDialect, Report } from './query-language/dialect.js';
import { jsonataDialect } from './query-language/jsonata-dialect.js';
import { jsonPathDialect } from './query-language/jsonpath-dialect.js';
import { type ReportAt, VariableUse } from './variables.js';

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
  /**
   * How the emitted document is validated: `validate()`'s options (the workflow's type is passed for you), or
   * `false` to skip it, for documents known to differ from AWS on purpose (fixtures with stand-in ARNs).
   */
  readonly validate?: Pick<ValidateOptions, 'checkArn' | 'checkPaths'> | false;
}

/** Anything that yields a workflow IR (a `Workflow` from `workflow()`); `compile/` never imports the builder. */
export interface CompilableWorkflow {
  toNode(): WorkflowNode;
}

/**
 * Compiles a workflow to ASL in one pass over each graph, then runs `validate()` on the result: every rule the
 * document shows (names, ranges, Retry/Catch, reachability, Express limits, …) is the validator's. Throws one
 * `CompileError` listing every problem: the validator's, and those only the builder's graph can show (two state
 * values with one name, two `Next`s for one state, `later()` references, variable scopes, values the query
 * language cannot express).
 * @example const { definition } = compile(orderFlow); stringifyAsl(definition)
 */
export function compile<TWorkflow extends CompilableWorkflow>(
  workflow: TWorkflow,
  options: CompileOptions = {},
): CompiledWorkflow<WorkflowInput<TWorkflow>, WorkflowOutput<TWorkflow>> {
  const node = workflow.toNode();
  const language: QueryLanguage = options.queryLanguage ?? node.queryLanguage ?? 'JSONPath';
  const compilation: Compilation = {
    language,
    diagnostics: [],
    contracts: Object.create(null),
    handlers: Object.create(null),
    resolved: new Map(),
    variables: new VariableUse(),
    rank: node.stateOrder === undefined ? undefined : new Map(node.stateOrder.map((name, i) => [name, i])),
  };
  const { diagnostics, resolved } = compilation;
  const reportAt = reporterAt(diagnostics);
  const machine = emitGraph(compilation, node.graph, []);
  compilation.variables.check(
    node.graph,
    reportAt,
    (graph) => resolved.get(graph) ?? resolveGraph(graph, () => ignore),
  );
  const definition = documentOf(node, language, machine);
  // A document emitted from a graph with problems misrepresents it (a dropped duplicate, a missing value): the
  // validator's findings on it would mislead, so they come once the graph's own are fixed.
  if (diagnostics.length === 0 && options.validate !== false) {
    for (const d of validate(definition, { ...options.validate, stateMachineType: node.type })) {
      if (d.severity === 'error') diagnostics.push(d);
    }
  }
  if (diagnostics.length > 0) throw new CompileError(diagnostics);
  const { contracts, handlers } = compilation;
  return Object.freeze({ name: node.name, type: node.type, definition, contracts, handlers });
}

/**
 * What one compilation shares across its graphs. Its work is done by module-level functions taking this record,
 * not by closures made per compile: V8 keeps a closure's optimized code only while a closure holding it lives, so
 * after a full GC between compiles the closures of the previous one took their code with them, and the next
 * compile ran unoptimized while it was recompiled.
 */
interface Compilation {
  readonly language: QueryLanguage;
  readonly diagnostics: Diagnostic[];
  readonly contracts: Record<string, StateContract>;
  readonly handlers: Record<string, TaskHandler>;
  /** Each graph as `resolveGraph` ordered it (the variable check walks them again). */
  readonly resolved: Map<GraphNode, ResolvedGraph>;
  readonly variables: VariableUse;
  /** A workflow's `stateOrder`, as ranks by name. */
  readonly rank: ReadonlyMap<string, number> | undefined;
}

/** Reports into `diagnostics` at a state of the (sub-)machine at `base` (made only when there is a problem). */
function reporterAt(diagnostics: Diagnostic[]): ReportAt {
  return (state, base) =>
    (code, message, field, ...fields) => {
      diagnostics.push(
        createDiagnostic(code, message, pointerOf(...base, 'States', state, ...field), state, ...fields),
      );
    };
}

/** Emits one graph (the top-level machine, a Parallel branch, a Map processor) at `base`, in one pass over it. */
function emitGraph(compilation: Compilation, graph: GraphNode, base: FieldPath): SubMachine {
  const { language, contracts, handlers, variables } = compilation;
  const reportAt = reporterAt(compilation.diagnostics);
  const graphResolved = resolveGraph(graph, (state) => reportAt(state, base), compilation.rank);
  const { startAt, states: ordered, next } = graphResolved;
  compilation.resolved.set(graph, graphResolved);
  const states: Record<string, AslState> = {};
  // One context per graph, pointed at each state in turn: a state is emitted synchronously and reports only
  // while it is, so no state needs a context object and closures of its own.
  let current = '';
  const context: Draft<EmitContext> = {
    dialect: DIALECTS[language],
    pinned: undefined,
    next: undefined,
    report: (code, message, field, ...fields) => reportAt(current, base)(code, message, field, ...fields),
    subMachine: (sub, field) => emitGraph(compilation, sub, [...base, 'States', current, ...field]),
  };
  for (let i = 0; i < ordered.length; i++) {
    const state = ordered[i] as StateNode;
    const stateLanguage = state.queryLanguage ?? language;
    current = state.name;
    context.dialect = DIALECTS[stateLanguage];
    context.pinned = stateLanguage === language ? undefined : stateLanguage;
    context.next = next[i];
    defineKey(states, state.name, withRaw(emitState(state, context), state.raw));
    variables.note(state);
    if (state.contract !== undefined && hasOwnKeys(state.contract)) contracts[state.name] = state.contract;
    if (state.kind === 'task' && state.handler !== undefined) handlers[state.name] = state.handler;
  }
  return { StartAt: startAt, States: states };
}

const ignore: Report = () => undefined;

// Whether `record` has an own enumerable key (without listing them all in a new array per state).
function hasOwnKeys(record: object): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

/**
 * The document around the top-level machine. Most workflows have no Comment and no QueryLanguage (JSONPath, the
 * default, is written only when declared): their document is one object literal, whose hidden class V8 keeps with
 * the literal, so code specialised on it is not discarded when the previous document is collected.
 */
function documentOf(node: WorkflowNode, language: QueryLanguage, machine: SubMachine): AslDocument {
  const hasLanguage = language === 'JSONata' || language === node.queryLanguage;
  const document: Draft<AslDocument> =
    node.comment === undefined && !hasLanguage
      ? { StartAt: machine.StartAt, States: machine.States }
      : {
          ...(node.comment === undefined ? {} : { Comment: node.comment }),
          // JSONPath is the default: written only when the workflow declares it.
          ...(hasLanguage ? { QueryLanguage: language } : {}),
          StartAt: machine.StartAt,
          States: machine.States,
        };
  if (node.timeoutSeconds !== undefined) document.TimeoutSeconds = node.timeoutSeconds;
  if (node.version !== undefined) document.Version = node.version;
  return document;
}
