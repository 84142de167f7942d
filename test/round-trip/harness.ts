import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root and the shared corpus beside it. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** The corpus files the round trip covers: every real-world definition AWS accepts (not the `index.json` listing their sources), and every valid fixture. */
export function corpusFiles(): { readonly name: string; readonly file: string }[] {
  const realWorld = path.join(CORPUS, 'real-world');
  const invalid = Object.keys(
    JSON.parse(readFileSync(path.join(realWorld, 'EXPECTED-INVALID.json'), 'utf8')),
  );
  const list = (dir: string) =>
    readdirSync(dir)
      .filter(
        (f) =>
          f.endsWith('.json') && f !== 'EXPECTED-INVALID.json' && f !== 'index.json' && !invalid.includes(f),
      )
      .sort()
      .map((f) => ({ name: `${path.basename(dir)}/${f}`, file: path.join(dir, f) }));
  return [...list(realWorld), ...list(path.join(CORPUS, 'validity/valid'))];
}

/**
 * A temporary directory where generated workflow files resolve `@stepcraft/core` and `zod` as a user's project
 * would, with a tsconfig to type-check them in one run.
 */
export function generatedDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stepcraft-import-'));
  mkdirSync(path.join(dir, 'node_modules/@stepcraft'), { recursive: true });
  symlinkSync(path.join(ROOT, 'packages/core'), path.join(dir, 'node_modules/@stepcraft/core'));
  symlinkSync(path.join(ROOT, 'packages/asl'), path.join(dir, 'node_modules/@stepcraft/asl'));
  symlinkSync(path.join(ROOT, 'packages/core/node_modules/zod'), path.join(dir, 'node_modules/zod'));
  mkdirSync(path.join(dir, 'node_modules/@types'));
  symlinkSync(path.join(ROOT, 'node_modules/@types/node'), path.join(dir, 'node_modules/@types/node'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, types: ['node'] },
      include: ['*.ts'],
    }),
  );
  return dir;
}
