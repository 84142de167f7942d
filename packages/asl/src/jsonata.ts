/**
 * Whether `value` is a JSONata expression string: the whole string is `{% … %}`, with nothing outside.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function isJsonataString(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}

/** The expression between the `{%` and `%}` delimiters (call only on strings `isJsonataString` accepts). */
export function jsonataBody(text: string): string {
  return text.slice(2, -2);
}
