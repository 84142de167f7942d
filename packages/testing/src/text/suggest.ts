import { closestName } from '@stepcraft/asl';

/** `Did you mean "X"?` or nothing. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const found = closestName(name, candidates);
  return found === undefined ? '' : ` Did you mean ${JSON.stringify(found)}?`;
}

/** `"a", "b" and "c"`. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => JSON.stringify(n));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
