import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, scratchProject, stepcraft } from '../../packages/cli/test/helpers.js';

// Issue 10, item 4: `build` loads each workflow module so that one that throws (any value), exits or never finishes
// loading is reported by file, within a time limit, and the other workflows are still built.

const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-reliability-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GOOD = `import { pass, workflow } from '@stepcraft/core';
export const good = workflow('Good').start(pass('P'));
`;
const hostile = (statement: string, name: string) => `import { pass, workflow } from '@stepcraft/core';
${statement}
export const ${name} = workflow('${name}').start(pass('P'));
`;
const CASES = {
  'a null-prototype object thrown at import': {
    file: 'a-throws-null-proto.ts',
    code: hostile('throw Object.create(null);', 'nullProto'),
    problem: 'failed to load: a value that is not an Error: {}',
  },
  'a non-Error thrown at import': {
    file: 'a-throws-string.ts',
    code: hostile("throw 'just a string';", 'thrown'),
    problem: 'failed to load: just a string',
  },
  'process.exit(0) at import': {
    file: 'b-exits.ts',
    code: hostile('process.exit(0);', 'exits'),
    problem: 'failed to load: it ended the process while loading (process.exit(0) at import?)',
  },
  'an endless loop at import': {
    file: 'c-loops.ts',
    code: hostile('for (;;) {}', 'loops'),
    problem: 'failed to load: it did not finish loading within 1 s',
  },
  'a top-level await that never settles': {
    file: 'd-waits.ts',
    code: hostile('await new Promise(() => {});', 'waits'),
    problem: 'failed to load: it did not finish loading within 1 s',
  },
} as const;

describe('stepcraft build isolates each module it loads', () => {
  test.each(Object.entries(CASES))(
    '%s: reported by file, the good workflow still built',
    async (_, hostileCase) => {
      const dir = scratchProject(scratch, { 'good.ts': GOOD, [hostileCase.file]: hostileCase.code });
      const result = await stepcraft(
        ['build', '.', '--out', 'out', '--no-typecheck', '--load-timeout', '1'],
        dir,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${hostileCase.file}: ${hostileCase.problem}`);
      expect(result.stderr).toContain(`wrote ${path.join('out', 'Good.asl.json')}`);
      expect(existsSync(path.join(dir, 'out/Good.asl.json'))).toBe(true);
    },
  );

  describe('the built CLI, as a real process', () => {
    let dir = '';
    beforeAll(() => {
      const files: Record<string, string> = { 'z-good.ts': GOOD };
      for (const { file, code } of Object.values(CASES)) files[file] = code;
      dir = scratchProject(scratch, files);
    });

    test('every hostile module in one build: each reported, exit 1, the good one written', async () => {
      const bin = path.join(ROOT, 'packages/cli/dist/bin.js');
      const args = [bin, 'build', '.', '--out', 'out', '--load-timeout', '1', '--json'];
      const failed = await promisify(execFile)(process.execPath, args, { cwd: dir }).then(
        () => undefined,
        (error: { code: number; stdout: string }) => error,
      );
      expect(failed?.code).toBe(1);
      const summary = JSON.parse(failed?.stdout ?? '{}');
      expect(summary.written).toEqual([
        {
          workflow: 'Good',
          file: path.join('out', 'Good.asl.json'),
          source: 'z-good.ts',
          export: 'good',
          beside: [],
        },
      ]);
      expect(summary.failed.map((f: { source: string }) => f.source).sort()).toEqual(
        Object.values(CASES)
          .map((c) => c.file)
          .sort(),
      );
    }, 60_000);
  });
});
