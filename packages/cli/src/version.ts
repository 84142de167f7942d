import { readFileSync } from 'node:fs';
import { ownFile } from './own-modules.js';

/** This package's version, read from its manifest. */
export function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(ownFile('package.json'), 'utf8'));
  const value =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : '';
  return String(value);
}
