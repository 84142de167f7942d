import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist']);
const SKIPPED_SUFFIXES = ['.test.ts', '.test-d.ts', '.d.ts'];

/**
 * Expands files and directories into absolute `.ts` paths, sorted: directories recursively, skipping tests,
 * declaration files, `node_modules`, `dist` and hidden folders. A file named explicitly is always kept.
 */
export async function collectSourceFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) throw new UsageError(`path not found: ${given}`);
    if (info.isDirectory()) {
      for (const file of await walk(absolute)) files.add(file);
    } else if (absolute.endsWith('.ts')) {
      files.add(absolute);
    } else {
      throw new UsageError(`not a TypeScript file: ${given}`);
    }
  }
  return [...files].sort();
}

async function walk(directory: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.'))
        found.push(...(await walk(full)));
    } else if (entry.isFile() && isWorkflowSourceName(entry.name)) {
      found.push(full);
    }
  }
  return found;
}

function isWorkflowSourceName(name: string): boolean {
  return name.endsWith('.ts') && !SKIPPED_SUFFIXES.some((suffix) => name.endsWith(suffix));
}
