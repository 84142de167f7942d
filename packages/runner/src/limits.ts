import type { JsonValue } from '@stepcraft/asl';

/** AWS's payload quota: 256 KiB of UTF-8 JSON (state input/output, task parameters and results, callbacks). */
export const MAX_PAYLOAD_BYTES = 262_144;

/**
 * Whether `value` serialises to more than `limit` UTF-8 bytes. A cheap upper-bound walk answers "no" for
 * almost every payload without building the JSON text; only values whose bound crosses the limit are serialised.
 */
export function exceedsPayloadLimit(value: JsonValue, limit = MAX_PAYLOAD_BYTES): boolean {
  if (upperBound(value, limit) <= limit) return false;
  return Buffer.byteLength(JSON.stringify(value), 'utf8') > limit;
}

/** Exact size check on text already serialised (history recording has it anyway). */
export function textExceedsPayloadLimit(json: string, limit = MAX_PAYLOAD_BYTES): boolean {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: skip the byte count for short text.
  return json.length * 3 > limit && Buffer.byteLength(json, 'utf8') > limit;
}

/** An upper bound of the serialised size, abandoning the walk as soon as it passes `limit`. */
function upperBound(value: JsonValue, limit: number): number {
  let total = 0;
  const stack: JsonValue[] = [value];
  while (stack.length > 0) {
    const v = stack.pop() as JsonValue;
    if (typeof v === 'string') total += v.length * 6 + 2;
    else if (v === null || typeof v !== 'object') total += 24;
    else if (Array.isArray(v)) {
      total += 2 + v.length;
      for (const item of v) stack.push(item);
    } else {
      total += 2;
      for (const key in v) {
        total += key.length * 6 + 4;
        stack.push(v[key] as JsonValue);
      }
    }
    if (total > limit) return total;
  }
  return total;
}

/** AWS's cause for an oversized payload. */
export function dataLimitCause(name: string): string {
  return `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`;
}
