import type { AslDocument, JsonValue } from '@stepcraft/asl';
import {
  type CompilableWorkflow,
  type CompiledWorkflow,
  compile,
  isWorkflow,
  type QueryLanguage,
} from '@stepcraft/core';
import type { RunnableWorkflow } from '@stepcraft/runner';

/** A workflow from `workflow()`, seen through its phantom types. */
export interface BuilderWorkflow extends CompilableWorkflow {
  readonly name: string;
  readonly '~types': { readonly input: unknown; readonly output: unknown };
}

/** What the testing toolkit runs: a workflow from `workflow()`, a compiled workflow, or an ASL document. */
export type Testable = BuilderWorkflow | RunnableWorkflow;

/** The execution input type of a testable workflow (`JsonValue` for plain ASL). */
export type InputOf<TWorkflow extends Testable> = TWorkflow extends BuilderWorkflow
  ? TWorkflow['~types']['input']
  : JsonValue;

/** The execution output type of a testable workflow (`JsonValue` for plain ASL). */
export type OutputOf<TWorkflow extends Testable> = TWorkflow extends BuilderWorkflow
  ? TWorkflow['~types']['output']
  : JsonValue;

/** A workflow ready to run: its definition, what the runner takes, and its name. */
export interface ResolvedWorkflow {
  readonly name: string;
  readonly definition: AslDocument;
  readonly runnable: RunnableWorkflow;
  readonly handlers: Readonly<Record<string, unknown>>;
}

const compiledByLanguage = new WeakMap<object, Map<string, CompiledWorkflow>>();

/** Compiles a builder workflow once per query language (workflows are immutable values). */
function compiledOf(workflow: BuilderWorkflow, language: QueryLanguage | undefined): CompiledWorkflow {
  let byLanguage = compiledByLanguage.get(workflow);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    compiledByLanguage.set(workflow, byLanguage);
  }
  const key = language ?? '';
  let compiled = byLanguage.get(key);
  if (compiled === undefined) {
    compiled = compile(workflow, language === undefined ? {} : { queryLanguage: language });
    byLanguage.set(key, compiled);
  }
  return compiled;
}

/** Resolves a testable workflow to its definition (compiling a builder workflow). */
export function resolveWorkflow(workflow: Testable, queryLanguage?: QueryLanguage): ResolvedWorkflow {
  if (isWorkflow(workflow)) {
    const compiled = compiledOf(workflow, queryLanguage);
    return {
      name: compiled.name,
      definition: compiled.definition,
      runnable: compiled,
      handlers: compiled.handlers,
    };
  }
  if (typeof workflow === 'object' && workflow !== null && 'definition' in workflow) {
    return {
      name: workflow.name ?? 'StateMachine',
      definition: workflow.definition,
      runnable: workflow,
      handlers: workflow.handlers ?? {},
    };
  }
  const definition = workflow as AslDocument;
  return { name: 'StateMachine', definition, runnable: definition, handlers: {} };
}
