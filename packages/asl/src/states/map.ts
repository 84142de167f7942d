import type { JsonObject, JsonValue } from '../json.js';
import type {
  Assign,
  Catcher,
  JsonPathIo,
  PayloadTemplate,
  Retrier,
  StateBase,
  SubMachine,
  Transition,
} from './common.js';

/** `ItemProcessor.ProcessorConfig`: inline (default) or distributed child executions. */
export interface ProcessorConfig {
  readonly Mode?: 'INLINE' | 'DISTRIBUTED';
  readonly ExecutionType?: 'STANDARD' | 'EXPRESS';
}

/** A Map's processor: a nested state machine plus its mode. */
export interface ItemProcessor extends SubMachine {
  readonly ProcessorConfig?: ProcessorConfig;
}

/** Distributed Map: where items are read from (S3). */
export interface ItemReader {
  readonly Resource: string;
  readonly Parameters?: PayloadTemplate;
  readonly Arguments?: JsonValue;
  readonly ReaderConfig?: {
    readonly InputType?: 'CSV' | 'JSON' | 'JSONL' | 'MANIFEST' | 'PARQUET';
    readonly CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
    readonly CSVDelimiter?: string;
    readonly CSVHeaders?: readonly string[];
    readonly MaxItems?: number | string;
    readonly MaxItemsPath?: string;
    readonly ManifestType?: string;
  };
}

/** Distributed Map: how items are grouped into batches. */
export interface ItemBatcher {
  readonly MaxItemsPerBatch?: number | string;
  readonly MaxItemsPerBatchPath?: string;
  readonly MaxInputBytesPerBatch?: number | string;
  readonly MaxInputBytesPerBatchPath?: string;
  readonly BatchInput?: JsonValue;
}

/** Distributed Map: where results are written (S3). */
export interface ResultWriter {
  readonly Resource?: string;
  readonly Parameters?: PayloadTemplate;
  readonly Arguments?: JsonValue;
  readonly WriterConfig?: JsonObject;
}

/**
 * Map: runs the processor once per item; the result is the array of iteration outputs, in item order.
 * `Iterator` and (in Map) `Parameters` are the deprecated names of `ItemProcessor` and `ItemSelector`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
export interface MapState extends StateBase, Transition, JsonPathIo {
  readonly Type: 'Map';
  readonly ItemProcessor?: ItemProcessor;
  readonly Iterator?: ItemProcessor;
  readonly ItemsPath?: string;
  /** JSONata: an array or a `{% %}` expression. */
  readonly Items?: JsonValue;
  readonly ItemSelector?: JsonValue;
  readonly Parameters?: PayloadTemplate;
  readonly ItemReader?: ItemReader;
  readonly ItemBatcher?: ItemBatcher;
  readonly ResultWriter?: ResultWriter;
  readonly MaxConcurrency?: number | string;
  readonly MaxConcurrencyPath?: string;
  readonly ToleratedFailurePercentage?: number | string;
  readonly ToleratedFailurePercentagePath?: string;
  readonly ToleratedFailureCount?: number | string;
  readonly ToleratedFailureCountPath?: string;
  readonly Label?: string;
  readonly ResultSelector?: PayloadTemplate;
  readonly ResultPath?: string | null;
  readonly Output?: JsonValue;
  readonly Assign?: Assign;
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
}
