/**
 * The candidate closest to what was typed, when it is close enough to be a likely typo: at most one edit for short
 * words, two for longer ones (an edit inserts, deletes or replaces a character, or swaps two neighbours), ignoring
 * case. Ties go to the earlier candidate.
 */
export function closest(typed: string, candidates: Iterable<string>): string | undefined {
  const limit = typed.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(typed.toLowerCase(), candidate.toLowerCase(), limit);
    if (distance < bestDistance && candidate !== typed) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean X?` (X formatted by `show`) when some candidate is close to `typed`, else the empty string. */
export function didYouMean(
  typed: string,
  candidates: Iterable<string>,
  show: (candidate: string) => string = (candidate) => `'${candidate}'`,
): string {
  const found = closest(typed, candidates);
  return found === undefined ? '' : `; did you mean ${show(found)}?`;
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring), giving up
 * with `limit + 1` as soon as it must exceed `limit`: names on a command line are short, so rows are tiny.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
