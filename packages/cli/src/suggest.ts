import { closestName } from '@stepcraft/asl';

/** `; did you mean X?` (X formatted by `show`) when some candidate is close to `typed`, else the empty string. */
export function didYouMean(
  typed: string,
  candidates: Iterable<string>,
  show: (candidate: string) => string = (candidate) => `'${candidate}'`,
): string {
  const found = closestName(typed, candidates);
  return found === undefined ? '' : `; did you mean ${show(found)}?`;
}
