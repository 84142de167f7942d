import type { JsonValue } from '@stepcraft/asl';

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

/** Parses JSON text for States.StringToJson / `$parse`: blank text is `null` (observed), `-0` becomes `0`. */
export function parseJsonText(text: string): JsonValue {
  if (text.trim() === '') return null;
  return JSON.parse(text, (_key, value: JsonValue) => (Object.is(value, -0) ? 0 : value)) as JsonValue;
}
