import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';

// A consumer outside the workspace: a fresh folder whose node_modules link @stepcraft/core (through its package
// exports, as an installed package) and zod, with a tsconfig that declares what it exports (`declaration: true`, the
// project's own base config). Declaration diagnostics come from the native tsc, with no emit: TS2883/TS2742 ("the
// inferred type of 'x' cannot be named without a reference to …") whenever a type a state's type needs is not
// exported by the entry point, and `isolatedDeclarations` errors when an explicit type cannot be written.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(import.meta.dirname, 'declarations');
const exec = promisify(execFile);
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stepcraft-declarations-'));
  const link = (target: string, name: string) => {
    mkdirSync(path.dirname(path.join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(target, path.join(dir, 'node_modules', name));
  };
  link(path.join(ROOT, 'packages/core'), '@stepcraft/core');
  link(path.join(ROOT, 'packages/asl'), '@stepcraft/asl');
  link(path.join(ROOT, 'packages/core/node_modules/zod'), 'zod');
  link(path.join(ROOT, 'node_modules/@types/node'), '@types/node');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module' }));
  for (const file of ['workflow.ts', 'annotated.ts'])
    copyFileSync(path.join(FIXTURES, file), path.join(dir, file));
  const project = (file: string, options: object) =>
    writeFileSync(
      path.join(dir, `tsconfig.${file}.json`),
      JSON.stringify({
        extends: path.join(ROOT, 'tsconfig.base.json'),
        compilerOptions: { noEmit: true, declaration: true, ...options },
        files: [file],
      }),
    );
  project('workflow.ts', {});
  project('annotated.ts', { isolatedDeclarations: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function tsc(project: string): Promise<string> {
  const bin = path.join(ROOT, 'node_modules/.bin/tsc');
  return exec(bin, ['-p', path.join(dir, project)], { cwd: dir }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
}

test('a module exporting every kind of state and workflow compiles with declaration: true', async () => {
  expect(await tsc('tsconfig.workflow.ts.json')).toBe('');
}, 60_000);

test('states written with explicit types compile under isolatedDeclarations', async () => {
  expect(await tsc('tsconfig.annotated.ts.json')).toBe('');
}, 60_000);
