import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every package compiles to dist/ with `tsc -b` (`pnpm build`), as it would be published; these tests run the
// built CLI with plain Node: no tsx, no source condition.
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'packages/cli/dist/bin.js');
const stepcraft = (...args: string[]) =>
  execFileSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

describe('the built CLI (packages/cli/dist)', () => {
  let dir: string | undefined;
  beforeAll(() => {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.build.json'],
      {
        cwd: root,
      },
    );
    dir = mkdtempSync(path.join(tmpdir(), 'stepcraft-dist-'));
  }, 120_000);
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('prints its version and validates an example with plain Node', () => {
    expect(stepcraft('--version')).toMatch(/^\d+\.\d+\.\d+/);
    expect(stepcraft('validate', 'examples/order-processing/workflow.asl.json')).toContain(
      '1 file, 1 valid, 0 invalid',
    );
  });

  it('runs an ASL workflow with the built runner: a one-year Wait on the virtual clock', () => {
    const file = path.join(dir ?? tmpdir(), 'year.asl.json');
    writeFileSync(
      file,
      JSON.stringify({
        StartAt: 'Wait',
        States: {
          Wait: { Type: 'Wait', Seconds: 31_536_000, Next: 'Done' },
          Done: { Type: 'Pass', Parameters: { 'at.$': '$$.State.EnteredTime' }, End: true },
        },
      }),
    );
    const result = JSON.parse(stepcraft('run', file, '--input', '{}', '--json'));
    expect(result).toEqual({ status: 'SUCCEEDED', output: { at: '2024-12-31T00:00:00.000Z' } });
  });
});
