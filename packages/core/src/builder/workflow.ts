import type { QueryLanguage } from '../ir/common-node.js';
import type { StateContract } from '../ir/contract.js';
import { createWorkflowNode, type WorkflowNode } from '../ir/workflow-node.js';
import type { Accepts, Check, Resolved, Unset } from '../types/type-utils.js';
import {
  type AnyChain,
  type Chain,
  type ChainNames,
  type FirstOf,
  fragmentOf,
  graphOf,
  type Names,
  type OutputOf,
  type ResourcesOf,
  type WireCheck,
} from './chain.js';
import { type DeclaredInput, isSchema, type MaybeSchema } from './spec.js';
import { defined } from './state.js';

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
  /** The query language the workflow compiles to by default (JSONPath); `compile(…, { queryLanguage })` overrides it. */
  readonly queryLanguage?: QueryLanguage;
}

/** A complete workflow: a name, an input type and a chain of states. `compile()` turns it into ASL. */
export interface Workflow<
  TName extends string = string,
  TInput = unknown,
  TOutput = unknown,
  TNames extends Names = Names,
> {
  readonly [workflowBrand]: true;
  readonly name: TName;
  readonly '~types': { readonly input: TInput; readonly output: TOutput; readonly names: TNames };
  /** Continues the workflow's chain. */
  next<$Next extends AnyChain>(
    next: $Next & WireCheck<TOutput, TNames, $Next>,
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
    chain: $Chain &
      Check<
        Accepts<$Chain['~types']['input'], TInput>,
        `Input of workflow "${TName}" is not assignable to input of "${FirstOf<$Chain>}"`
      >,
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
): WorkflowStart<TName, DeclaredInput<TInputSchema>> {
  return Object.freeze({
    start: (chain: AnyChain) => createWorkflow(name, options, fragmentOf(chain) && chain),
  }) as unknown as WorkflowStart<TName, DeclaredInput<TInputSchema>>;
}

function createWorkflow(name: string, options: WorkflowOptions<MaybeSchema>, chain: AnyChain): unknown {
  return Object.freeze({
    [workflowBrand]: true,
    name,
    '~types': undefined,
    next: (next: AnyChain) =>
      createWorkflow(name, options, (chain as Chain<unknown, unknown, Names>).next(next as never)),
    toNode: () =>
      createWorkflowNode({
        name,
        graph: graphOf(chain),
        type: options.type ?? 'STANDARD',
        ...defined('comment', options.comment),
        ...defined('timeoutSeconds', options.timeoutSeconds),
        ...defined('queryLanguage', options.queryLanguage),
        ...defined(
          'contract',
          isSchema(options.input) ? ({ stateInput: options.input } satisfies StateContract) : undefined,
        ),
      }),
  });
}

/** Whether `value` is a workflow built by `workflow()` (the CLI uses it to find exported workflows). */
export function isWorkflow(value: unknown): value is Workflow {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [workflowBrand]?: unknown })[workflowBrand] === true
  );
}
