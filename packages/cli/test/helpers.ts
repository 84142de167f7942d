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
