import type { JsonValue } from '@stepcraft/asl';
import { MAX_JSON_DEPTH } from '../limits.js';

/**
 * How States.Format prints an argument: strings raw, numbers/booleans/null as JSON, and (observed on AWS) objects
 * and arrays the way Java's `Map.toString()` / `List.toString()` do: `{Arg1=1, Arg2=[]}`, `[a, b]`.
 */
export function renderFormatArgument(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(renderFormatArgument).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}=${renderFormatArgument(item)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Parses JSON text for States.StringToJson / `$parse`: blank text is `null` (observed), `-0` becomes `0`. Text
 * nested deeper than {@link MAX_JSON_DEPTH} is refused (JSON.parse itself is iterative; later steps are not).
 */
export function parseJsonText(text: string): JsonValue {
  if (text.trim() === '') return null;
  const parsed = JSON.parse(text) as JsonValue;
  if (Object.is(parsed, -0)) return 0;
  // A fresh value: normalised in place, iteratively.
  const stack: { readonly node: JsonValue; readonly depth: number }[] = [{ node: parsed, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: JsonValue; depth: number };
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) throw new Error(`the JSON is nested deeper than ${MAX_JSON_DEPTH} levels`);
    const container = node as Record<string, JsonValue>;
    for (const key of Object.keys(container)) {
      const item = container[key] as JsonValue;
      if (Object.is(item, -0)) container[key] = 0;
      else if (item !== null && typeof item === 'object') stack.push({ node: item, depth: depth + 1 });
    }
  }
  return parsed;
}
