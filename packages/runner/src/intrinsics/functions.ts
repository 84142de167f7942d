import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { compactJson, isJsonObject, jsonEquals, jsonTypeName, setField } from '../io/json.js';
import { randomUuid } from '../random.js';
import { javaSeededInt } from './java-random.js';
import { decodeMimeBase64 } from './mime-base64.js';
import { parseJsonText, renderFormatArgument } from './render.js';

/** What an intrinsic may use besides its arguments. */
export interface IntrinsicContext {
  readonly random: () => number;
}

/** An intrinsic function's implementation. */
export type Intrinsic = (args: readonly JsonValue[], context: IntrinsicContext) => JsonValue;

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
/** AWS's input limit for States.Base64Encode/Base64Decode/Hash. */
const MAX_TEXT_LENGTH = 10_000;
/** AWS's limit on the length of a States.ArrayRange result. */
const MAX_RANGE_ITEMS = 1000;
const HASH_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['MD5', 'md5'],
  ['SHA-1', 'sha1'],
  ['SHA-256', 'sha256'],
  ['SHA-384', 'sha384'],
  ['SHA-512', 'sha512'],
]);

/** The `States.IntrinsicFailure` error naming the function. */
export function intrinsicFailure(name: string, message: string): StatesError {
  return new StatesError('States.IntrinsicFailure', intrinsicFailureCause(name, message));
}

/** The cause of {@link intrinsicFailure}. */
export function intrinsicFailureCause(name: string, message: string): string {
  return `Invalid arguments in ${name}: ${message}`;
}

function describe(value: JsonValue): string {
  const text = compactJson(value);
  return `${jsonTypeName(value)} ${text.length > 80 ? `${text.slice(0, 77)}...` : text}`;
}

function expectString(name: string, value: JsonValue, what: string): string {
  if (typeof value !== 'string')
    throw intrinsicFailure(name, `${what} must be a string, but was ${describe(value)}`);
  return value;
}

function expectArray(name: string, value: JsonValue, what: string): readonly JsonValue[] {
  if (!Array.isArray(value))
    throw intrinsicFailure(name, `${what} must be an array, but was ${describe(value)}`);
  return value;
}

function expectObject(name: string, value: JsonValue, what: string): JsonObject {
  if (!isJsonObject(value))
    throw intrinsicFailure(name, `${what} must be an object, but was ${describe(value)}`);
  return value;
}

/** A number rounded the way AWS (Java `Math.round`) does: half up toward +∞, so -2.5 → -2. */
function expectInteger(name: string, value: JsonValue, what: string): number {
  if (typeof value !== 'number')
    throw intrinsicFailure(name, `${what} must be a number, but was ${describe(value)}`);
  const rounded = Math.round(value) + 0; // `+ 0` turns -0 into 0
  if (rounded < INT32_MIN || rounded > INT32_MAX) {
    throw intrinsicFailure(
      name,
      `${what} must be an integer between ${INT32_MIN} and ${INT32_MAX}, but was ${value}`,
    );
  }
  return rounded;
}

function expectLimitedText(name: string, value: JsonValue, what: string): string {
  const text = expectString(name, value, what);
  if (text.length > MAX_TEXT_LENGTH) {
    throw intrinsicFailure(
      name,
      `${what} must be at most ${MAX_TEXT_LENGTH} characters, but has ${text.length}`,
    );
  }
  return text;
}

/** Chunks of `size` items (the last may be shorter). Shared with JSONata's `$partition`. */
export function partition(name: string, array: JsonValue, size: JsonValue): JsonValue[] {
  const items = expectArray(name, array, 'the first argument');
  const chunk = expectInteger(name, size, 'the chunk size');
  if (chunk <= 0) throw intrinsicFailure(name, `the chunk size must be a positive integer, but was ${size}`);
  const chunks: JsonValue[] = [];
  for (let i = 0; i < items.length; i += chunk) chunks.push(items.slice(i, i + chunk));
  return chunks;
}

/** `first, first+step, …` up to and including `last` when hit; at most 1000 items. Shared with `$range`. */
export function range(name: string, first: JsonValue, last: JsonValue, step: JsonValue): number[] {
  const from = expectInteger(name, first, 'the first argument');
  const to = expectInteger(name, last, 'the second argument');
  const by = expectInteger(name, step, 'the step');
  if (by === 0) throw intrinsicFailure(name, 'the step must not be 0');
  const count = Math.floor((to - from) / by) + 1;
  if (count > MAX_RANGE_ITEMS) {
    throw intrinsicFailure(
      name,
      `the range would hold ${count} items; at most ${MAX_RANGE_ITEMS} are allowed`,
    );
  }
  return Array.from({ length: Math.max(count, 0) }, (_, i) => from + i * by);
}

/** Lowercase hex digest of the UTF-8 text. Shared with `$hash`. */
export function hash(name: string, data: JsonValue, algorithm: JsonValue): string {
  const text = expectLimitedText(name, data, 'the data');
  const nodeName = typeof algorithm === 'string' ? HASH_ALGORITHMS.get(algorithm) : undefined;
  if (nodeName === undefined) {
    throw intrinsicFailure(
      name,
      `the algorithm must be one of ${[...HASH_ALGORITHMS.keys()].join(', ')}, but was ${describe(algorithm)}`,
    );
  }
  return createHash(nodeName).update(text, 'utf8').digest('hex');
}

/** Parses JSON text; blank text gives `null`. Shared with `$parse`. */
export function stringToJson(name: string, value: JsonValue): JsonValue {
  const text = expectString(name, value, 'the argument');
  try {
    return parseJsonText(text);
  } catch (error) {
    throw intrinsicFailure(
      name,
      `the argument is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** A stable text key for deep-equality de-duplication (object keys sorted). */
function canonicalKey(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalKey(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function format(args: readonly JsonValue[]): JsonValue {
  const template = expectString('States.Format', args[0] ?? null, 'the template (first argument)');
  return formatPieces(template.split('{}'), args.slice(1));
}

/** `States.Format` over a template already split at its placeholders (a literal template with `\{`/`\}` escapes). */
export function formatPieces(pieces: readonly string[], values: readonly JsonValue[]): JsonValue {
  const name = 'States.Format';
  if (pieces.length - 1 !== values.length) {
    throw intrinsicFailure(
      name,
      `the template has ${pieces.length - 1} placeholder(s) {} but ${values.length} value(s) were given`,
    );
  }
  return pieces.reduce((text, piece, i) => text + renderFormatArgument(values[i - 1] as JsonValue) + piece);
}

function arrayGetItem(args: readonly JsonValue[]): JsonValue {
  const name = 'States.ArrayGetItem';
  const items = expectArray(name, args[0] ?? null, 'the first argument');
  const index = expectInteger(name, args[1] ?? null, 'the index');
  const item = index >= 0 ? items[index] : undefined;
  if (item === undefined)
    throw intrinsicFailure(name, `index ${index} is out of bounds for an array of length ${items.length}`);
  return item;
}

function arrayUnique(args: readonly JsonValue[]): JsonValue {
  const seen = new Set<string>();
  return expectArray('States.ArrayUnique', args[0] ?? null, 'the argument').filter((item) => {
    const key = canonicalKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function base64Decode(args: readonly JsonValue[]): JsonValue {
  const name = 'States.Base64Decode';
  const text = expectLimitedText(name, args[0] ?? null, 'the argument');
  const decoded = decodeMimeBase64(text);
  if (typeof decoded === 'string')
    throw intrinsicFailure(name, `the argument is not valid Base64: ${decoded}`);
  return Buffer.from(decoded).toString('utf8');
}

function jsonMerge(args: readonly JsonValue[]): JsonValue {
  const name = 'States.JsonMerge';
  const left = expectObject(name, args[0] ?? null, 'the first argument');
  const right = expectObject(name, args[1] ?? null, 'the second argument');
  if (args[2] !== false) {
    throw intrinsicFailure(
      name,
      `the third argument (deep merge) must be false; AWS supports only shallow merges, but was ${describe(args[2] ?? null)}`,
    );
  }
  const merged: JsonObject = {};
  for (const [key, value] of Object.entries(left)) setField(merged, key, value);
  for (const [key, value] of Object.entries(right)) setField(merged, key, value);
  return merged;
}

function mathRandom(args: readonly JsonValue[], context: IntrinsicContext): JsonValue {
  const name = 'States.MathRandom';
  const start = expectInteger(name, args[0] ?? null, 'the start');
  const end = expectInteger(name, args[1] ?? null, 'the end');
  const bound = end - start;
  if (bound <= 0 || bound > INT32_MAX) {
    throw intrinsicFailure(
      name,
      `the end (${end}) must be greater than the start (${start}) by at most ${INT32_MAX}`,
    );
  }
  if (args.length > 2) return start + javaSeededInt(expectInteger(name, args[2] ?? null, 'the seed'), bound);
  return start + Math.floor(context.random() * bound);
}

function mathAdd(args: readonly JsonValue[]): JsonValue {
  const name = 'States.MathAdd';
  const sum =
    expectInteger(name, args[0] ?? null, 'the first argument') +
    expectInteger(name, args[1] ?? null, 'the second argument');
  if (sum < INT32_MIN || sum > INT32_MAX) {
    throw intrinsicFailure(name, `the sum ${sum} is outside the integer range ${INT32_MIN} to ${INT32_MAX}`);
  }
  return sum;
}

function stringSplit(args: readonly JsonValue[]): JsonValue {
  const name = 'States.StringSplit';
  const text = expectString(name, args[0] ?? null, 'the first argument');
  const delimiters = new Set(expectString(name, args[1] ?? null, 'the delimiters'));
  const tokens: string[] = [];
  let current = '';
  for (const ch of text) {
    if (!delimiters.has(ch)) {
      current += ch;
    } else if (current !== '') {
      tokens.push(current);
      current = '';
    }
  }
  if (current !== '') tokens.push(current);
  return tokens;
}

/**
 * The 18 AWS intrinsics. Arity is checked by the caller against `INTRINSIC_FUNCTIONS`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export const INTRINSICS: ReadonlyMap<string, Intrinsic> = new Map<string, Intrinsic>([
  ['States.Format', format],
  ['States.StringToJson', (args) => stringToJson('States.StringToJson', args[0] ?? null)],
  ['States.JsonToString', (args) => compactJson(args[0] ?? null)],
  ['States.Array', (args) => [...args]],
  ['States.ArrayPartition', (args) => partition('States.ArrayPartition', args[0] ?? null, args[1] ?? null)],
  [
    'States.ArrayContains',
    (args) =>
      expectArray('States.ArrayContains', args[0] ?? null, 'the first argument').some((item) =>
        jsonEquals(item, args[1] ?? null),
      ),
  ],
  [
    'States.ArrayRange',
    (args) => range('States.ArrayRange', args[0] ?? null, args[1] ?? null, args[2] ?? null),
  ],
  ['States.ArrayGetItem', arrayGetItem],
  ['States.ArrayLength', (args) => expectArray('States.ArrayLength', args[0] ?? null, 'the argument').length],
  ['States.ArrayUnique', arrayUnique],
  [
    'States.Base64Encode',
    (args) =>
      Buffer.from(expectLimitedText('States.Base64Encode', args[0] ?? null, 'the argument'), 'utf8').toString(
        'base64',
      ),
  ],
  ['States.Base64Decode', base64Decode],
  ['States.Hash', (args) => hash('States.Hash', args[0] ?? null, args[1] ?? null)],
  ['States.JsonMerge', jsonMerge],
  ['States.MathRandom', mathRandom],
  ['States.MathAdd', mathAdd],
  ['States.StringSplit', stringSplit],
  ['States.UUID', (_args, context) => randomUuid(context.random)],
]);
