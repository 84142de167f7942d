import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@stepcraft/core';
import { afterAll, describe, expect, it } from 'vitest';
import { aslText } from '../../packages/cli/src/import/faithful.js';
import { importWorkflow, printWorkflow } from '../../packages/cli/src/import/index.js';
import { loadModule } from '../../packages/cli/src/load.js';
import { generatedDir } from '../round-trip/harness.js';
import { runIsolated } from './harness.js';
import { passLoop, taskChain } from './import-scenarios.js';

// Issue 11 item 4 / issue 10: `stepcraft import` overflowed its stack on a 5,000-state chain. Every walk over a
// machine is iterative now, and the needs analysis visits successors first (a chain converges in one round).

const dir = generatedDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('10,000-state chains', { concurrent: true }, () => {
  it('a chain of Tasks goes ASL → IR → ASL exactly, and prints what each state needs', () => {
    const document = taskChain(10_000);
    const imported = importWorkflow(document, { name: 'Long' });
    expect(aslText(compile({ toNode: () => imported.node }, { validate: false }).definition)).toBe(
      aslText(document),
    );
    const source = printWorkflow(imported);
    expect(source.match(/^const /gm)).toHaveLength(10_000);
    // Each Task reads the Payload of the one before; only the first reads the workflow's own input.
    expect(source).toContain(
      "const step9999 = task('Step 9999', {\n  input: z.object({ r9998: z.object({ Payload: z.unknown().optional() }).optional() }),",
    );
    expect(source).toContain(
      "export const long = workflow('Long', { input: z.object({ order: z.unknown().optional() }) }).start(step0);",
    );
  }, 30_000);

  it('a loop of Pass states goes ASL → IR → TypeScript → ASL exactly, closed by later()', async () => {
    const document = passLoop(10_000);
    const source = printWorkflow(importWorkflow(document, { name: 'Loop' }));
    expect(source).toContain(".when(({ input }) => input.again.booleanEquals(true), later('S0', () => s0))");
    const file = path.join(dir, 'loop.ts');
    writeFileSync(file, source);
    const module = await loadModule(file);
    expect(aslText(compile(module.loop as never, { validate: false }).definition)).toBe(aslText(document));
  }, 30_000);

  it('`stepcraft import` prints the loop under a 256 MB heap', async () => {
    const outcome = await runIsolated(new URL('./import-scenarios.ts', import.meta.url), 'importLongChain', {
      heapMb: 256,
      timeoutMs: 60_000,
    });
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(outcome.value).toMatchObject({ code: 0, stderr: '' });
    expect((outcome.value as { lines: number }).lines).toBeGreaterThan(10_000);
  }, 70_000);
});
