import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

const exec = promisify(execFile);

/** Runs the real binary the way `pnpm stepcraft` does. */
async function spawnStepcraft(argv: readonly string[]) {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const bin = path.join(ROOT, 'packages/cli/src/bin.ts');
  try {
    const { stdout, stderr } = await exec(tsx, ['--conditions=@stepcraft/source', bin, ...argv], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the stepcraft binary', () => {
  test('validate: exit code and output through a real process', async () => {
    const result = await spawnStepcraft([
      'validate',
      `${FIXTURES}/asl/valid.asl.json`,
      `${FIXTURES}/asl/invalid.asl.json`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /invalid\.asl\.json:\/States\/First\/Next: .+ \[MISSING_TRANSITION_TARGET\]\n/,
    );
    expect(result.stdout.endsWith('2 files, 1 valid, 1 invalid\n')).toBe(true);
    expect(result.stderr).toBe('');
  });

  test('run a TypeScript workflow; usage errors exit 2', async () => {
    const ok = await spawnStepcraft(['run', `${FIXTURES}/workflows/greeting.ts`, '--input', '{}', '--json']);
    expect(ok).toEqual({
      code: 0,
      stdout: '{\n  "status": "SUCCEEDED",\n  "output": {\n    "message": "hello"\n  }\n}\n',
      stderr: '',
    });
    const usage = await spawnStepcraft(['run', `${FIXTURES}/workflows/greeting.ts`, '--input', 'nope']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe(
      'stepcraft run: --input: invalid JSON at line 1, column 1: expected a JSON value, found "n"\nRun \'stepcraft run --help\' for usage.\n',
    );
  });
});
