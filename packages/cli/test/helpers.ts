import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../src/main.js';
import type { Io } from '../src/output.js';

/** The repository root: commands in tests run from here, like `pnpm stepcraft`. */
export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** This package's fixtures, relative to ROOT as a user would type them. */
export const FIXTURES = 'packages/cli/test/fixtures';
/** The shared corpus, beside the repository. */
export const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** What one in-process `stepcraft` call printed and returned. */
export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** An `Io` that collects lines, for in-process calls. */
export function captureIo(cwd = ROOT): { io: Io; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (text) => out.push(text), stderr: (text) => err.push(text), cwd },
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
  };
}

/** Runs `stepcraft ...argv` in-process. */
export async function stepcraft(argv: readonly string[], cwd = ROOT): Promise<Outcome> {
  const { io, stdout, stderr } = captureIo(cwd);
  const code = await main(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

/**
 * A project outside the workspace, in a new directory under `parent`: package.json, a tsconfig.json extending the
 * workspace's, `@stepcraft/core` and `@types/node` linked in node_modules, and the given files (for code that must
 * not be committed: broken, hostile or endless modules).
 */
export function scratchProject(parent: string, files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(parent, 'project-'));
  mkdirSync(path.join(dir, 'node_modules/@stepcraft'), { recursive: true });
  symlinkSync(path.join(ROOT, 'packages/core'), path.join(dir, 'node_modules/@stepcraft/core'), 'dir');
  mkdirSync(path.join(dir, 'node_modules/@types'));
  symlinkSync(path.join(ROOT, 'node_modules/@types/node'), path.join(dir, 'node_modules/@types/node'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: path.join(ROOT, 'tsconfig.base.json') }),
  );
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
