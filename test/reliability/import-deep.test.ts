import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { compile } from '@stepcraft/core';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_DEPTH } from '../../packages/cli/src/import/depth.js';
import { aslText } from '../../packages/cli/src/import/faithful.js';
import { generateWorkflowSource, ImportError, importWorkflow } from '../../packages/cli/src/import/index.js';
import { loadModule } from '../../packages/cli/src/load.js';
import { generatedDir } from '../round-trip/harness.js';
import { runIsolated } from './harness.js';
import { nestedParallels } from './import-scenarios.js';

// Issue 10: `stepcraft import` overflowed its stack on deep nesting. A definition may nest up to MAX_IMPORT_DEPTH
// (200) levels, far beyond any real one; deeper is a named ImportError with the place, found without recursion.

const dir = generatedDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Pass whose Result nests `levels` objects deep. */
function deepResult(levels: number): JsonObject {
  let value: JsonValue = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return { StartAt: 'P', States: { P: { Type: 'Pass', Result: value, End: true } } };
}

describe('deep definitions', { concurrent: true }, () => {
  it('Parallel states nested to the bound import, print and build back exactly', async () => {
    // 49 levels put the Pass's Result object at depth 199 (each Parallel adds States, name, Branches, index).
    const document = nestedParallels(49);
    const source = generateWorkflowSource(document, { name: 'Deep' });
    const file = path.join(dir, 'deep.ts');
    writeFileSync(file, source);
    const module = await loadModule(file);
    expect(aslText(compile(module.deep as never, { validate: false }).definition)).toBe(aslText(document));
    expect(() => importWorkflow(nestedParallels(50))).toThrow(ImportError);
  }, 30_000);

  it('one level past the bound is an ImportError naming the bound and the place', () => {
    expect(() => importWorkflow(deepResult(MAX_IMPORT_DEPTH - 3))).not.toThrow();
    expect(() => importWorkflow(deepResult(MAX_IMPORT_DEPTH - 2))).toThrow(
      'the definition nests deeper than 200 levels at /States/P/Result/a/a/a/a/a/a/a/a/a/…; import reads definitions up to 200 levels deep',
    );
  });

  it('deep Choice rules and templates are ImportErrors too, not stack overflows', () => {
    let rule: JsonObject = { Variable: '$.x', IsPresent: true };
    for (let i = 0; i < 50_000; i++) rule = { Not: rule };
    const choice = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ ...rule, Next: 'D' }], Default: 'D' },
        D: { Type: 'Succeed' },
      },
    };
    expect(() => importWorkflow(choice)).toThrow(
      /nests deeper than 200 levels at \/States\/C\/Choices\/0\/Not\/Not/,
    );
    let template: JsonObject = { 'v.$': '$.x' };
    for (let i = 0; i < 50_000; i++) template = { t: template };
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: template, End: true } } };
    expect(() => importWorkflow(pass)).toThrow(
      /nests deeper than 200 levels at \/States\/P\/Parameters\/t\/t/,
    );
  });

  it('`stepcraft import` of a 100,000-level definition (200 KB) exits 1 with the place, under a 128 MB heap', async () => {
    const outcome = await runIsolated(new URL('./import-scenarios.ts', import.meta.url), 'importDeepResult', {
      heapMb: 128,
      timeoutMs: 30_000,
    });
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(outcome.value).toMatchObject({ code: 1 });
    expect((outcome.value as { stderr: string }).stderr).toContain(
      'cannot import: the definition nests deeper than 200 levels at /States/P/Result/a/a/',
    );
  }, 40_000);
});
