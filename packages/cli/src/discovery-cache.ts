import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import type { DiscoveredWorkflow } from './discover.js';
import { ownModule } from './own-modules.js';

/** What discovery found in one file, without the file's path (the same text anywhere gives the same answer). */
type Found = readonly Omit<DiscoveredWorkflow, 'file'>[];

/**
 * Remembers what discovery found in a file's text, so that a build whose files did not change does not load
 * ts-morph at all (a third of a cold build's CPU). Entries are keyed by the text and by the discoverer's own code, so
 * they are never stale; they live in the system's temporary directory, one small JSON file each. Failing to read or
 * write the cache only costs the time it would have saved.
 */
export async function discoveryCache(): Promise<{
  get: (text: string) => Promise<Found | undefined>;
  set: (text: string, found: Found) => Promise<void>;
}> {
  // The discoverer is this CLI's discover module and the TypeScript parser ts-morph brings.
  const discoverer = (
    await Promise.all([
      readFile(ownModule('discover'), 'utf8'),
      readFile(createRequire(import.meta.url).resolve('ts-morph/package.json'), 'utf8'),
    ]).catch(() => [])
  ).join('\0');
  const directory = path.join(tmpdir(), `stepcraft-${safeUser()}`, 'discovery');
  const fileOf = (text: string) =>
    path.join(
      directory,
      `${createHash('sha256').update(discoverer).update('\0').update(text).digest('hex')}.json`,
    );
  return {
    get: async (text) => {
      try {
        const found: unknown = JSON.parse(await readFile(fileOf(text), 'utf8'));
        return Array.isArray(found) ? (found as Found) : undefined;
      } catch {
        return undefined;
      }
    },
    set: async (text, found) => {
      const file = fileOf(text);
      const partial = `${file}.${process.pid}`;
      try {
        await mkdir(directory, { recursive: true });
        await writeFile(partial, JSON.stringify(found));
        await rename(partial, file);
      } catch {
        // A read-only or full temporary directory: discovery just runs again next time.
      }
    },
  };
}

function safeUser(): string {
  try {
    return String(userInfo().uid);
  } catch {
    return 'user';
  }
}
