import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateWorkflowSource, ImportError } from '../src/import/index.js';
import { camelIdentifier, createNamer } from '../src/import/names.js';
import { stepcraft } from './helpers.js';

const ORDER = 'examples/order-processing/workflow.asl.json';

describe('stepcraft import', () => {
  test('prints builder code for an ASL file', async () => {
    const { code, stdout } = await stepcraft(['import', ORDER, '--name', 'OrderProcessing']);
    expect(code).toBe(0);
    expect(stdout).toContain('export const orderProcessing = workflow("OrderProcessing"');
    expect(stdout).toContain('resource: lambda.invoke("receive-order"), resultSelector: lambda.payload');
    expect(stdout).toContain('.catch(["States.ALL"], handleError, { resultPath: "$.error" })');
  });

  test('writes --out', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'import-')), 'order.ts');
    expect((await stepcraft(['import', ORDER, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('workflow("ImportedWorkflow"');
  });

  test('bad input is exit 1 with the file named; usage errors are exit 2', async () => {
    const notAsl = await stepcraft(['import', 'package.json']);
    expect(notAsl).toMatchObject({ code: 1 });
    expect(notAsl.stderr).toContain('package.json: cannot import: not an ASL document');
    expect((await stepcraft(['import'])).code).toBe(2);
    expect((await stepcraft(['import', 'missing.json'])).stderr).toContain('file not found');
    expect((await stepcraft(['import', '--help'])).stdout).toContain('Usage: stepcraft import');
  });
});

describe('generateWorkflowSource', () => {
  test('a transition to a missing state is an ImportError naming it', () => {
    const doc = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nope' } } };
    expect(() => generateWorkflowSource(doc)).toThrow(ImportError);
    expect(() => generateWorkflowSource(doc)).toThrow('"Nope"');
  });

  test('__proto__ keys stay data and odd names become safe identifiers', () => {
    const doc = JSON.parse(
      '{"StartAt":"class","States":{"class":{"Type":"Pass","Result":{"__proto__":1},"Next":"1 st!"},"1 st!":{"Type":"Succeed"}}}',
    );
    const source = generateWorkflowSource(doc);
    expect(source).toContain('["__proto__"]: 1');
    expect(source).toContain('const _1St = succeed("1 st!")');
    expect(source).toContain('const class2 = pass("class"');
  });

  test('identifiers are camelCase, unique and never reserved', () => {
    expect(camelIdentifier('Process Payment!')).toBe('processPayment');
    expect(camelIdentifier('')).toBe('state');
    const name = createNamer();
    expect([name('A b'), name('a-b'), name('task')]).toEqual(['aB', 'aB2', 'task2']);
  });
});
