// The subpath, not the package: every command parses its arguments, and the package would load jsonata and the rest.
import { closestName } from '@stepcraft/asl/suggest';

/** `; did you mean X?` (X formatted by `show`) when some candidate is close to `typed`, else the empty string. */
export function didYouMean(
  typed: string,
  candidates: Iterable<string>,
  show: (candidate: string) => string = (candidate) => `'${candidate}'`,
): string {
  const found = closestName(typed, candidates);
  return found === undefined ? '' : `; did you mean ${show(found)}?`;
}
