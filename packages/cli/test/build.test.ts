import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile, stringifyAsl } from '@stepcraft/core';
import { afterAll, describe, expect, test } from 'vitest';
import { greeting } from './fixtures/workflows/greeting.js';
import { FIXTURES, ROOT, stepcraft } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let outCount = 0;
const freshOut = () => path.join(scratch, `out-${++outCount}`);

/** A project outside the workspace (its own tsconfig, core linked in node_modules), for files that must not be committed. */
function scratchProject(files: Record<string, string>): string {
  const dir = path.join(scratch, `project-${++outCount}`);
  mkdirSync(path.join(dir, 'node_modules/@stepcraft'), { recursive: true });
  symlinkSync(path.join(ROOT, 'packages/core'), path.join(dir, 'node_modules/@stepcraft/core'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  const base = path.join(ROOT, 'tsconfig.base.json');
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: base, compilerOptions: { types: [] } }),
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('stepcraft build', () => {
  test('writes OUT/<WorkflowName>.asl.json for every exported workflow and lists them', async () => {
    const out = freshOut();
    const result = await stepcraft(['build', `${FIXTURES}/workflows`, '--out', out]);
    expect(result).toEqual({
      code: 0,
      stdout: ['Greeting', 'Charge', 'Refund'].map((name) => path.join(out, `${name}.asl.json`)).join('\n'),
      stderr: '',
    });
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
    const project = scratchProject({
      'flow.ts': `import { pass, workflow } from '@stepcraft/core';\nexport const flow = workflow('Flow').start(pass('P'));\n`,
    });
    const result = await stepcraft(['build', '--out', 'asl'], project);
    expect(result).toEqual({ code: 0, stdout: path.join('asl', 'Flow.asl.json'), stderr: '' });
  });

  test('a file with a type error: file:line:col: message, exit 1, nothing written for it', async () => {
    const project = scratchProject({
      'good.ts': `import { pass, workflow } from '@stepcraft/core';\nexport const good = workflow('Good').start(pass('P'));\n`,
      'bad.ts': [
        `import { pass, workflow } from '@stepcraft/core';`,
        `const count: number = 'three';`,
        `export const bad = workflow('Bad').start(pass('P', { result: { count } }));`,
        '',
      ].join('\n'),
    });
    const out = path.join(project, 'out');
    const result = await stepcraft(['build', '.', '--out', 'out'], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "bad.ts:2:7: Type 'string' is not assignable to type 'number'. [TS2322]\nbad.ts: not built, it has type errors",
    );
    expect(result.stdout).toBe(path.join('out', 'Good.asl.json'));
    expect(existsSync(path.join(out, 'Bad.asl.json'))).toBe(false);
  });

  test('two workflows with the same name: an error naming both, neither written', async () => {
    const out = freshOut();
    const result = await stepcraft(['build', `${FIXTURES}/duplicate`, '--out', out]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `workflow 'Twin' is defined more than once: ${FIXTURES}/duplicate/first.ts (export 'twin'), ` +
        `${FIXTURES}/duplicate/second.ts (export 'twinAgain'); workflow names must be unique`,
    });
    expect(existsSync(out)).toBe(false);
  });

  test('compile errors and files that throw while loading are reported per workflow, exit 1', async () => {
    const out = freshOut();
    const result = await stepcraft(['build', `${FIXTURES}/invalid`, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      `${FIXTURES}/invalid/throws.ts: failed to load: boom at load time`,
      `${FIXTURES}/invalid/bad-timeout.ts: workflow 'BadTimeout' does not compile:`,
      '  /TimeoutSeconds: TimeoutSeconds must be a positive integer, got 0. [INVALID_VALUE]',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  test('an export that is typed as a workflow but is not one is skipped with a warning', async () => {
    const result = await stepcraft(['build', `${FIXTURES}/misc`, '--out', freshOut()]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `${FIXTURES}/misc/impostor.ts: export 'impostor' is not a workflow at run time; skipped\n` +
        'stepcraft build: no workflows to build (every export found was skipped)',
    });
  });

  test('no workflow in the given paths is an error', async () => {
    const result = await stepcraft(['build', `${FIXTURES}/asl`, '--out', freshOut()]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `stepcraft build: no exported workflows found in ${FIXTURES}/asl`,
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
