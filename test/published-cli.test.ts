import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('validates and runs JSONPath definitions without loading jsonata, esbuild or ts-morph', () => {
    // Big CommonJS libraries cost start-up time (Node 20 lexes one it imports from ESM in full): only what needs them
    // loads them. A preloaded script lists every CommonJS module the process loaded, at exit.
    const scratch = dir ?? tmpdir();
    const recorder = path.join(scratch, 'record-cjs.cjs');
    const record = path.join(scratch, 'loaded.json');
    writeFileSync(
      recorder,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));`,
    );
    const asl = path.join(scratch, 'pass.asl.json');
    writeFileSync(asl, JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }));
    const loaded = (...args: string[]): string[] => {
      execFileSync(process.execPath, ['--require', recorder, bin, ...args], { cwd: root, encoding: 'utf8' });
      return JSON.parse(readFileSync(record, 'utf8'));
    };
    const heavy = /[\\/]node_modules[\\/](jsonata|esbuild|ts-morph)[\\/]/;
    const validated = loaded('validate', 'examples/order-processing/workflow.asl.json');
    expect(validated).toContain(recorder);
    expect(validated.filter((file) => heavy.test(file))).toEqual([]);
    expect(loaded('run', asl, '--input', '{}').filter((file) => heavy.test(file))).toEqual([]);
  });
});
