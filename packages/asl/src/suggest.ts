/** Names longer than this are never compared: the work is quadratic in the length, and names come from users. */
const MAX_NAME = 256;

/**
 * The candidate closest to a name that was not found — a state, a command, an option, a mock key — when it is
 * close enough to be a likely typo, for "did you mean" hints. Case is ignored; an edit inserts, deletes or replaces
 * a character or swaps two neighbours; up to one edit for names of four characters or fewer, else up to a third of
 * the name's length, at least two. Ties go to the earlier candidate; `typed` itself is never suggested.
 * @example closestName('ProcesPayment', ['ProcessPayment', 'SendAlert']) // 'ProcessPayment'
 */
export function closestName(typed: string, candidates: Iterable<string>): string | undefined {
  if (typed.length > MAX_NAME) return undefined;
  const wanted = typed.toLowerCase();
  const limit = typed.length <= 4 ? 1 : Math.max(2, Math.floor(typed.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === typed || candidate.length > MAX_NAME) continue;
    // Only a closer candidate can win: bound the search by the best so far.
    const distance = editDistance(wanted, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring), giving up
 * with `limit + 1` as soon as it must exceed `limit`.
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
