import type { JsonObject, JsonValue } from '@stepcraft/asl';

/** Whether a value is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of two JSON values (object key order does not matter), iterative for deep values. */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return firstDifference(a, b) === undefined;
}

/** Where two JSON values first differ: a JSONPath-like location (`$.items[2].sku`) and the two values there. */
export interface Difference {
  readonly at: string;
  readonly left: JsonValue | undefined;
  readonly right: JsonValue | undefined;
}

/**
 * The first place two JSON values differ (depth first, keys in the left value's order, then keys only in the
 * right), or undefined when they are equal. Keys in `ignoreKeys` are skipped at every depth.
 */
export function firstDifference(
  left: JsonValue | undefined,
  right: JsonValue | undefined,
  ignoreKeys: ReadonlySet<string> = NO_KEYS,
): Difference | undefined {
  const pending: { left: JsonValue | undefined; right: JsonValue | undefined; at: string }[] = [
    { left, right, at: '$' },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { left: l, right: r, at } = next;
    if (l === r) continue;
    if (Array.isArray(l) && Array.isArray(r)) {
      if (l.length !== r.length) return { at, left: l, right: r };
      for (let i = l.length - 1; i >= 0; i--) pending.push({ left: l[i], right: r[i], at: `${at}[${i}]` });
      continue;
    }
    if (isJsonObject(l) && isJsonObject(r)) {
      const keys = [...Object.keys(l), ...Object.keys(r).filter((k) => !Object.hasOwn(l, k))];
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        if (ignoreKeys.has(key)) continue;
        pending.push({
          left: Object.hasOwn(l, key) ? l[key] : undefined,
          right: Object.hasOwn(r, key) ? r[key] : undefined,
          at: `${at}${/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`,
        });
      }
      continue;
    }
    return { at, left: l, right: r };
  }
  return undefined;
}

const NO_KEYS: ReadonlySet<string> = new Set();
