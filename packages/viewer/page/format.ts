/** A duration for people: `0 ms`, `850 ms`, `2.35 s`, `4 min 5 s`, `2 h 3 min`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes - hours * 60} min`;
  const days = Math.floor(hours / 24);
  return `${days} d ${hours - days * 24} h`;
}

/** An offset on the execution's clock: `+0.000 s`, `+12.345 s`, `+4 min 5 s`. */
export function formatOffset(ms: number): string {
  return ms < 60_000 ? `+${(ms / 1000).toFixed(3)} s` : `+${formatDuration(ms)}`;
}

/** A count with thousands separators, the same in every locale: `25,000`. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Text past this many characters is cut until the reader asks for all of it. */
export const TEXT_PREVIEW = 100_000;

/** JSON text indented for reading; text that is not JSON (a truncated payload) as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A JSON value indented for reading. */
export function prettyValue(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** A one-line preview of JSON text, at most `max` characters. */
export function preview(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
