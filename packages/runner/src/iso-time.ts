let lastIsoTime = Number.NaN;
let lastIsoText = '';

/** `ms` as ISO 8601 text; the last answer is kept, as executions mostly start at the same (virtual) instant. */
export function isoTime(ms: number): string {
  if (ms !== lastIsoTime) {
    lastIsoText = new Date(ms).toISOString();
    lastIsoTime = ms;
  }
  return lastIsoText;
}

/** `now()` as ISO 8601 text, re-formatted only when the time moved (virtual time rarely does between states). */
export function isoStamper(now: () => number): () => string {
  let lastTime = Number.NaN;
  let lastStamp = '';
  return () => {
    const time = now();
    if (time !== lastTime) {
      lastTime = time;
      lastStamp = isoTime(time);
    }
    return lastStamp;
  };
}
