import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { stepcraft } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-deploy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('stepcraft build --format', () => {
  test('writes the input schema and a SAM template beside the ASL', async () => {
    const out = path.join(scratch, 'sam');
    const result = await stepcraft([
      'build',
      'examples/order-processing/workflow.ts',
      '--out',
      out,
      '--format',
      'sam',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const [built] = JSON.parse(result.stdout).written;
    expect([built.file, ...built.beside].map((file: string) => path.basename(file))).toEqual([
      'OrderProcessing.asl.json',
      'OrderProcessing.input.schema.json',
      'OrderProcessing.output.schema.json',
      'OrderProcessing.sam.json',
    ]);
    expect(result.stderr).toContain(
      "(workflow 'OrderProcessing' from examples/order-processing/workflow.ts, with OrderProcessing.input.schema.json, OrderProcessing.output.schema.json, OrderProcessing.sam.json)",
    );
    const template = JSON.parse(readFileSync(path.join(out, 'OrderProcessing.sam.json'), 'utf8'));
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(template.Resources.OrderProcessing.Type).toBe('AWS::Serverless::StateMachine');
    const schema = JSON.parse(readFileSync(path.join(out, 'OrderProcessing.input.schema.json'), 'utf8'));
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'OrderProcessing input',
    });
  });

  test('a CloudFormation template with --format cloudformation', async () => {
    const out = path.join(scratch, 'cfn');
    const result = await stepcraft([
      'build',
      'examples/human-approval/workflow.ts',
      '--out',
      out,
      '--format',
      'cloudformation',
    ]);
    expect(result.code).toBe(0);
    const template = JSON.parse(readFileSync(path.join(out, 'HumanApproval.cloudformation.json'), 'utf8'));
    expect(Object.keys(template.Resources)).toEqual(['HumanApprovalRole', 'HumanApproval']);
  });

  test('an unknown format is a usage error', async () => {
    const result = await stepcraft(['build', 'examples', '--out', scratch, '--format', 'terraform']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--format must be cloudformation or sam, not 'terraform'");
    const typo = await stepcraft(['build', 'examples', '--out', scratch, '--format', 'same']);
    expect(typo.stderr).toContain("--format must be cloudformation or sam, not 'same'; did you mean 'sam'?");
  });
});
