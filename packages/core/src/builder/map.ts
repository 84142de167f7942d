import type { JsonObject } from '@stepcraft/asl';
import { raise } from '../errors.js';
import { createMapNode, type DistributedNode } from '../ir/map-node.js';
import type { ValueAtPath } from '../types/paths.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type { Accepts, Check, OrError, Resolved, SchemaLike, Unset } from '../types/type-utils.js';
import { type AnyChain, type FirstOf, graphOf, type InputOf, type OutputOf } from './chain.js';
import type { ContextObject, MapItemContextObject } from './context.js';
import type { Ref, Resolve } from './refs.js';
import { createResultState } from './result-state.js';
import { type CommonSpec, commonFields, type DeclaredInput } from './spec.js';
import { defined, parseNullablePath, parsePath, runSelector, type WorkState } from './state.js';
import type { AfterInputPath, InputPathCheck } from './task.js';

type Items<TEffective, TItemsPath> = TItemsPath extends string
  ? ValueAtPath<TEffective, TItemsPath>
  : TEffective;

/** The element type of the Map's items. */
export type ItemOf<TEffective, TItemsPath> =
  NonNullable<Items<TEffective, TItemsPath>> extends readonly (infer $Item)[] ? $Item : never;

/** Rejects an `itemsPath` that does not select an array. */
export type ItemsPathCheck<TName extends string, TEffective, TItemsPath> =
  NonNullable<Items<TEffective, TItemsPath>> extends readonly unknown[]
    ? unknown
    : StepcraftTypeError<`ItemsPath "${TItemsPath & string}" of "${TName}" must select an array in its input`>;

type IterationInput<TEffective, TItemsPath, TSelected> = [TSelected] extends [Unset]
  ? ItemOf<TEffective, TItemsPath>
  : Resolve<TSelected>;

/** Distributed Map settings (with `mode: 'distributed'`). */
export interface DistributedOptions {
  readonly executionType?: 'STANDARD' | 'EXPRESS';
  readonly label?: string;
  readonly toleratedFailurePercentage?: number;
  readonly toleratedFailureCount?: number;
  /** Raw ASL `ItemReader` (Distributed Map reading from S3). */
  readonly itemReader?: JsonObject;
  readonly itemBatcher?: JsonObject;
  readonly resultWriter?: JsonObject;
}

/** How `map()` is configured. */
export interface MapSpec<
  TName extends string,
  TInputSchema extends SchemaLike,
  TInputPath,
  TItemsPath,
  TItemSelected,
  TProcessor extends AnyChain,
  TSelected,
> extends CommonSpec,
    DistributedOptions {
  readonly input: TInputSchema;
  readonly inputPath?: TInputPath & InputPathCheck<TName, DeclaredInput<TInputSchema>, TInputPath>;
  /** The array to iterate (default: the effective input itself). */
  readonly itemsPath?: TItemsPath &
    ItemsPathCheck<TName, AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>, TItemsPath>;
  /**
   * Builds each iteration's input; `context.Map.Item.Value` is the item, `context.Map.Item.Index` its index.
   * @example ({ input, context }) => ({ row: context.Map.Item.Value, batch: input.batchId })
   */
  readonly itemSelector?: (refs: {
    readonly input: Ref<AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>>;
    readonly context: Ref<
      MapItemContextObject<ItemOf<AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>, TItemsPath>>
    >;
  }) => TItemSelected;
  /** The states run per item. One that cannot accept the items turns the result into a `StepcraftTypeError`. */
  readonly processor: TProcessor;
  /** Iterations at once (0 = as many as possible). */
  readonly maxConcurrency?: number;
  readonly maxConcurrencyPath?: string;
  /** `distributed` runs iterations as child executions (ProcessorConfig.Mode DISTRIBUTED). */
  readonly mode?: 'inline' | 'distributed';
  readonly resultSelector?: (refs: {
    readonly result: Ref<
      Resolved<
        OutputOf<TProcessor>,
        IterationInput<AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>, TItemsPath, TItemSelected>
      >[]
    >;
    readonly context: Ref<ContextObject>;
  }) => TSelected;
}

type MapResult<TIteration, TProcessor extends AnyChain, TSelected> = [TSelected] extends [Unset]
  ? Resolved<OutputOf<TProcessor>, TIteration>[]
  : Resolve<TSelected>;

/**
 * A Map state: runs `processor` once per item; its result is the array of outputs, in item order.
 * @example map('Rows', { input: Batch, itemsPath: '$.rows', processor: transform, maxConcurrency: 5 })
 * // "Rows": { "Type": "Map", "ItemsPath": "$.rows", "MaxConcurrency": 5, "ItemProcessor": { … }, … }
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
export function map<
  const TName extends string,
  TInputSchema extends SchemaLike,
  TProcessor extends AnyChain,
  const TInputPath extends string | null | undefined = undefined,
  const TItemsPath extends string | undefined = undefined,
  TItemSelected = Unset,
  TSelected = Unset,
>(
  name: TName,
  spec: MapSpec<TName, TInputSchema, TInputPath, TItemsPath, TItemSelected, TProcessor, TSelected>,
): OrError<
  Check<
    Accepts<
      InputOf<TProcessor>,
      IterationInput<AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>, TItemsPath, TItemSelected>
    >,
    `Items of "${TName}" are not assignable to input of "${FirstOf<TProcessor>}"`
  >,
  WorkState<
    TName,
    DeclaredInput<TInputSchema>,
    MapResult<
      IterationInput<AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>, TItemsPath, TItemSelected>,
      TProcessor,
      TSelected
    >,
    MapResult<
      IterationInput<AfterInputPath<DeclaredInput<TInputSchema>, TInputPath>, TItemsPath, TItemSelected>,
      TProcessor,
      TSelected
    >
  >
> {
  if (spec.maxConcurrency !== undefined && spec.maxConcurrencyPath !== undefined) {
    raise('MAP_CONCURRENCY', `Map "${name}" has both maxConcurrency and maxConcurrencyPath; keep one`, name);
  }
  const node = createMapNode({
    name,
    ...commonFields(spec, spec.input),
    ...defined(
      'inputPath',
      parseNullablePath(spec.inputPath as string | null | undefined, 'InputPath', name),
    ),
    ...defined(
      'itemsPath',
      spec.itemsPath === undefined ? undefined : parsePath(spec.itemsPath as string, 'ItemsPath', name),
    ),
    ...defined(
      'itemSelector',
      spec.itemSelector === undefined
        ? undefined
        : runSelector(spec.itemSelector, `ItemSelector of "${name}"`),
    ),
    ...defined(
      'maxConcurrency',
      spec.maxConcurrencyPath === undefined
        ? spec.maxConcurrency
        : parsePath(spec.maxConcurrencyPath, 'MaxConcurrencyPath', name),
    ),
    ...defined('distributed', spec.mode === 'distributed' ? distributed(spec) : undefined),
    ...defined(
      'resultSelector',
      spec.resultSelector === undefined
        ? undefined
        : runSelector(spec.resultSelector, `ResultSelector of "${name}"`),
    ),
    processor: graphOf(spec.processor),
    retry: [],
    catch: [],
  });
  return createResultState(node);
}

function distributed(spec: DistributedOptions): DistributedNode {
  return {
    executionType: spec.executionType ?? 'STANDARD',
    ...defined('label', spec.label),
    ...defined('toleratedFailurePercentage', spec.toleratedFailurePercentage),
    ...defined('toleratedFailureCount', spec.toleratedFailureCount),
    ...defined('itemReader', spec.itemReader),
    ...defined('itemBatcher', spec.itemBatcher),
    ...defined('resultWriter', spec.resultWriter),
  };
}
