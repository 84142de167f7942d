import type { ItemBatcher, ItemReader, JsonValue, ResultWriter } from '@stepcraft/asl';
import { raise } from '../errors.js';
import {
  createMapNode,
  createRawAslNode,
  type DistributedNode,
  type ItemBatcherNode,
  type ItemReaderNode,
  type NumberValue,
  type RawAslNode,
  type ResultWriterNode,
} from '../ir/map-node.js';
import { createReferenceNode, type TemplateNode } from '../ir/template-node.js';
import type { Fit, Param } from '../types/fit.js';
import type { Message } from '../types/messages.js';
import type { Resolved } from '../types/pass-through.js';
import type { CheckPath, ValueAtPath } from '../types/paths.js';
import type { Pending, SpecKeys } from '../types/spec-keys.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type { Built, SchemaLike, Simplify, Unset } from '../types/type-utils.js';
import type { AnyChain, FirstOf, InputOf, OutputOf, ResourcesOf } from './chain.js';
import type { ContextObject, MapItemContextObject } from './context.js';
import { defined } from './defined.js';
import { type Dynamic, dynamicValue, type InputRefs } from './dynamic.js';
import { graphOf } from './fragment.js';
import type { Arg } from './intrinsics.js';
import { parsePath } from './paths.js';
import { type Ref, type Resolve, type TemplateValue, toTemplate } from './refs.js';
import { type WorkState, WorkStateImpl } from './result-state.js';
import { runSelector, type Selector } from './selector.js';
import {
  type AfterInputPath,
  type CommonSpec,
  commonFields,
  type DeclaredInput,
  type InputPathCheck,
  inputPathField,
} from './spec.js';

type Items<TEffective, TItemsPath> = TItemsPath extends string
  ? ValueAtPath<TEffective, TItemsPath>
  : TEffective;

/** The element type of the Map's items. */
export type ItemOf<TEffective, TItemsPath> =
  NonNullable<Items<TEffective, TItemsPath>> extends readonly (infer $Item)[] ? $Item : never;

/** Rejects an `itemsPath` that does not select an array. */
export type ItemsPathCheck<TName extends string, TEffective, TItemsPath> = TItemsPath extends string
  ? unknown extends TEffective
    ? CheckPath<TEffective, TItemsPath, `the input of '${TName}'`>
    : NonNullable<Items<TEffective, TItemsPath>> extends readonly unknown[]
      ? unknown
      : StepcraftTypeError<Message<'itemsPath', [TItemsPath, TName]>>
  : unknown;

type IterationInput<TEffective, TItemsPath, TSelected> = [TSelected] extends [Unset]
  ? ItemOf<TEffective, TItemsPath>
  : Resolve<TSelected>;

/** A template value, or a selector over the Map's (effective) input returning one. */
type Payload<TValue, TInput> = TValue | ((refs: InputRefs<TInput>) => TValue);

/** Extra S3 request fields (`VersionId`, `ExpectedBucketOwner`, …) beside the typed ones. */
interface S3Fields {
  readonly [field: string]: TemplateValue | undefined;
}

/** An S3 object: `{ Bucket, Key }`. */
export interface S3Object extends S3Fields {
  readonly Bucket: Arg<string>;
  readonly Key: Arg<string>;
}

/** An S3 location: `{ Bucket, Prefix? }`. */
export interface S3Prefix extends S3Fields {
  readonly Bucket: Arg<string>;
  readonly Prefix?: Arg<string>;
}

/**
 * Where a Distributed Map reads its items: one S3 object parsed per `inputType`, or the objects under a prefix.
 * @example { resource: 's3:getObject', parameters: ({ input }) => ({ Bucket: input.bucket, Key: 'rows.csv' }), inputType: 'CSV', csvHeaderLocation: 'FIRST_ROW' }
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
export type ItemReaderOptions<TInput> =
  | {
      readonly resource: 's3:getObject';
      readonly parameters: Payload<S3Object, TInput>;
      readonly inputType: 'CSV' | 'JSON' | 'JSONL' | 'MANIFEST' | 'PARQUET';
      readonly csvHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
      readonly csvHeaders?: readonly string[];
      readonly csvDelimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB';
      readonly manifestType?: 'ATHENA_DATA' | 'S3_INVENTORY';
      /** At most this many items (MaxItems / MaxItemsPath). */
      readonly maxItems?: Dynamic<number, InputRefs<TInput>>;
    }
  | {
      readonly resource: 's3:listObjectsV2';
      readonly parameters: Payload<S3Prefix, TInput>;
      readonly maxItems?: Dynamic<number, InputRefs<TInput>>;
    };

/**
 * How a Distributed Map batches items: each child then gets `{ Items: [...], BatchInput }`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
export interface ItemBatcherOptions<TInput> {
  readonly maxItemsPerBatch?: Dynamic<number, InputRefs<TInput>>;
  readonly maxInputBytesPerBatch?: Dynamic<number, InputRefs<TInput>>;
  /** Added to every batch, built from the Map's (effective) input. */
  readonly batchInput?: Payload<TemplateValue, TInput>;
}

/**
 * Where a Distributed Map writes its results (`s3:putObject`); the Map's result is then the Map Run's details.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
 */
export interface ResultWriterOptions<TInput> {
  readonly resource?: 's3:putObject';
  readonly parameters?: Payload<S3Prefix, TInput>;
  readonly writerConfig?: {
    readonly outputType?: 'JSON' | 'JSONL';
    readonly transformation?: 'NONE' | 'COMPACT' | 'FLATTEN';
  };
}

/** Distributed Map settings (with `mode: 'distributed'`); reader, batcher and writer may also be raw ASL. */
export interface DistributedOptions<TInput = unknown, TBatcher = never> {
  readonly executionType?: 'STANDARD' | 'EXPRESS';
  /** Names the Map Run (1 to 40 characters). */
  readonly label?: string;
  /** The Map fails when more than this share of items fail (0 to 100). */
  readonly toleratedFailurePercentage?: Dynamic<number, InputRefs<TInput>>;
  readonly toleratedFailurePercentagePath?: string;
  /** The Map fails when more than this many items fail. */
  readonly toleratedFailureCount?: Dynamic<number, InputRefs<TInput>>;
  readonly toleratedFailureCountPath?: string;
  readonly itemReader?: ItemReaderOptions<TInput> | ItemReader;
  /** Batches items: each child execution then gets `{ Items: [...], BatchInput }` (typed for the processor). */
  // `| TBatcher`, not `TBatcher &`: the options type their selectors while `map()` infers which batcher was given.
  readonly itemBatcher?: MapBatcher<TInput> | TBatcher;
  readonly resultWriter?: ResultWriterOptions<TInput> | ResultWriter;
}

/** An ItemBatcher, typed options or raw ASL. */
export type MapBatcher<TInput> = ItemBatcherOptions<TInput> | ItemBatcher;

/**
 * What each iteration receives: the item (after ItemSelector), or with an ItemBatcher the batch
 * `{ Items: [...], BatchInput }` (`BatchInput` only when the batcher sets it).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
export type IterationOf<TItem, TBatcher> = [TBatcher] extends [undefined]
  ? TItem
  : Simplify<{ Items: TItem[] } & BatchInputOf<TBatcher>>;

type BatchInputOf<TBatcher> = TBatcher extends { readonly batchInput: infer $Input }
  ? { BatchInput: Resolve<$Input extends (refs: never) => infer $Built ? $Built : $Input> }
  : TBatcher extends { readonly BatchInput: JsonValue }
    ? // Raw ASL: a template whose evaluated keys the types cannot know.
      { BatchInput: { readonly [key: string]: JsonValue } }
    : unknown;

/** How `map()` is configured. */
export interface MapSpec<
  TName extends string,
  TInputSchema extends SchemaLike,
  TInputPath,
  TItemsPath,
  TItemSelected,
  TProcessor extends AnyChain,
  TSelected,
  TBatcher = undefined,
  TKeys = never,
> extends CommonSpec,
    DistributedOptions<MapEffective<TInputSchema, TInputPath>, TBatcher> {
  readonly input: TInputSchema;
  readonly inputPath?: Param<TInputPath, InputPathCheck<TName, DeclaredInput<TInputSchema>, TInputPath>>;
  /** The array to iterate (default: the effective input itself). */
  readonly itemsPath?: Param<
    TItemsPath,
    ItemsPathCheck<TName, MapEffective<TInputSchema, TInputPath>, TItemsPath>
  >;
  /**
   * Builds each iteration's input; `context.Map.Item.Value` is the item, `context.Map.Item.Index` its index.
   * @example ({ input, context }) => ({ row: context.Map.Item.Value, batch: input.batchId })
   */
  readonly itemSelector?: (refs: {
    readonly input: Ref<MapEffective<TInputSchema, TInputPath>>;
    readonly context: Ref<MapItemContextObject<ItemOf<MapEffective<TInputSchema, TInputPath>, TItemsPath>>>;
  }) => TItemSelected;
  /** The states run per item (per batch with an ItemBatcher); one that cannot accept them is an error here. */
  // Checked once the ItemSelector's return and the ItemBatcher are known (`Pending`, see `SpecKeys`).
  readonly processor: Param<
    TProcessor,
    Pending<TKeys, 'itemSelector', TItemSelected, Unset> extends true
      ? unknown
      : Pending<TKeys, 'itemBatcher', TBatcher, undefined> extends true
        ? unknown
        : ProcessorCheck<
            TName,
            NoInfer<MapIteration<TInputSchema, TInputPath, TItemsPath, TItemSelected, TBatcher>>,
            NoInfer<TBatcher>,
            TProcessor
          >
  >;
  /** Iterations at once (0 = as many as possible). */
  readonly maxConcurrency?: number;
  readonly maxConcurrencyPath?: string;
  /**
   * `distributed` runs iterations as child executions (ProcessorConfig.Mode DISTRIBUTED); `inline` (the default when
   * omitted) is written out as `ProcessorConfig: { "Mode": "INLINE" }` when given.
   */
  readonly mode?: 'inline' | 'distributed';
  /** Writes the processor under its deprecated name `Iterator` (AWS still accepts it) instead of `ItemProcessor`. */
  readonly processorField?: 'ItemProcessor' | 'Iterator';
  /** Writes the item selector under its deprecated name `Parameters` instead of `ItemSelector`. */
  readonly itemSelectorField?: 'ItemSelector' | 'Parameters';
  readonly resultSelector?: (refs: {
    readonly result: Ref<
      MapResult<
        MapIteration<TInputSchema, TInputPath, TItemsPath, TItemSelected, TBatcher>,
        TProcessor,
        Unset
      >
    >;
    readonly context: Ref<ContextObject>;
  }) => TSelected;
}

type MapSpecKey = keyof MapSpec<string, SchemaLike, undefined, undefined, Unset, AnyChain, Unset>;

/** The Map's effective input (after InputPath). */
type MapEffective<TInputSchema extends SchemaLike, TInputPath> = AfterInputPath<
  DeclaredInput<TInputSchema>,
  TInputPath
>;

/** What one iteration of the Map receives. */
type MapIteration<
  TInputSchema extends SchemaLike,
  TInputPath,
  TItemsPath,
  TItemSelected,
  TBatcher,
> = IterationOf<IterationInput<MapEffective<TInputSchema, TInputPath>, TItemsPath, TItemSelected>, TBatcher>;

/** Rejects a processor that cannot accept what each iteration receives, naming the fields. */
export type ProcessorCheck<TName extends string, TIteration, TBatcher, TProcessor extends AnyChain> = Fit<
  TIteration,
  InputOf<TProcessor>,
  [[TBatcher] extends [undefined] ? 'mapItems' : 'mapBatches', TName],
  FirstOf<TProcessor>
>;

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
  TBatcher extends MapBatcher<MapEffective<TInputSchema, TInputPath>> | undefined = undefined,
  TKeys extends PropertyKey = never,
>(
  name: TName,
  spec: MapSpec<
    TName,
    TInputSchema,
    TInputPath,
    TItemsPath,
    TItemSelected,
    TProcessor,
    TSelected,
    TBatcher,
    TKeys
  > &
    SpecKeys<TKeys, MapSpecKey, 'map'>,
): Built<
  WorkState<
    TName,
    DeclaredInput<TInputSchema>,
    MapResult<
      MapIteration<TInputSchema, TInputPath, TItemsPath, TItemSelected, TBatcher>,
      TProcessor,
      TSelected
    >,
    MapResult<
      MapIteration<TInputSchema, TInputPath, TItemsPath, TItemSelected, TBatcher>,
      TProcessor,
      TSelected
    >,
    ResourcesOf<TProcessor>
  >
> {
  if (spec.maxConcurrency !== undefined && spec.maxConcurrencyPath !== undefined) {
    raise(
      'EXCLUSIVE_FIELDS',
      `Map "${name}" has both maxConcurrency and maxConcurrencyPath; keep one`,
      name,
      { fields: ['MaxConcurrency', 'MaxConcurrencyPath'] },
    );
  }
  const node = createMapNode({
    name,
    ...commonFields(spec, spec.input),
    ...inputPathField(spec.inputPath, name),
    ...defined(
      'itemsPath',
      spec.itemsPath === undefined ? undefined : parsePath(spec.itemsPath as string, 'ItemsPath', name),
    ),
    ...defined('itemSelector', runSelector(spec.itemSelector, `ItemSelector of "${name}"`, name)),
    ...defined(
      'maxConcurrency',
      spec.maxConcurrencyPath === undefined
        ? spec.maxConcurrency
        : parsePath(spec.maxConcurrencyPath, 'MaxConcurrencyPath', name),
    ),
    ...defined(
      'distributed',
      spec.mode === 'distributed' ? distributed(name, spec as DistributedOptions<never>) : undefined,
    ),
    ...defined('resultSelector', runSelector(spec.resultSelector, `ResultSelector of "${name}"`, name)),
    processor: graphOf(spec.processor),
    retry: [],
    catch: [],
    // The forms written as an imported definition wrote them: an explicit inline mode, the deprecated names.
    ...defined('explicitInline', spec.mode === 'inline' ? true : undefined),
    ...defined('processorField', spec.processorField),
    ...defined('itemSelectorField', spec.itemSelectorField),
  });
  type Result = MapResult<
    MapIteration<TInputSchema, TInputPath, TItemsPath, TItemSelected, TBatcher>,
    TProcessor,
    TSelected
  >;
  return new WorkStateImpl<TName, DeclaredInput<TInputSchema>, Result, Result, ResourcesOf<TProcessor>>(
    name,
    node,
    [],
  );
}

function distributed(name: string, spec: DistributedOptions<never>): DistributedNode {
  const tolerated = (key: 'toleratedFailurePercentage' | 'toleratedFailureCount', field: string) => {
    const path = spec[`${key}Path`];
    if (path !== undefined && spec[key] !== undefined) {
      raise('EXCLUSIVE_FIELDS', `Map "${name}" has both ${key} and ${key}Path; keep one`, name, {
        fields: [field, `${field}Path`],
      });
    }
    return path === undefined
      ? (dynamicValue(spec[key], `${field} of "${name}"`) as NumberValue | undefined)
      : createReferenceNode(parsePath(path, `${field}Path`, name));
  };
  return {
    executionType: spec.executionType ?? 'STANDARD',
    ...defined('label', spec.label),
    ...defined(
      'toleratedFailurePercentage',
      tolerated('toleratedFailurePercentage', 'ToleratedFailurePercentage'),
    ),
    ...defined('toleratedFailureCount', tolerated('toleratedFailureCount', 'ToleratedFailureCount')),
    ...defined('itemReader', spec.itemReader === undefined ? undefined : itemReader(name, spec.itemReader)),
    ...defined(
      'itemBatcher',
      spec.itemBatcher === undefined ? undefined : itemBatcher(name, spec.itemBatcher),
    ),
    ...defined(
      'resultWriter',
      spec.resultWriter === undefined ? undefined : resultWriter(name, spec.resultWriter),
    ),
  };
}

// Raw ASL is told apart from typed options by its capitalised field names.
function isAsl<TOptions extends object, TAsl extends object>(value: TOptions | TAsl): value is TAsl {
  return Object.keys(value).some((key) => /^[A-Z]/.test(key));
}

function payload(value: unknown, where: string): TemplateNode {
  // Refs are callable proxies, but a payload is an object or a selector: a function here is a selector.
  return typeof value === 'function' ? runSelector(value as Selector, where) : toTemplate(value, where);
}

function itemReader(
  name: string,
  options: ItemReaderOptions<never> | ItemReader,
): ItemReaderNode | RawAslNode<ItemReader> {
  if (isAsl<ItemReaderOptions<never>, ItemReader>(options)) return createRawAslNode(options);
  const o = options;
  const where = `ItemReader of "${name}"`;
  const file = o.resource === 's3:getObject' ? o : undefined;
  const readerConfig = {
    ...defined('inputType', file?.inputType),
    ...defined('csvHeaderLocation', file?.csvHeaderLocation),
    ...defined(
      'csvHeaders',
      file?.csvHeaders === undefined ? undefined : Object.freeze([...file.csvHeaders]),
    ),
    ...defined('csvDelimiter', file?.csvDelimiter),
    ...defined('manifestType', file?.manifestType),
    ...defined('maxItems', dynamicValue(o.maxItems, `MaxItems of the ${where}`) as NumberValue | undefined),
  };
  return Object.freeze({
    kind: 'item-reader',
    resource: `arn:aws:states:::${o.resource}`,
    parameters: payload(o.parameters, `Parameters of the ${where}`),
    ...(Object.keys(readerConfig).length === 0 ? {} : { readerConfig: Object.freeze(readerConfig) }),
  });
}

function itemBatcher(
  name: string,
  options: ItemBatcherOptions<never> | ItemBatcher,
): ItemBatcherNode | RawAslNode<ItemBatcher> {
  if (isAsl<ItemBatcherOptions<never>, ItemBatcher>(options)) return createRawAslNode(options);
  const o = options;
  const where = `ItemBatcher of "${name}"`;
  return Object.freeze({
    kind: 'item-batcher',
    ...defined(
      'maxItemsPerBatch',
      dynamicValue(o.maxItemsPerBatch, `MaxItemsPerBatch of the ${where}`) as NumberValue | undefined,
    ),
    ...defined(
      'maxInputBytesPerBatch',
      dynamicValue(o.maxInputBytesPerBatch, `MaxInputBytesPerBatch of the ${where}`) as
        | NumberValue
        | undefined,
    ),
    ...defined(
      'batchInput',
      o.batchInput === undefined ? undefined : payload(o.batchInput, `BatchInput of the ${where}`),
    ),
  });
}

function resultWriter(
  name: string,
  options: ResultWriterOptions<never> | ResultWriter,
): ResultWriterNode | RawAslNode<ResultWriter> {
  if (isAsl<ResultWriterOptions<never>, ResultWriter>(options)) return createRawAslNode(options);
  const o = options;
  const config = o.writerConfig;
  return Object.freeze({
    kind: 'result-writer',
    resource: `arn:aws:states:::${o.resource ?? 's3:putObject'}`,
    ...defined(
      'parameters',
      o.parameters === undefined
        ? undefined
        : payload(o.parameters, `Parameters of the ResultWriter of "${name}"`),
    ),
    ...defined(
      'writerConfig',
      config === undefined
        ? undefined
        : {
            ...defined('OutputType', config.outputType),
            ...defined('Transformation', config.transformation),
          },
    ),
  });
}
