import { readFileSync } from 'node:fs';

/** This package's version, read from its manifest (both `src/` and `dist/` sit one level below it). */
export function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const value =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : '';
  return String(value);
}
