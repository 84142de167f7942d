/** `{ [key]: value }` when value is defined, else `{}` (keeps `exactOptionalPropertyTypes` happy). */
export function defined<TKey extends string, TValue>(
  key: TKey,
  value: TValue | undefined,
): { [K in TKey]?: TValue } {
  // A computed key's object type is `{ [x: string]: TValue }`; this is the one place that names it.
  return value === undefined ? {} : ({ [key]: value } as { [K in TKey]?: TValue });
}
