/**
 * A size-bounded memo for compiled expressions (paths, intrinsics, JSONata), keyed by their source text.
 * When full, the oldest entry is dropped, so memory stays bounded however many distinct texts a workflow uses.
 */
export function boundedMemo<T>(limit: number, compute: (text: string) => T): (text: string) => T {
  const entries = new Map<string, T>();
  return (text) => {
    const hit = entries.get(text);
    if (hit !== undefined || entries.has(text)) return hit as T;
    const value = compute(text);
    if (entries.size >= limit) entries.delete(entries.keys().next().value as string);
    entries.set(text, value);
    return value;
  };
}
