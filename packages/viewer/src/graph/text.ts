/** Labels longer than this are cut with an ellipsis, so one long rule does not stretch the whole diagram. */
const LABEL_MAX = 48;

/** `text` on one line (runs of whitespace become one space) and at most `max` code points long. */
export function shorten(text: string, max = LABEL_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // Code points, not UTF-16 units: the cut never splits a surrogate pair.
  const points = Array.from(flat);
  return points.length <= max ? flat : `${points.slice(0, max - 1).join('')}…`;
}

/** A JSON value written compactly and shortened, for labels. */
export function shortJson(value: unknown, max = LABEL_MAX): string {
  return shorten(JSON.stringify(value) ?? String(value), max);
}
