import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile, stringifyAsl } from '@stepcraft/core';
import { afterAll, describe, expect, test } from 'vitest';
import { greeting } from './fixtures/workflows/greeting.js';
import { FIXTURES, ROOT, scratchProject, stepcraft } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-build-'));
const project = (files: Record<string, string>) => scratchProject(scratch, files);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let outCount = 0;
const freshOut = () => path.join(scratch, `out-${++outCount}`);

/** What build printed on stderr, without its closing summary line (which holds a duration). */
function messages(stderr: string): string[] {
  const lines = stderr.split('\n');
  expect(lines.at(-1)).toMatch(/^stepcraft build: \d+ written, \d+ failed \(\d+\.\d\d s\)$/);
  return lines.slice(0, -1);
}

describe('stepcraft build', () => {
  test('writes OUT/<WorkflowName>.asl.json for every exported workflow, one progress line each on stderr', async () => {
    const out = freshOut();
    const result = await stepcraft(['build', `${FIXTURES}/workflows`, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(messages(result.stderr)).toEqual([
      `wrote ${path.join(out, 'Greeting.asl.json')} (workflow 'Greeting' from ${FIXTURES}/workflows/greeting.ts)`,
      `wrote ${path.join(out, 'Charge.asl.json')} (workflow 'Charge' from ${FIXTURES}/workflows/payments.ts)`,
      `wrote ${path.join(out, 'Refund.asl.json')} (workflow 'Refund' from ${FIXTURES}/workflows/payments.ts)`,
    ]);
    expect(result.stderr.split('\n').at(-1)).toMatch(/^stepcraft build: 3 written, 0 failed/);
    const written = readFileSync(path.join(out, 'Greeting.asl.json'), 'utf8');
    expect(written).toBe(stringifyAsl(compile(greeting).definition));
    expect(JSON.parse(written)).toMatchObject({ StartAt: 'Greet', States: { Done: { Type: 'Succeed' } } });
    const check = await stepcraft([
      'validate',
      path.join(out, 'Charge.asl.json'),
      path.join(out, 'Refund.asl.json'),
    ]);
    expect(check.code).toBe(0);
  });

  test('is deterministic: a second build writes the same bytes (JSONPath is the default)', async () => {
    const [first, second] = [freshOut(), freshOut()];
    await stepcraft(['build', `${FIXTURES}/workflows/payments.ts`, '--out', first]);
    await stepcraft([
      'build',
      `${FIXTURES}/workflows/payments.ts`,
      '--out',
      second,
      '--query-language',
      'JSONPath',
    ]);
    for (const name of ['Charge.asl.json', 'Refund.asl.json']) {
      expect(readFileSync(path.join(second, name), 'utf8')).toBe(
        readFileSync(path.join(first, name), 'utf8'),
      );
    }
  });

  test('prints out paths relative to the working directory when inside it', async () => {
    const dir = project({
      'flow.ts': `import { pass, workflow } from '@stepcraft/core';\nexport const flow = workflow('Flow').start(pass('P'));\n`,
    });
    const result = await stepcraft(['build', '--out', 'asl', '--json'], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      written: [
        {
          workflow: 'Flow',
          file: path.join('asl', 'Flow.asl.json'),
          source: 'flow.ts',
          export: 'flow',
          beside: [],
        },
      ],
      failed: [],
    });
    expect(messages(result.stderr)).toEqual([
      `wrote ${path.join('asl', 'Flow.asl.json')} (workflow 'Flow' from flow.ts)`,
    ]);
  });

  test('a file with a type error: file:line:col: message, exit 1, nothing written for it', async () => {
    const dir = project({
      'good.ts': `import { pass, workflow } from '@stepcraft/core';\nexport const good = workflow('Good').start(pass('P'));\n`,
      'bad.ts': [
        `import { pass, workflow } from '@stepcraft/core';`,
        `const count: number = 'three';`,
        `export const bad = workflow('Bad').start(pass('P', { result: { count } }));`,
        '',
      ].join('\n'),
    });
    const out = path.join(dir, 'out');
    const result = await stepcraft(['build', '.', '--out', 'out'], dir);
    expect(result.code).toBe(1);
    expect(messages(result.stderr)).toEqual([
      "bad.ts:2:7: Type 'string' is not assignable to type 'number'. [TS2322]",
      'bad.ts: not built, it has type errors',
      `wrote ${path.join('out', 'Good.asl.json')} (workflow 'Good' from good.ts)`,
    ]);
    expect(existsSync(path.join(out, 'Good.asl.json'))).toBe(true);
    expect(existsSync(path.join(out, 'Bad.asl.json'))).toBe(false);
    const unchecked = await stepcraft(['build', '.', '--out', 'out', '--no-typecheck'], dir);
    expect(unchecked.code).toBe(0);
    expect(existsSync(path.join(out, 'Bad.asl.json'))).toBe(true);
  });

  test('a type error in a file the workflows import stops the whole build', async () => {
    const dir = project({
      'schemas.ts': `export const limit: number = 'ten';\n`,
      'flow.ts': `import { pass, workflow } from '@stepcraft/core';\nimport { limit } from './schemas.js';\nexport const flow = workflow('Flow').start(pass('P', { result: { limit } }));\n`,
    });
    const result = await stepcraft(['build', 'flow.ts', '--out', 'out'], dir);
    expect(result.code).toBe(1);
    expect(messages(result.stderr)).toEqual([
      "schemas.ts:1:14: Type 'string' is not assignable to type 'number'. [TS2322]",
      'stepcraft build: nothing built, the files above have type errors',
    ]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('the type check uses the project tsconfig.json: its strictness decides', async () => {
    const code = `import { pass, workflow } from '@stepcraft/core';\nconst f = (x) => x;\nexport const flow = workflow('Loose').start(pass('P', { result: { n: f(1) } }));\n`;
    const strict = project({ 'flow.ts': code });
    const failed = await stepcraft(['build', '.', '--out', 'out'], strict);
    expect(failed.stderr).toContain("flow.ts:2:12: Parameter 'x' implicitly has an 'any' type. [TS7006]");
    const loose = project({ 'flow.ts': code });
    writeFileSync(
      path.join(loose, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(ROOT, 'tsconfig.base.json'),
        compilerOptions: { noImplicitAny: false },
      }),
    );
    const built = await stepcraft(['build', '.', '--out', 'out'], loose);
    expect(built.code).toBe(0);
    // The temporary configuration that lists the files is gone again.
    expect(readdirSync(loose).filter((name) => name.includes('stepcraft-typecheck'))).toEqual([]);
  });

  test('modules load as Node runs them: import.meta of each file, JSON imports, tsconfig paths', async () => {
    const dir = project({
      'flow.ts': [
        `import { readFileSync } from 'node:fs';`,
        `import { pass, workflow } from '@stepcraft/core';`,
        `import { greeting } from '#lib/greeting.js';`,
        `import limits from './limits.json' with { type: 'json' };`,
        `const name = JSON.parse(readFileSync(new URL('./name.json', import.meta.url), 'utf8')) as string;`,
        'export const flow = workflow(name).start(pass(greeting, { result: { max: limits.max } }));',
        '',
      ].join('\n'),
      'name.json': '"Named"',
      'limits.json': '{ "max": 3 }',
      'lib/greeting.ts': `import path from 'node:path';\nexport const greeting = path.basename(import.meta.dirname) === 'lib' ? 'FromLib' : 'Wrong';\n`,
    });
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(ROOT, 'tsconfig.base.json'),
        compilerOptions: { paths: { '#lib/*': ['./lib/*'] } },
      }),
    );
    const result = await stepcraft(['build', 'flow.ts', '--out', 'out', '--no-typecheck'], dir);
    expect(result.stderr).toContain("wrote out/Named.asl.json (workflow 'Named' from flow.ts)");
    expect(JSON.parse(readFileSync(path.join(dir, 'out/Named.asl.json'), 'utf8'))).toMatchObject({
      StartAt: 'FromLib',
      States: { FromLib: { Result: { max: 3 } } },
    });
  });

  test('what discovery found is remembered per file content: an edited file is read again', async () => {
    const flow = (name: string) =>
      `import { pass, workflow } from '@stepcraft/core';\nexport const ${name.toLowerCase()} = workflow('${name}').start(pass('P'));\n`;
    const dir = project({ 'flow.ts': flow('First') });
    const build = () => stepcraft(['build', '.', '--out', 'out', '--no-typecheck', '--json'], dir);
    const names = async () =>
      JSON.parse((await build()).stdout).written.map((w: { workflow: string }) => w.workflow);
    expect(await names()).toEqual(['First']);
    expect(await names()).toEqual(['First']);
    writeFileSync(path.join(dir, 'flow.ts'), flow('Second'));
    expect(await names()).toEqual(['Second']);
  });

  test('two workflows with the same name: an error naming both, neither written', async () => {
    const out = freshOut();
    const result = await stepcraft(['build', `${FIXTURES}/duplicate`, '--out', out]);
    expect(result.code).toBe(1);
    expect(messages(result.stderr)).toEqual([
      `workflow 'Twin' is defined more than once: ${FIXTURES}/duplicate/first.ts (export 'twin'), ` +
        `${FIXTURES}/duplicate/second.ts (export 'twinAgain'); workflow names must be unique`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  test('compile errors and files that throw while loading are reported per workflow, exit 1', async () => {
    const out = freshOut();
    const result = await stepcraft(['build', `${FIXTURES}/invalid`, '--out', out]);
    expect(result.code).toBe(1);
    expect(messages(result.stderr)).toEqual([
      `${FIXTURES}/invalid/bad-timeout.ts: workflow 'BadTimeout' does not compile:`,
      '  /TimeoutSeconds: TimeoutSeconds must be a positive integer, got 0. [INVALID_VALUE]',
      `${FIXTURES}/invalid/throws.ts: failed to load: boom at load time`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  test('an export that is typed as a workflow but is not one is skipped with a warning', async () => {
    const result = await stepcraft(['build', `${FIXTURES}/misc`, '--out', freshOut()]);
    expect(result.code).toBe(1);
    expect(messages(result.stderr)).toEqual([
      `${FIXTURES}/misc/impostor.ts: export 'impostor' is not a workflow at run time; skipped`,
      'stepcraft build: no workflows to build (every export found was skipped)',
    ]);
  });

  test('no workflow in the given paths is an error', async () => {
    const result = await stepcraft(['build', `${FIXTURES}/asl`, '--out', freshOut(), '--json']);
    expect(result.code).toBe(1);
    expect(messages(result.stderr)).toEqual([
      `stepcraft build: no exported workflows found in ${FIXTURES}/asl`,
    ]);
    expect(JSON.parse(result.stdout)).toEqual({
      written: [],
      failed: [{ message: `stepcraft build: no exported workflows found in ${FIXTURES}/asl` }],
    });
  });

  test.each([
    [['build', 'nowhere', '--out', 'x'], 'path not found: nowhere'],
    [
      ['build', `${FIXTURES}/asl/valid.asl.json`, '--out', 'x'],
      `not a TypeScript file: ${FIXTURES}/asl/valid.asl.json`,
    ],
  ])('usage error for %j: exit 2', async (argv, problem) => {
    const result = await stepcraft(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`stepcraft build: ${problem}`);
  });

  test('an --out that cannot be created is a usage error', async () => {
    const file = path.join(scratch, 'a-file');
    writeFileSync(file, '');
    const result = await stepcraft(['build', `${FIXTURES}/workflows/greeting.ts`, '--out', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `stepcraft build: --out: cannot write ${path.join(file, 'Greeting.asl.json')}`,
    );
  });
});
