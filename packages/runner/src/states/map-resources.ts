import type { ItemReader, JsonObject, JsonValue, MapState, ResultWriter } from '@stepcraft/asl';
import { startCall } from '../calls.js';
import { verbatim } from '../errors.js';
import { jsonataField, scopeOf } from '../evaluation.js';
import { resolveHandler } from '../handlers.js';
import { parseDelimited } from '../io/csv.js';
import { isJsonObject, ownField, setField } from '../io/json.js';
import { applyPayloadTemplate, readReferencePath } from '../io/jsonpath.js';
import { randomUuid } from '../random.js';
import { resourceInfo } from '../resources.js';
import type { Answer, Call, Fiber, StateRun } from '../snapshot.js';
import { fatal } from '../termination.js';

/** AWS's cap on `ReaderConfig.MaxItems`. */
const MAX_ITEMS_CAP = 100_000_000;

/** `CSVDelimiter` names AWS accepts, and their characters. */
const DELIMITERS: Readonly<Record<string, string>> = {
  COMMA: ',',
  PIPE: '|',
  SEMICOLON: ';',
  SPACE: ' ',
  TAB: '\t',
};

/** The part of a Distributed Map that calls a resource. */
export type Part = 'ItemReader' | 'ResultWriter';

const failed = (part: Part, cause: string) => verbatim(`States.${part}Failed`, cause);

/**
 * Calls the handler of an ItemReader/ResultWriter resource: keyed `"<MapState>.<part>"`, then by the resource ARN.
 * A missing handler fails the execution (`Stepcraft.MissingHandler`).
 */
export function callResource(
  fiber: Fiber,
  run: StateRun,
  part: Part,
  resource: string,
  input: JsonValue,
): Call {
  const snap = fiber.snap;
  const key = `${run.name}.${part}`;
  const handler = resolveHandler(snap, key, [resource]);
  if (handler === undefined) {
    fatal(
      snap,
      'Stepcraft.MissingHandler',
      `The ${part} of Map state "${run.name}" has no handler for resource "${resource}". Provide one with run(workflow, input, { handlers: { ${JSON.stringify(key)}: (input) => result } }) or key it by ${JSON.stringify(resource)}.`,
    );
  }
  return startCall(fiber, run, part, resourceInfo(resource), handler, input, undefined);
}

/** What a reader or writer handler answered; its failure becomes `States.ItemReaderFailed` / `ResultWriterFailed`. */
export function resourceAnswer(part: Part, answer: Answer): JsonValue {
  if (answer.ok) return answer.value;
  const detail = answer.cause ?? '';
  throw failed(part, answer.error === '' ? detail : `${answer.error}: ${detail}`);
}

/** `Parameters` (JSONPath, over the effective input) or `Arguments` (JSONata) of a reader or writer. */
async function argumentsOf(
  fiber: Fiber,
  run: StateRun,
  part: Part,
  spec: ItemReader | ResultWriter,
  effective: JsonValue,
): Promise<JsonValue> {
  if (run.jsonata)
    return spec.Arguments === undefined
      ? {}
      : jsonataField(fiber, run, spec.Arguments, run.input, 'Arguments');
  return spec.Parameters === undefined
    ? {}
    : applyPayloadTemplate(spec.Parameters, scopeOf(fiber, run, effective, part));
}

/** An ItemReader's request: its parameters and its `MaxItems` (undefined = all). */
export async function readerRequest(
  fiber: Fiber,
  run: StateRun,
  reader: ItemReader,
  effective: JsonValue,
): Promise<{ readonly parameters: JsonValue; readonly maxItems: number | undefined }> {
  const maxItems = await maxItemsOf(fiber, run, reader.ReaderConfig ?? {}, effective);
  const parameters = await argumentsOf(fiber, run, 'ItemReader', reader, effective);
  return { parameters, maxItems };
}

/** What one read gave: the items, or (an S3 Inventory manifest) the data files still to read. */
export type ReadResult =
  | { readonly kind: 'items'; readonly items: JsonValue[] }
  | { readonly kind: 'manifest'; readonly files: { request: JsonObject; headers: string[] }[] };

/**
 * The items a Distributed Map reads through its `ItemReader`: an S3 object (`s3:getObject`, parsed per
 * `ReaderConfig.InputType`) or a listing (`s3:listObjectsV2`, one item per object).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
export function readContent(reader: ItemReader, content: JsonValue): ReadResult {
  const config = reader.ReaderConfig ?? {};
  if (reader.Resource.endsWith(':listObjectsV2')) {
    const listing = isJsonObject(content) ? ownField(content, 'Contents') : content;
    return { kind: 'items', items: arrayOrFail(listing ?? []) };
  }
  const type = config.InputType ?? 'JSON';
  if (type === 'MANIFEST') return { kind: 'manifest', files: manifestFiles(content) };
  if (type === 'CSV') {
    const delimiter = delimiterOf(config.CSVDelimiter);
    const given = config.CSVHeaderLocation === 'GIVEN' ? (config.CSVHeaders ?? []) : undefined;
    return { kind: 'items', items: csvItems(textOf(content, type), delimiter, given) };
  }
  if (type === 'JSONL') {
    const items = textOf(content, type)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => parseJson(line, `line ${i + 1}`));
    return { kind: 'items', items };
  }
  if (type === 'JSON')
    return {
      kind: 'items',
      items: arrayOrFail(typeof content === 'string' ? parseJson(content, 'the object') : content),
    };
  throw failed('ItemReader', `The InputType ${type} is not supported by Stepcraft's runner.`);
}

/** The rows of one manifest data file (CSV with the manifest's columns). */
export function manifestFileItems(content: JsonValue, headers: readonly string[]): JsonValue[] {
  return csvItems(textOf(content, 'MANIFEST'), ',', headers);
}

/** Caps the items at `MaxItems`. */
export function capItems(items: JsonValue[], maxItems: number | undefined): JsonValue[] {
  return maxItems === undefined || items.length <= maxItems ? items : items.slice(0, maxItems);
}

async function maxItemsOf(
  fiber: Fiber,
  run: StateRun,
  config: NonNullable<ItemReader['ReaderConfig']>,
  effective: JsonValue,
): Promise<number | undefined> {
  let value: JsonValue | undefined;
  if (config.MaxItems !== undefined)
    value =
      run.jsonata && typeof config.MaxItems === 'string'
        ? await jsonataField(fiber, run, config.MaxItems, effective, 'MaxItems')
        : config.MaxItems;
  else if (config.MaxItemsPath !== undefined)
    value = readReferencePath(config.MaxItemsPath, scopeOf(fiber, run, effective, 'MaxItemsPath'));
  else return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw failed('ItemReader', 'field MaxItems must be positive');
  if (value > MAX_ITEMS_CAP) throw failed('ItemReader', `field MaxItems must be at most ${MAX_ITEMS_CAP}`);
  // 0 means no limit.
  return value === 0 ? undefined : value;
}

function arrayOrFail(value: JsonValue): JsonValue[] {
  if (Array.isArray(value)) return value;
  throw failed('ItemReader', 'Attempting to map over non-iterable node.');
}

function textOf(content: JsonValue, type: string): string {
  if (typeof content === 'string') return content;
  throw failed(
    'ItemReader',
    `The ${type} reader expects the object's text, but the handler returned ${JSON.stringify(content)}.`,
  );
}

function parseJson(text: string, what: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (e) {
    throw failed('ItemReader', `Cannot parse ${what} as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function delimiterOf(name: string | undefined): string {
  if (name === undefined) return ',';
  const known = Object.hasOwn(DELIMITERS, name) ? DELIMITERS[name] : undefined;
  if (known !== undefined) return known;
  if (name.length === 1 && name !== '"' && name !== '\n' && name !== '\r') return name;
  throw failed('ItemReader', `Unsupported CSVDelimiter ${JSON.stringify(name)}.`);
}

/** CSV rows as objects keyed by the headers (the first row unless given); every value is a string, as on AWS. */
function csvItems(text: string, delimiter: string, given: readonly string[] | undefined): JsonObject[] {
  const rows = parseDelimited(text, delimiter);
  const headers = given ?? rows.shift() ?? [];
  if (new Set(headers).size !== headers.length)
    throw failed('ItemReader', 'CSV headers cannot contain duplicates.');
  return rows.map((row) => {
    const item: JsonObject = {};
    for (let i = 0; i < headers.length; i++) setField(item, headers[i] as string, row[i] ?? '');
    return item;
  });
}

/** The data files of an S3 Inventory manifest, with the request that reads each and its column names. */
function manifestFiles(content: JsonValue): { request: JsonObject; headers: string[] }[] {
  const manifest = typeof content === 'string' ? parseJson(content, 'the manifest') : content;
  const files = isJsonObject(manifest) ? ownField(manifest, 'files') : undefined;
  const schema = isJsonObject(manifest) ? ownField(manifest, 'fileSchema') : undefined;
  const destination = isJsonObject(manifest) ? ownField(manifest, 'destinationBucket') : undefined;
  if (!Array.isArray(files) || typeof schema !== 'string' || typeof destination !== 'string')
    throw failed(
      'ItemReader',
      'The manifest must be an S3 Inventory manifest.json with "files", "fileSchema" and "destinationBucket".',
    );
  const bucket = destination.replace(/^arn:aws[a-z-]*:s3:::/, '');
  const headers = schema.split(',').map((h) => h.trim());
  return files.map((file) => {
    const key = isJsonObject(file) ? ownField(file, 'key') : undefined;
    if (typeof key !== 'string') throw failed('ItemReader', 'A manifest file entry has no "key".');
    return { request: { Bucket: bucket, Key: key }, headers };
  });
}

/**
 * `ResultWriter` (`s3:putObject`): the request for the writer's handler (its Parameters plus `Key`, the manifest
 * key, and `Results`) and what AWS returns instead of the results: `{MapRunArn, ResultWriterDetails}`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
 */
export async function writerRequest(
  fiber: Fiber,
  run: StateRun,
  state: MapState,
  writer: ResultWriter,
  effective: JsonValue,
  results: JsonValue[],
  mapRunArn: string,
): Promise<{ readonly request: JsonObject; readonly output: JsonValue }> {
  const parameters = await argumentsOf(fiber, run, 'ResultWriter', writer, effective);
  const bucket = isJsonObject(parameters) ? ownField(parameters, 'Bucket') : undefined;
  const prefix = isJsonObject(parameters) ? ownField(parameters, 'Prefix') : undefined;
  if (typeof bucket !== 'string' || (prefix !== undefined && typeof prefix !== 'string'))
    throw failed(
      'ResultWriter',
      `The ResultWriter of Map state '${state.Label ?? run.name}' needs a string Bucket (and an optional string Prefix), but got ${JSON.stringify(parameters)}.`,
    );
  const uuid = randomUuid(fiber.snap.random);
  let end = prefix?.length ?? 0;
  while (end > 0 && prefix?.[end - 1] === '/') end--;
  const key = `${end === 0 ? '' : `${prefix?.slice(0, end)}/`}${uuid}/manifest.json`;
  const request: JsonObject = {};
  for (const [name, value] of Object.entries(parameters as JsonObject)) setField(request, name, value);
  setField(request, 'Key', key);
  setField(request, 'Results', results);
  return { request, output: { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: key } } };
}
