import { withoutInvisible } from '../source-text.js';

// Words that cannot name a `const`, plus the identifiers the generated module imports.
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await undefined NaN Infinity ' +
    'arguments eval z States activity and awsSdk choice dynamodb fail lambda map not or parallel pass raw resource ' +
    'placeholder sns sqs succeed task typed wait workflow later'
  ).split(' '),
);

/** A camelCase identifier for an arbitrary name: `Process Payment!` → `processPayment`, `1st` → `_1st`. */
export function camelIdentifier(name: string): string {
  // Letters only: an invisible one (a Hangul filler) never reaches the source.
  const words = withoutInvisible(name).match(/[\p{L}\p{N}]+/gu) ?? [];
  const joined = words
    .map((word, i) => {
      // Keep inner capitals (CheckJSONStatus stays checkJSONStatus) but lower the first letter of the first word.
      const head = i === 0 ? word.charAt(0).toLowerCase() : word.charAt(0).toUpperCase();
      return head + word.slice(1);
    })
    .join('')
    .replace(/[^\p{ID_Continue}$]/gu, '');
  const safe = joined === '' ? 'state' : joined;
  return /^\p{ID_Start}/u.test(safe) ? safe : `_${safe}`;
}

/** Hands out identifiers that are unique within one generated module. */
export function createNamer(): (name: string, suffix?: string) => string {
  const taken = new Set(RESERVED);
  return (name, suffix = '') => {
    const base = camelIdentifier(name) + suffix;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
    taken.add(candidate);
    return candidate;
  };
}
