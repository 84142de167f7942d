import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FIXTURES, scratchProject, stepcraft } from './helpers.js';

const order = `${FIXTURES}/asl/order.asl.json`;
const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-hints-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('messages in the words of the command line', () => {
  test('a missing handler is provided with --handlers, not with run() options', async () => {
    const result = await stepcraft(['run', order, '--input', '{"amount":1}', '--json']);
    expect(result.code).toBe(1);
    const { error, cause } = JSON.parse(result.stdout);
    expect(error).toBe('Stepcraft.MissingHandler');
    expect(cause).toContain(
      'Provide one with --handlers MODULE, a module whose default export is { "Charge": async (input) => result },',
    );
    expect(cause).not.toContain('run(workflow');
  });

  test('a handler keyed by a near miss of the state name: did you mean', async () => {
    const handlers = path.join(scratch, 'typo-handlers.mts');
    writeFileSync(handlers, 'export default { Chrage: async () => ({ paymentId: "p" }) };\n');
    const result = await stepcraft([
      'run',
      order,
      '--input',
      '{"amount":1}',
      '--handlers',
      handlers,
      '--json',
    ]);
    expect(JSON.parse(result.stdout).cause).toContain(
      'Your --handlers module has "Chrage": did you mean "Charge"?',
    );
  });

  test('--input naming a file without its @: did you mean --input @FILE', async () => {
    const input = `${FIXTURES}/order-input.json`;
    const result = await stepcraft(['run', order, '--input', input]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`did you mean --input @${input} (read the file)?`);
  });

  test('--workflow with a near miss of a workflow name: did you mean', async () => {
    const result = await stepcraft([
      'run',
      `${FIXTURES}/workflows/payments.ts`,
      '--input',
      '{}',
      '--workflow',
      'Chrage',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "has no workflow 'Chrage' (it has Charge (export 'charging'), Refund (export 'refunding')); did you mean 'Charge'?",
    );
  });
});

describe('run and graph type-check a TypeScript FILE as build does', () => {
  const broken = () =>
    scratchProject(scratch, {
      'flow.ts': [
        `import { pass, workflow } from '@stepcraft/core';`,
        `const count: number = 'three';`,
        `export const flow = workflow('Flow').start(pass('P', { result: { count } }));`,
        '',
      ].join('\n'),
    });

  test.each([
    ['run', ['--input', '{}']],
    ['graph', []],
  ])('%s: type errors stop it with file:line:col; --no-typecheck runs it anyway', async (command, extra) => {
    const dir = broken();
    const checked = await stepcraft([command, 'flow.ts', ...extra], dir);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toBe(
      "flow.ts:2:7: Type 'string' is not assignable to type 'number'. [TS2322]\nflow.ts: it has type errors (--no-typecheck skips the check)",
    );
    const unchecked = await stepcraft([command, 'flow.ts', ...extra, '--no-typecheck'], dir);
    expect(unchecked.code).toBe(0);
  });
});

describe('--json everywhere', () => {
  test('graph --json: the format and the diagram', async () => {
    const result = await stepcraft(['graph', order, '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed.format).toBe('mermaid');
    expect(printed.diagram).toMatch(/^flowchart TB\n/);
  });

  test('import --json: the generated code', async () => {
    const result = await stepcraft(['import', order, '--json', '--name', 'Order']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).code).toContain("export const order = workflow('Order'");
  });
});
