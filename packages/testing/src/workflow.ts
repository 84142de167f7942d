import type { AslDocument, WorkflowInput, WorkflowOutput } from '@stepcraft/asl';
import {
  type CompilableWorkflow,
  type CompiledWorkflow,
  compile,
  isWorkflow,
  type QueryLanguage,
} from '@stepcraft/core';
import type { Handlers, RunnableWorkflow } from '@stepcraft/runner';

/** A workflow from `workflow()`, seen through its phantom types. */
export interface BuilderWorkflow extends CompilableWorkflow {
  readonly name: string;
  readonly '~types': { readonly input: unknown; readonly output: unknown };
}

/**
 * An ASL document as TypeScript types a JSON import of it (`Type: string`, not the literal): it is validated when
 * it runs.
 */
export interface AslDocumentLike {
  readonly StartAt: string;
  readonly States: object;
}

/**
 * What the testing toolkit runs: a workflow from `workflow()`, a compiled workflow, or an ASL document (typed, or
 * imported from a `.asl.json` file).
 */
export type Testable = BuilderWorkflow | RunnableWorkflow | AslDocumentLike;

/** The execution input type of a testable workflow or compiled workflow (`JsonValue` for plain ASL). */
export type InputOf<TWorkflow extends Testable> = WorkflowInput<TWorkflow>;

/** The execution output type of a testable workflow or compiled workflow (`JsonValue` for plain ASL). */
export type OutputOf<TWorkflow extends Testable> = WorkflowOutput<TWorkflow>;

/** The names of the states of an ASL document type, nested ones included (`string` when the type does not list them). */
export type DocumentStateNames<
  TDocument,
  TDepth extends readonly unknown[] = [],
> = TDepth['length'] extends 10
  ? string
  : TDocument extends { readonly States: infer $States }
    ? string extends keyof $States
      ? string
      :
          | (keyof $States & string)
          | { [K in keyof $States]: NestedStateNames<$States[K], [...TDepth, K]> }[keyof $States]
    : string;

type NestedStateNames<TState, TDepth extends readonly unknown[]> = TState extends {
  readonly Branches: readonly (infer $Branch)[];
}
  ? DocumentStateNames<$Branch, TDepth>
  : TState extends { readonly ItemProcessor: infer $Processor }
    ? DocumentStateNames<$Processor, TDepth>
    : TState extends { readonly Iterator: infer $Processor }
      ? DocumentStateNames<$Processor, TDepth>
      : never;

/**
 * The state names of a testable workflow, when its type lists them: an ASL document imported from JSON or
 * written `as const`. A builder workflow's type carries only its first and last states (so that long chains stay
 * cheap to check), so its names are `string` and checked when the matcher runs.
 */
export type StateNamesOf<TWorkflow extends Testable> = TWorkflow extends BuilderWorkflow
  ? string
  : TWorkflow extends { readonly definition: infer $Document }
    ? DocumentStateNames<$Document>
    : DocumentStateNames<TWorkflow>;

/** A workflow ready to run: its definition, what the runner takes, and its name. */
export interface ResolvedWorkflow {
  readonly name: string;
  readonly definition: AslDocument;
  readonly runnable: RunnableWorkflow;
  readonly handlers: Handlers;
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
  // A document is checked by the runner's validation before it runs (a JSON import is typed loosely).
  const definition = workflow as AslDocument;
  return { name: 'StateMachine', definition, runnable: definition, handlers: {} };
}
