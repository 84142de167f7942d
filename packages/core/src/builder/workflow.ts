import type { StateContract } from '@stepcraft/asl';
import type { QueryLanguage } from '../ir/common-node.js';
import { createWorkflowNode, type WorkflowNode } from '../ir/workflow-node.js';
import type { Fit, Param } from '../types/fit.js';
import type { Resolved } from '../types/pass-through.js';
import type { Built, Unset } from '../types/type-utils.js';
import type {
  AnyChain,
  ChainNames,
  FirstOf,
  InputOf,
  Names,
  OutputOf,
  ResourcesOf,
  WireCheck,
} from './chain.js';
import { defined } from './defined.js';
import { concat, type Fragment, fragmentOf, graphOfFragment } from './fragment.js';
import { type DeclaredInput, isSchema, type MaybeSchema } from './spec.js';

const workflowBrand: unique symbol = Symbol.for('stepcraft.workflow');

/** How `workflow()` is configured. */
export interface WorkflowOptions<TInputSchema extends MaybeSchema> {
  /** The execution input. */
  readonly input?: TInputSchema;
  readonly comment?: string;
  /** Fails the execution with `States.Timeout` after this many seconds. */
  readonly timeoutSeconds?: number;
  /** `STANDARD` (default) or `EXPRESS`; Express rejects `.sync`, `.waitForTaskToken` and activities. */
  readonly type?: 'STANDARD' | 'EXPRESS';
  /**
   * The query language the workflow compiles to by default (JSONPath); `compile(…, { queryLanguage })` overrides it.
   * Given, it is written as the document's `QueryLanguage` (JSONPath too, though it is the default).
   */
  readonly queryLanguage?: QueryLanguage;
  /** The document's `Version` (`"1.0"`, ASL's only version and its default). */
  readonly version?: '1.0';
  /**
   * The order of the states in each `States` object of the document (by name; unlisted states follow in the
   * compiler's order). `stepcraft import` writes it, so the definition it read is built back in its own order.
   * @example workflow('Orders', { stateOrder: ['Receive', 'Failed', 'Ship'] })
   */
  readonly stateOrder?: readonly string[];
}

/**
 * A complete workflow: a name, an input type and a chain of states. `compile()` turns it into ASL. Variances declared as TypeScript measures them (see {@link Chain}).
 */
export interface Workflow<
  out TName extends string = string,
  out TInput = unknown,
  out TOutput = unknown,
  TNames extends Names = Names,
> {
  readonly [workflowBrand]: true;
  readonly name: TName;
  readonly '~types': { readonly input: TInput; readonly output: TOutput; readonly names: TNames };
  /** Continues the workflow's chain. */
  next<$Next extends AnyChain>(
    next: Param<$Next, WireCheck<TOutput, TNames, $Next>>,
  ): Workflow<
    TName,
    TInput,
    Resolved<OutputOf<$Next>, TOutput>,
    ChainNames<
      TNames['first'],
      $Next['~types']['names']['last'],
      $Next['~types']['names']['open'],
      TNames['resources'] | ResourcesOf<$Next>
    >
  >;
  /** The IR the compiler reads. */
  toNode(): WorkflowNode;
}

/** A workflow before its first state. */
export interface WorkflowStart<TName extends string, TInput> {
  /** Sets the first state (or chain); it must accept the workflow's input. */
  start<$Chain extends AnyChain>(
    chain: Param<$Chain, Fit<TInput, InputOf<$Chain>, ['workflowInput', TName], FirstOf<$Chain>>>,
  ): Workflow<TName, TInput, Resolved<OutputOf<$Chain>, TInput>, $Chain['~types']['names']>;
}

/**
 * Declares a workflow.
 * @example export const orders = workflow('OrderProcessing', { input: Order }).start(receiveOrder).next(processPayment)
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html
 */
export function workflow<const TName extends string, TInputSchema extends MaybeSchema = Unset>(
  name: TName,
  options: WorkflowOptions<TInputSchema> = {},
): Built<WorkflowStart<TName, DeclaredInput<TInputSchema>>> {
  return new WorkflowStartImpl<TName, DeclaredInput<TInputSchema>>(name, options);
}

/** `workflow()` before its first state. Checked against `WorkflowStart` by `implements`. */
class WorkflowStartImpl<TName extends string, TInput> implements WorkflowStart<TName, TInput> {
  readonly #name: TName;
  readonly #options: WorkflowOptions<MaybeSchema>;

  constructor(name: TName, options: WorkflowOptions<MaybeSchema>) {
    this.#name = name;
    this.#options = options;
    Object.freeze(this);
  }

  start<$Chain extends AnyChain>(
    chain: Param<$Chain, Fit<TInput, InputOf<$Chain>, ['workflowInput', TName], FirstOf<$Chain>>>,
  ): Workflow<TName, TInput, Resolved<OutputOf<$Chain>, TInput>, $Chain['~types']['names']> {
    return new WorkflowImpl<TName, TInput, Resolved<OutputOf<$Chain>, TInput>, $Chain['~types']['names']>(
      this.#name,
      this.#options,
      fragmentOf(chain),
    );
  }
}

/** A workflow at run time: its options and the fragment of its chain. Checked against `Workflow`. */
class WorkflowImpl<TName extends string, TInput, TOutput, TNames extends Names>
  implements Workflow<TName, TInput, TOutput, TNames>
{
  readonly [workflowBrand] = true as const;
  declare readonly '~types': { readonly input: TInput; readonly output: TOutput; readonly names: TNames };
  readonly name: TName;
  readonly #options: WorkflowOptions<MaybeSchema>;
  readonly #fragment: Fragment;

  constructor(name: TName, options: WorkflowOptions<MaybeSchema>, fragment: Fragment) {
    this.name = name;
    this.#options = options;
    this.#fragment = fragment;
    Object.freeze(this);
  }

  next<$Next extends AnyChain>(
    next: Param<$Next, WireCheck<TOutput, TNames, $Next>>,
  ): Workflow<
    TName,
    TInput,
    Resolved<OutputOf<$Next>, TOutput>,
    ChainNames<
      TNames['first'],
      $Next['~types']['names']['last'],
      $Next['~types']['names']['open'],
      TNames['resources'] | ResourcesOf<$Next>
    >
  > {
    return new WorkflowImpl<
      TName,
      TInput,
      Resolved<OutputOf<$Next>, TOutput>,
      ChainNames<
        TNames['first'],
        $Next['~types']['names']['last'],
        $Next['~types']['names']['open'],
        TNames['resources'] | ResourcesOf<$Next>
      >
    >(this.name, this.#options, concat(this.#fragment, fragmentOf(next)));
  }

  toNode(): WorkflowNode {
    const options = this.#options;
    return createWorkflowNode({
      name: this.name,
      graph: graphOfFragment(this.#fragment),
      type: options.type ?? 'STANDARD',
      ...defined('comment', options.comment),
      ...defined('timeoutSeconds', options.timeoutSeconds),
      ...defined('queryLanguage', options.queryLanguage),
      ...defined('version', options.version),
      ...defined('stateOrder', options.stateOrder),
      ...defined(
        'contract',
        isSchema(options.input) ? ({ stateInput: options.input } satisfies StateContract) : undefined,
      ),
    });
  }
}

/** Whether `value` is a workflow built by `workflow()` (the CLI uses it to find exported workflows). */
export function isWorkflow(value: unknown): value is Workflow {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [workflowBrand]?: unknown })[workflowBrand] === true
  );
}
