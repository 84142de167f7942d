import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT, scratchProject, stepcraft } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FILES = [
  'package.json',
  'tsconfig.json',
  'src/workflow.ts',
  'src/handlers.ts',
  'src/workflow.test.ts',
  'input.json',
  '.gitignore',
];

describe('stepcraft init', () => {
  test('scaffolds a project that depends on this version, with build, start and test scripts', async () => {
    const result = await stepcraft(['init', 'My Flows', '--json'], scratch);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ directory: 'My Flows', files: FILES });
    const manifest = JSON.parse(readFileSync(path.join(scratch, 'My Flows/package.json'), 'utf8'));
    const version = JSON.parse(readFileSync(path.join(ROOT, 'packages/cli/package.json'), 'utf8')).version;
    expect(manifest.name).toBe('my-flows');
    expect(manifest.dependencies['@stepcraft/core']).toBe(`^${version}`);
    expect(Object.keys(manifest.scripts)).toEqual(['build', 'start', 'test']);
  });

  test('never overwrites without --force, and names what is in the way', async () => {
    const dir = path.join(scratch, 'existing');
    await stepcraft(['init', dir]);
    writeFileSync(path.join(dir, 'src/workflow.ts'), '// mine\n');
    const refused = await stepcraft(['init', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `already has ${FILES.join(', ')}; pick an empty directory or pass --force`,
    );
    expect(readFileSync(path.join(dir, 'src/workflow.ts'), 'utf8')).toBe('// mine\n');
    expect((await stepcraft(['init', dir, '--force'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'src/workflow.ts'), 'utf8')).not.toBe('// mine\n');
  });

  test('prints the next steps', async () => {
    const result = await stepcraft(['init', 'steps'], scratch);
    expect(result.stdout).toContain('cd steps && npm install && npm test');
  });

  // The full `npm install && npm test` from the packed tarballs is in test/consumer; here the scaffold is built and
  // run against the workspace's packages.
  test('the scaffold type-checks, builds and runs', async () => {
    const dir = scratchProject(scratch, {});
    rmSync(path.join(dir, 'tsconfig.json'));
    rmSync(path.join(dir, 'package.json'));
    symlinkSync(path.join(ROOT, 'packages/core/node_modules/zod'), path.join(dir, 'node_modules/zod'), 'dir');
    expect((await stepcraft(['init'], dir)).code).toBe(0);
    const built = await stepcraft(['build', 'src', '--out', 'dist/asl'], dir);
    expect(built.stderr).toContain('wrote dist/asl/ProcessOrder.asl.json');
    expect(built.code).toBe(0);
    expect(existsSync(path.join(dir, 'dist/asl/ProcessOrder.asl.json'))).toBe(true);
    const ran = await stepcraft(['run', 'src/workflow.ts', '--input', '@input.json', '--json'], dir);
    expect(JSON.parse(ran.stdout)).toEqual({
      status: 'SUCCEEDED',
      output: { orderId: 'o-1', amount: 42, card: '4242', payment: { paymentId: 'pay-o-1', status: 'PAID' } },
    });
  });
});
