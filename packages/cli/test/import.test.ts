import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateWorkflowSource, ImportError, importWorkflow } from '../src/import/index.js';
import { camelIdentifier, createNamer } from '../src/import/ir-to-ts/names.js';
import { stepcraft } from './helpers.js';

const ORDER = 'examples/order-processing/workflow.asl.json';

describe('stepcraft import', () => {
  test('prints builder code for an ASL file', async () => {
    const { code, stdout } = await stepcraft(['import', ORDER, '--name', 'OrderProcessing']);
    expect(code).toBe(0);
    expect(stdout).toContain("export const orderProcessing = workflow('OrderProcessing', {");
    expect(stdout).toContain(
      // The example's FunctionName is a deploy-time placeholder, `${ReceiveOrderFunction}`.
      "const receiveOrder = task('ReceiveOrder', {\n  resource: lambda.invoke(placeholder('ReceiveOrderFunction')),\n  resultSelector: lambda.payload,\n})",
    );
    expect(stdout).toContain(
      "  .catch(['States.ALL'], handleError, { resultPath: '$.error' })\n  .next(checkInventory);",
    );
    // What SendAlert reads of its input is what HandleError is declared to return, so the wire type-checks.
    expect(stdout).toContain(
      '  resultSelector: lambda.payload,\n  output: z.object({ subject: z.unknown().optional(), message: z.unknown().optional() }),',
    );
    expect(stdout).toContain(
      '// TODO(stepcraft import): input schema holds what the definition reads: tighten it',
    );
  });

  test('writes --out', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'import-'));
    const out = path.join(dir, 'order.ts');
    try {
      expect((await stepcraft(['import', ORDER, '--out', out])).code).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain("workflow('ImportedWorkflow'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--modernize renames the deprecated Map fields; without it they are written back as they are', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'import-'));
    const file = path.join(dir, 'legacy.asl.json');
    const processor = { StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } };
    const legacy = {
      StartAt: 'Each',
      States: {
        Each: { Type: 'Map', Parameters: { 'v.$': '$$.Map.Item.Value' }, Iterator: processor, End: true },
      },
    };
    writeFileSync(file, JSON.stringify(legacy));
    try {
      const kept = await stepcraft(['import', file]);
      expect(kept.stdout).toContain("processorField: 'Iterator',\n  itemSelectorField: 'Parameters',");
      const modern = await stepcraft(['import', file, '--modernize']);
      expect(modern.code).toBe(0);
      expect(modern.stdout).not.toContain('Field:');
      expect(importWorkflow(legacy, { modernize: true }).definition.States.Each).toEqual({
        Type: 'Map',
        ItemSelector: { 'v.$': '$$.Map.Item.Value' },
        ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } },
        End: true,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
  test('a state nothing reaches (AWS rejects it) is printed with a note that the built workflow leaves it out', () => {
    const source = generateWorkflowSource({
      StartAt: 'A',
      States: { A: { Type: 'Succeed' }, Orphan: { Type: 'Pass', End: true } },
    });
    expect(source).toContain(
      "// TODO(stepcraft import): not reachable from StartAt: the workflow built from this code leaves it out\nconst orphan = pass('Orphan');",
    );
  });

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
    expect(source).toContain("['__proto__']: 1");
    expect(source).toContain("const _1St = succeed('1 st!')");
    expect(source).toContain("const class2 = pass('class'");
  });

  test('a value compared as a string but iterated as an array is typed as either', () => {
    const doc = {
      StartAt: 'Any?',
      States: {
        'Any?': {
          Type: 'Choice',
          Choices: [{ Variable: '$', StringEquals: 'No messages', Next: 'Done' }],
          Default: 'Each',
        },
        Each: {
          Type: 'Map',
          ItemsPath: '$',
          ItemProcessor: {
            StartAt: 'Body',
            States: { Body: { Type: 'Pass', InputPath: '$.Body', End: true } },
          },
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    };
    const source = generateWorkflowSource(doc);
    expect(source).toContain(
      'input: z.union([z.string(), z.array(z.object({ Body: z.unknown().optional() })).readonly()])',
    );
    expect(source).toContain("input.stringEquals('No messages')");
    expect(source).toContain("the edge to 'Each' is not type-checked");
  });

  test('identifiers are camelCase, unique and never reserved', () => {
    expect(camelIdentifier('Process Payment!')).toBe('processPayment');
    expect(camelIdentifier('')).toBe('state');
    const name = createNamer();
    expect([name('A b'), name('a-b'), name('task')]).toEqual(['aB', 'aB2', 'task2']);
  });

  test('a loop of Choice/Catch transitions closes with later(), declared once', () => {
    const doc = {
      StartAt: 'Try',
      States: {
        Try: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'f', 'Payload.$': '$' },
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: 'Again?' }],
          End: true,
        },
        'Again?': {
          Type: 'Choice',
          Choices: [{ Variable: '$.tries', NumericLessThan: 3, Next: 'Try' }],
          Default: 'GaveUp',
        },
        GaveUp: { Type: 'Fail' },
      },
    };
    const source = generateWorkflowSource(doc);
    expect(source).toContain(
      ".when(({ input }) => input.tries.numericLessThan(3), later('Try', () => try2))",
    );
    expect(source.match(/task\('Try'/g)).toHaveLength(1);
  });

  test('needs flow backwards: a ResultPath result must hold what later states read', () => {
    const doc = {
      StartAt: 'Fetch',
      States: {
        Fetch: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
          ResultPath: '$.file',
          Next: 'Pause',
        },
        Pause: { Type: 'Wait', SecondsPath: '$.file.delay', End: true },
      },
    };
    const source = generateWorkflowSource(doc);
    expect(source).toContain("output: z.object({ delay: z.number() }),\n})\n  .resultPath('$.file')");
    expect(source).toContain('input: z.object({ file: z.object({ delay: z.number() }) }),');
  });

  test('IsPresent makes a field optional, and a non-canonical path spelling is kept raw over the builder call', () => {
    const doc = {
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Choice',
          Choices: [
            {
              And: [
                { Variable: '$.a', IsPresent: true },
                { Variable: '$.b', StringEqualsPath: '$.a' },
              ],
              Next: 'Keep',
            },
          ],
          Default: 'Keep',
        },
        Keep: { Type: 'Pass', ResultPath: '$.my-result', End: true },
      },
    };
    const source = generateWorkflowSource(doc);
    expect(source).toContain('input: z.object({ a: z.string().optional(), b: z.unknown().optional() }),');
    expect(source).toContain(".resultPath('$[\\'my-result\\']')");
    expect(source).toContain("raw: { ResultPath: '$.my-result' }");
  });
});
