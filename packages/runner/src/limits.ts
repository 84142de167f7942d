import { type JsonObject, type JsonValue, jsonByteLength } from '@stepcraft/asl';

/**
 * AWS's payload quota: 256 KiB of UTF-8 JSON (state input/output, task parameters and results, callbacks).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 */
export const MAX_PAYLOAD_BYTES = 262_144;

/**
 * The deepest nesting accepted in workflow data. AWS documents none; its JSON parsing (Jackson) refuses documents
 * nested deeper than 1,000 levels by default, and deeper data is what overflows the JavaScript stack in
 * `JSON.stringify` (from about 4,000 levels), so data past it fails with a named error instead.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * AWS's quotas for workflow variables: one variable, all values one `Assign` sets, all variables an execution
 * holds ("The size limits for variables: single variable 256 KiB, single Assign field 256 KiB, all stored
 * variables 10 MiB").
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
export const MAX_VARIABLE_BYTES = 262_144;
export const MAX_ASSIGN_BYTES = 262_144;
export const MAX_VARIABLES_BYTES = 10 * 1024 * 1024;

/** What makes a payload exceed the quota: its size, or its nesting. */
export type PayloadProblem = 'size' | 'depth';

/**
 * Why `value` is over the payload quota, or `undefined`. A cheap upper-bound walk answers "fine" for almost every
 * payload; only values whose bound crosses the limit are measured exactly. Iterative, so every depth is safe.
 */
export function payloadProblem(value: JsonValue, limit = MAX_PAYLOAD_BYTES): PayloadProblem | undefined {
  // Most payloads are small and shallow: bounded without the general walk's stacks.
  const small = smallBound(value, 0);
  if (small !== UNKNOWN && small <= limit) return undefined;
  const bound = upperBound(value, limit);
  if (bound === DEEP) return 'depth';
  if (bound <= limit) return undefined;
  return jsonByteLength(value, limit) > limit ? 'size' : undefined;
}

/** Whether `value` is over the payload quota (its size or its nesting). */
export function exceedsPayloadLimit(value: JsonValue, limit = MAX_PAYLOAD_BYTES): boolean {
  return payloadProblem(value, limit) !== undefined;
}

/** Exact size check on text already serialised (history recording has it anyway). */
export function textExceedsPayloadLimit(json: string, limit = MAX_PAYLOAD_BYTES): boolean {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: skip the byte count for short text.
  return json.length * 3 > limit && Buffer.byteLength(json, 'utf8') > limit;
}

const DEEP = -1;
/** `smallBound` gave up: the value is too big or too deep for it. */
const UNKNOWN = -2;
/** How deep and how wide `smallBound` looks before leaving the value to `upperBound`. */
const SMALL_DEPTH = 8;
const SMALL_FIELDS = 32;

/**
 * The same upper bound as `upperBound` for a small value (at most {@link SMALL_DEPTH} levels, {@link SMALL_FIELDS}
 * items per container), by a recursion that allocates nothing; `UNKNOWN` for anything bigger.
 */
function smallBound(v: JsonValue, depth: number): number {
  if (typeof v === 'string') return v.length * 6 + 2;
  if (v === null || typeof v !== 'object') return 24;
  if (depth !== 1) return containerBound(v, depth);
  const known = topFieldBounds.get(v);
  if (known !== undefined) return known;
  const bound = containerBound(v, 1);
  if (bound >= REMEMBERED_BOUND) topFieldBounds.set(v, bound);
  return bound;
}

/**
 * `smallBound` of the containers found directly under a payload, by identity. A state's output usually shares its
 * input's top-level fields (a ResultPath writes one of them; a Pass or Choice passes the input on), so the next check
 * finds the unchanged ones here instead of walking them again. Sound because a payload's value never changes once
 * built (the aliasing rule of `io/json.ts`: data from user code is copied where it enters) and `smallBound(v, 1)`
 * depends on nothing but `v`; a WeakMap, so it holds nothing alive.
 */
const topFieldBounds = new WeakMap<object, number>();
/**
 * Only containers bounded at this many bytes or more are remembered: inserting into the WeakMap costs about as much
 * as walking a container of a few KiB (measured on the JSONPath-queries benchmark: remembering every top-level
 * container made the check slower than no memo at all), so smaller ones are cheaper to walk again.
 */
const REMEMBERED_BOUND = 2048;

function containerBound(v: JsonObject | JsonValue[], depth: number): number {
  if (depth >= SMALL_DEPTH) return UNKNOWN;
  let total = 2;
  let items = 0;
  if (Array.isArray(v)) {
    if (v.length > SMALL_FIELDS) return UNKNOWN;
    total += v.length;
    for (const item of v) {
      const size = smallBound(item, depth + 1);
      if (size === UNKNOWN) return UNKNOWN;
      total += size;
    }
    return total;
  }
  for (const key in v) {
    if (++items > SMALL_FIELDS) return UNKNOWN;
    const size = smallBound(v[key] as JsonValue, depth + 1);
    if (size === UNKNOWN) return UNKNOWN;
    total += key.length * 6 + 4 + size;
  }
  return total;
}

/** An upper bound of the serialised size, abandoning the walk as soon as it passes `limit`; `DEEP` when too deep. */
function upperBound(value: JsonValue, limit: number): number {
  let total = 0;
  const stack: JsonValue[] = [value];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const v = stack.pop() as JsonValue;
    const depth = depths.pop() as number;
    if (typeof v === 'string') total += v.length * 6 + 2;
    else if (v === null || typeof v !== 'object') total += 24;
    else if (depth >= MAX_JSON_DEPTH) return DEEP;
    else if (Array.isArray(v)) {
      total += 2 + v.length;
      for (const item of v) {
        stack.push(item);
        depths.push(depth + 1);
      }
    } else {
      total += 2;
      for (const key in v) {
        total += key.length * 6 + 4;
        stack.push(v[key] as JsonValue);
        depths.push(depth + 1);
      }
    }
    // Past the limit the size needs an exact count; what is left of the walk is still checked for depth.
    if (total > limit) return exceedsDepth(stack, depths) ? DEEP : total;
  }
  return total;
}

/** Whether anything still on the walk's stack nests past the limit. */
function exceedsDepth(stack: JsonValue[], depths: number[]): boolean {
  while (stack.length > 0) {
    const v = stack.pop() as JsonValue;
    const depth = depths.pop() as number;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return true;
    for (const item of Array.isArray(v) ? v : Object.values(v)) {
      stack.push(item);
      depths.push(depth + 1);
    }
  }
  return false;
}

/** AWS's cause for an oversized payload (and ours for one nested past {@link MAX_JSON_DEPTH}). */
export function dataLimitCause(name: string, value?: JsonValue): string {
  if (value !== undefined && payloadProblem(value) === 'depth')
    return `The state/task '${name}' returned a result nested deeper than ${MAX_JSON_DEPTH} levels, the maximum this runner accepts.`;
  return `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`;
}
