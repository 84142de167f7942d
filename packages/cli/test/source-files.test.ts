import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { UsageError } from '../src/errors.js';
import { collectSourceFiles } from '../src/source-files.js';

const dir = mkdtempSync(path.join(tmpdir(), 'stepcraft-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const file of [
  'a.ts',
  'a.test.ts',
  'a.test-d.ts',
  'types.d.ts',
  'notes.md',
  'nested/deep/b.ts',
  'node_modules/pkg/c.ts',
  'dist/d.ts',
  '.cache/e.ts',
]) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), '');
}

describe('collectSourceFiles', () => {
  test('walks directories, skipping tests, declarations, node_modules, dist and hidden folders', async () => {
    expect(await collectSourceFiles(dir, ['.'])).toEqual([
      path.join(dir, 'a.ts'),
      path.join(dir, 'nested/deep/b.ts'),
    ]);
  });

  test('keeps a file named explicitly, once, in sorted order', async () => {
    expect(await collectSourceFiles(dir, ['nested', 'a.test.ts', 'nested/deep/b.ts'])).toEqual([
      path.join(dir, 'a.test.ts'),
      path.join(dir, 'nested/deep/b.ts'),
    ]);
  });

  test('rejects missing paths and non-TypeScript files as usage errors', async () => {
    await expect(collectSourceFiles(dir, ['missing'])).rejects.toThrow(
      new UsageError('path not found: missing'),
    );
    await expect(collectSourceFiles(dir, ['notes.md'])).rejects.toThrow(
      new UsageError('not a TypeScript file: notes.md'),
    );
  });
});
