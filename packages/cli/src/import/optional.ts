/** `{ [key]: value }` when `value` is defined, else `{}`: optional fields under `exactOptionalPropertyTypes`. */
export function optional<TKey extends string, const TValue>(
  key: TKey,
  value: TValue | undefined,
): { [K in TKey]?: TValue } {
  return (value === undefined ? {} : { [key]: value }) as { [K in TKey]?: TValue };
}
