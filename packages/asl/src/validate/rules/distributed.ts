import { has, type Obj, own } from '../../json-shape.js';
import { isDeployTimeValue } from '../../placeholders.js';
import type { QueryLanguage } from '../../states/common.js';
import { type Ctx, describe, type Pointer, reportAt, type StateVisit } from '../context.js';
import { checkEnum, checkNumber, optionalObject, POSITIVE_INT, show } from '../values.js';

/** Which query language a sub-field belongs to. */
type FieldLanguage = QueryLanguage | 'both';

const READER_FIELDS: Readonly<Record<string, FieldLanguage>> = {
  Resource: 'both',
  Parameters: 'JSONPath',
  Arguments: 'JSONata',
  ReaderConfig: 'both',
};
const READER_CONFIG_FIELDS: Readonly<Record<string, FieldLanguage>> = {
  InputType: 'both',
  CSVHeaderLocation: 'both',
  CSVHeaders: 'both',
  CSVDelimiter: 'both',
  MaxItems: 'both',
  MaxItemsPath: 'JSONPath',
  ManifestType: 'both',
  Transformation: 'both',
};
const BATCHER_FIELDS: Readonly<Record<string, FieldLanguage>> = {
  MaxItemsPerBatch: 'both',
  MaxItemsPerBatchPath: 'JSONPath',
  MaxInputBytesPerBatch: 'both',
  MaxInputBytesPerBatchPath: 'JSONPath',
  BatchInput: 'both',
};
const WRITER_FIELDS: Readonly<Record<string, FieldLanguage>> = {
  Resource: 'both',
  Parameters: 'JSONPath',
  Arguments: 'JSONata',
  WriterConfig: 'both',
};
const WRITER_CONFIG_FIELDS: Readonly<Record<string, FieldLanguage>> = {
  OutputType: 'both',
  Transformation: 'both',
};

const READER_RESOURCES = ['arn:aws:states:::s3:getObject', 'arn:aws:states:::s3:listObjectsV2'];
const WRITER_RESOURCES = ['arn:aws:states:::s3:putObject'];
/** AWS reads at most 100 000 000 items; 0 (deployed in aws-stepfunctions-examples' monte-carlo map) means no limit. */
const MAX_ITEMS = 100_000_000;
/** AWS caps one batch at 256 KiB. */
const MAX_BATCH_BYTES = 262_144;

/**
 * Map `ItemReader`, `ItemBatcher` and `ResultWriter`: their sub-fields (and in which query language), enumerations,
 * exclusive pairs and limits.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
 */
export function checkDistributed(ctx: Ctx, visit: StateVisit): void {
  const { fields } = visit;
  const reader = optionalObject(ctx, visit, ['ItemReader'], fields.ItemReader);
  if (reader !== undefined) checkReader(ctx, visit, reader);
  const batcher = optionalObject(ctx, visit, ['ItemBatcher'], fields.ItemBatcher);
  if (batcher !== undefined) checkBatcher(ctx, visit, batcher);
  const writer = optionalObject(ctx, visit, ['ResultWriter'], fields.ResultWriter);
  if (writer !== undefined) checkWriter(ctx, visit, writer);
}

function checkReader(ctx: Ctx, visit: StateVisit, reader: Obj): void {
  const at = ['ItemReader'];
  checkSubFields(ctx, visit, at, reader, READER_FIELDS);
  if (!has(reader, 'Resource')) {
    reportAt(ctx, visit, 'MISSING_FIELD', at, `${describe(visit)}: ItemReader requires "Resource".`);
  } else {
    checkResourceIn(ctx, visit, [...at, 'Resource'], reader.Resource, READER_RESOURCES);
  }
  const where = [...at, 'ReaderConfig'];
  const config = optionalObject(ctx, visit, where, own(reader, 'ReaderConfig'));
  if (config === undefined) return;
  checkSubFields(ctx, visit, where, config, READER_CONFIG_FIELDS);
  exclusive(ctx, visit, where, config, ['MaxItems', 'MaxItemsPath']);
  if (has(config, 'MaxItems')) {
    checkNumber(ctx, visit, [...where, 'MaxItems'], config.MaxItems, {
      integer: true,
      min: 0,
      max: MAX_ITEMS,
    });
  }
  if (has(config, 'InputType')) {
    checkEnum(ctx, visit, [...where, 'InputType'], config.InputType, [
      'CSV',
      'JSON',
      'JSONL',
      'MANIFEST',
      'PARQUET',
    ]);
  }
  if (has(config, 'CSVHeaderLocation')) {
    checkEnum(ctx, visit, [...where, 'CSVHeaderLocation'], config.CSVHeaderLocation, ['FIRST_ROW', 'GIVEN']);
  }
  if (has(config, 'CSVDelimiter')) {
    checkEnum(ctx, visit, [...where, 'CSVDelimiter'], config.CSVDelimiter, [
      'COMMA',
      'PIPE',
      'SEMICOLON',
      'SPACE',
      'TAB',
    ]);
  }
}

function checkBatcher(ctx: Ctx, visit: StateVisit, batcher: Obj): void {
  const at = ['ItemBatcher'];
  checkSubFields(ctx, visit, at, batcher, BATCHER_FIELDS);
  exclusive(ctx, visit, at, batcher, ['MaxItemsPerBatch', 'MaxItemsPerBatchPath']);
  exclusive(ctx, visit, at, batcher, ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath']);
  if (has(batcher, 'MaxItemsPerBatch'))
    checkNumber(ctx, visit, [...at, 'MaxItemsPerBatch'], batcher.MaxItemsPerBatch, POSITIVE_INT);
  if (has(batcher, 'MaxInputBytesPerBatch')) {
    checkNumber(ctx, visit, [...at, 'MaxInputBytesPerBatch'], batcher.MaxInputBytesPerBatch, {
      integer: true,
      min: 1,
      max: MAX_BATCH_BYTES,
    });
  }
  const limits = [
    'MaxItemsPerBatch',
    'MaxItemsPerBatchPath',
    'MaxInputBytesPerBatch',
    'MaxInputBytesPerBatchPath',
  ];
  if (!limits.some((field) => has(batcher, field))) {
    reportAt(
      ctx,
      visit,
      'MISSING_FIELD',
      at,
      `${describe(visit)}: ItemBatcher needs at least one of ${limits.map((f) => `"${f}"`).join(', ')}.`,
    );
  }
}

/** AWS accepts WriterConfig alone, Resource with Parameters (or Arguments), or all of them — never an empty writer. */
function checkWriter(ctx: Ctx, visit: StateVisit, writer: Obj): void {
  const at = ['ResultWriter'];
  checkSubFields(ctx, visit, at, writer, WRITER_FIELDS);
  const payload = has(writer, 'Parameters') || has(writer, 'Arguments');
  if (has(writer, 'Resource')) {
    checkResourceIn(ctx, visit, [...at, 'Resource'], writer.Resource, WRITER_RESOURCES);
    if (!payload) {
      const field = visit.language === 'JSONata' ? 'Arguments' : 'Parameters';
      reportAt(
        ctx,
        visit,
        'MISSING_FIELD',
        at,
        `${describe(visit)}: ResultWriter with "Resource" needs "${field}" naming the Bucket and Prefix.`,
      );
    }
  } else if (payload) {
    reportAt(ctx, visit, 'MISSING_FIELD', at, `${describe(visit)}: ResultWriter requires "Resource".`);
  } else if (!has(writer, 'WriterConfig')) {
    reportAt(
      ctx,
      visit,
      'MISSING_FIELD',
      at,
      `${describe(visit)}: ResultWriter needs "WriterConfig", or "Resource" with its "Parameters", or both.`,
    );
  }
  const where = [...at, 'WriterConfig'];
  const config = optionalObject(ctx, visit, where, own(writer, 'WriterConfig'));
  if (config === undefined) return;
  checkSubFields(ctx, visit, where, config, WRITER_CONFIG_FIELDS);
  if (has(config, 'OutputType')) {
    checkEnum(ctx, visit, [...where, 'OutputType'], config.OutputType, ['JSON', 'JSONL']);
  } else {
    reportAt(ctx, visit, 'MISSING_FIELD', where, `${describe(visit)}: WriterConfig requires "OutputType".`);
  }
  if (has(config, 'Transformation')) {
    checkEnum(ctx, visit, [...where, 'Transformation'], config.Transformation, [
      'NONE',
      'COMPACT',
      'FLATTEN',
    ]);
  }
}

/** Unknown sub-fields, and sub-fields of the other query language. */
function checkSubFields(
  ctx: Ctx,
  visit: StateVisit,
  at: Pointer,
  obj: Obj,
  allowed: Readonly<Record<string, FieldLanguage>>,
): void {
  const where = at.join('.');
  for (const key of Object.keys(obj)) {
    const language = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
    if (language === undefined) {
      reportAt(
        ctx,
        visit,
        'UNKNOWN_FIELD',
        [...at, key],
        `${describe(visit)}: ${where} does not support "${key}".`,
      );
    } else if (language !== 'both' && language !== visit.language) {
      reportAt(
        ctx,
        visit,
        'FIELD_NOT_IN_QUERY_LANGUAGE',
        [...at, key],
        `${describe(visit)}: ${where}.${key} is only allowed in ${language} states, and this state uses ${visit.language}.`,
      );
    }
  }
}

/** The S3 actions a reader or writer may call (only checked with `checkArn`, like every Resource). */
function checkResourceIn(
  ctx: Ctx,
  visit: StateVisit,
  field: Pointer,
  value: unknown,
  allowed: readonly string[],
): void {
  if (!ctx.checkArn || isDeployTimeValue(value)) return;
  if (typeof value === 'string' && allowed.includes(value)) return;
  reportAt(
    ctx,
    visit,
    'INVALID_VALUE',
    field,
    `${describe(visit)}: ${field.join('.')} must be ${allowed.map((a) => JSON.stringify(a)).join(' or ')}, got ${show(value)}.`,
  );
}

/** Reports the second of two fields that may not be used together. */
function exclusive(
  ctx: Ctx,
  visit: StateVisit,
  at: Pointer,
  obj: Obj,
  pair: readonly [string, string],
): void {
  if (has(obj, pair[0]) && has(obj, pair[1])) {
    reportAt(
      ctx,
      visit,
      'EXCLUSIVE_FIELDS',
      [...at, pair[1]],
      `${describe(visit)}: ${at.join('.')} may have only one of "${pair[0]}" and "${pair[1]}".`,
      { fields: pair },
    );
  }
}
