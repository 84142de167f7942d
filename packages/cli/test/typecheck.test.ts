import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findTypeScript, isSupportedVersion } from '../src/typecheck/find-typescript.js';
import { formatTscError, parseTscOutput } from '../src/typecheck/tsc-output.js';
import { startTypeCheck, threadingArgs, tscEnvironment } from '../src/typecheck/typecheck.js';
import { scratchProject, stepcraft } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-typecheck-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("tsc's output", () => {
  test('located errors with their chained lines, and global ones', () => {
    const text = [
      "src/a.ts(3,21): error TS2322: Type '{ b: number; }' is not assignable to type 'A'.",
      "  Types of property 'b' are incompatible.",
      "    Type 'number' is not assignable to type 'string'.",
      "error TS5083: Cannot read file '/p/base.json'.",
      'Found 2 errors.',
    ].join('\n');
    const errors = parseTscOutput(text, '/p');
    expect(errors).toEqual([
      {
        file: '/p/src/a.ts',
        line: 3,
        column: 21,
        code: 'TS2322',
        message:
          "Type '{ b: number; }' is not assignable to type 'A'.\n  Types of property 'b' are incompatible.\n    Type 'number' is not assignable to type 'string'.",
      },
      { code: 'TS5083', message: "Cannot read file '/p/base.json'." },
    ]);
    expect(errors.map((error) => formatTscError(error, (file) => path.relative('/p', file)))).toEqual([
      `src/a.ts:3:21: ${errors[0]?.message} [TS2322]`,
      "Cannot read file '/p/base.json'. [TS5083]",
    ]);
  });
});

describe("the project's TypeScript", () => {
  test('the workspace resolves its own TypeScript 7, started as the native executable', async () => {
    const found = await findTypeScript(import.meta.dirname);
    expect(found?.version).toMatch(/^7\./);
    expect(found?.args).toEqual([]);
    expect(found?.native).toBe(true);
    expect(path.basename(found?.command ?? '')).toBe('tsc');
  });

  test('the native tsc checks single-threaded on two cores or fewer, with its own default above', () => {
    expect(threadingArgs({ native: true }, 1)).toEqual(['--singleThreaded']);
    expect(threadingArgs({ native: true }, 2)).toEqual(['--singleThreaded']);
    expect(threadingArgs({ native: true }, 3)).toEqual([]);
    expect(threadingArgs({ native: false }, 2)).toEqual([]);
  });

  test("the native tsc collects garbage less often, within a quarter of the memory, unless the user set Go's GC", () => {
    const memory = 8 * 2 ** 30;
    expect(tscEnvironment({ native: true }, { PATH: '/bin' }, memory)).toEqual({
      PATH: '/bin',
      GOGC: '400',
      GOMEMLIMIT: '2048MiB',
    });
    expect(tscEnvironment({ native: true }, { GOGC: '100' }, memory)).toEqual({ GOGC: '100' });
    expect(tscEnvironment({ native: true }, { GOMEMLIMIT: '1GiB' }, memory)).toEqual({ GOMEMLIMIT: '1GiB' });
    expect(tscEnvironment({ native: false }, { PATH: '/bin' }, memory)).toEqual({ PATH: '/bin' });
  });

  test.each([
    ['5.3.3', false],
    ['5.4.5', false],
    ['5.5.0', true],
    ['5.9.3', true],
    ['6.0.0-beta', true],
    ['7.0.2', true],
    ['4.9.5', false],
  ])('%s supported: %s', (version, supported) => {
    expect(isSupportedVersion(version)).toBe(supported);
  });

  test('a project whose TypeScript is older than 5.5 gets told so, and nothing is built', async () => {
    const dir = scratchProject(scratch, {
      'flow.ts': `import { pass, workflow } from '@stepcraft/core';\nexport const flow = workflow('Flow').start(pass('P'));\n`,
    });
    mkdirSync(path.join(dir, 'node_modules/typescript/bin'), { recursive: true });
    writeFileSync(
      path.join(dir, 'node_modules/typescript/package.json'),
      JSON.stringify({ name: 'typescript', version: '5.3.3', bin: { tsc: './bin/tsc' } }),
    );
    const result = await stepcraft(['build', '.', '--out', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `flow.ts: not type-checked: TypeScript 5.3.3 (${path.join(dir, 'node_modules/typescript')}) is older than 5.5, the first that reads Stepcraft's types`,
    );
  });

  test('a check tells when its tsc has started, before it ends, and also when there is no tsc to start', async () => {
    const dir = scratchProject(scratch, { 'bad.ts': 'export const n: number = "one";\n' });
    const events: string[] = [];
    const running = startTypeCheck([path.join(dir, 'bad.ts')], (file) => path.relative(dir, file));
    const started = running.started.then(() => events.push('started'));
    const result = await running.result.then((found) => {
      events.push('ended');
      return found;
    });
    await started;
    expect(events).toEqual(['started', 'ended']);
    expect(result.byFile.get(path.join(dir, 'bad.ts'))).toEqual([
      "bad.ts:1:14: Type 'string' is not assignable to type 'number'. [TS2322]",
    ]);

    // A TypeScript too old to use: nothing starts, and the check still says so (a caller awaiting it goes on).
    mkdirSync(path.join(dir, 'node_modules/typescript'), { recursive: true });
    writeFileSync(
      path.join(dir, 'node_modules/typescript/package.json'),
      JSON.stringify({ name: 'typescript', version: '5.3.3' }),
    );
    const unusable = startTypeCheck([path.join(dir, 'bad.ts')], (file) => path.relative(dir, file));
    await unusable.started;
    expect((await unusable.result).byFile.get(path.join(dir, 'bad.ts'))?.[0]).toContain('not type-checked');
  });
});
