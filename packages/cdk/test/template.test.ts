import { compile } from '@stepcraft/core';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_NAMES, EXAMPLES, type ExampleName } from '../../../examples/catalog.js';
import { deployFiles, toTemplate } from '../src/cloudformation.js';
import { templateProblems } from './cfn-schema.js';
import { distributed, workflowOf } from './workflows.js';

/**
 * The findings an example's template comes with: ml-pipeline names its SageMaker training job, model and transform
 * job at run time (a role over every job and model of the account).
 */
const KNOWN_FINDINGS: Partial<Record<ExampleName, readonly string[]>> = {
  'ml-pipeline': ['DYNAMIC_RESOURCE', 'DYNAMIC_RESOURCE', 'DYNAMIC_RESOURCE'],
};

describe('CloudFormation and SAM templates', () => {
  for (const name of EXAMPLE_NAMES) {
    for (const format of ['cloudformation', 'sam'] as const) {
      test(`${name} as ${format} matches the registry schemas`, () => {
        const { template, findings } = toTemplate(compile(EXAMPLES[name]), { format });
        expect(findings.map((finding) => finding.code)).toEqual(KNOWN_FINDINGS[name] ?? []);
        expect(templateProblems(template)).toEqual([]);
      });
    }
  }

  test('the order-processing template, and SAM for two examples', async () => {
    const order = toTemplate(compile(EXAMPLES['order-processing']), { format: 'cloudformation' }).template;
    await expect(`${JSON.stringify(order, null, 2)}\n`).toMatchFileSnapshot(
      'snapshots/OrderProcessing.cloudformation.json.snap',
    );
    for (const name of ['order-processing', 'human-approval'] as const) {
      const sam = deployFiles(EXAMPLES[name], { format: 'sam' }).files.find((f) =>
        f.name.endsWith('.sam.json'),
      );
      await expect(sam?.text).toMatchFileSnapshot(`snapshots/${compile(EXAMPLES[name]).name}.sam.json.snap`);
    }
  });

  test('a placeholder becomes a parameter, substituted into the definition', () => {
    const { template } = toTemplate(compile(EXAMPLES['human-approval']), { format: 'cloudformation' });
    expect(template.Parameters).toMatchObject({
      ApprovalQueue: { Type: 'String', Description: expect.stringContaining('SQS queue URL') },
    });
    const machine = (template.Resources as Record<string, { Properties: Record<string, unknown> }>)
      .HumanApproval;
    expect(machine?.Properties.DefinitionSubstitutions).toMatchObject({
      ApprovalQueue: { Ref: 'ApprovalQueue' },
    });
  });

  test('Express workflows get a log group, logging configuration and the log delivery statement', () => {
    const express = workflowOf('Fast', { type: 'EXPRESS' });
    for (const format of ['cloudformation', 'sam'] as const) {
      const { template } = toTemplate(compile(express), { format, tracing: true });
      expect(templateProblems(template)).toEqual([]);
      const text = JSON.stringify(template);
      expect(text).toContain('"AWS::Logs::LogGroup"');
      expect(text).toContain('"logs:CreateLogDelivery"');
      expect(text).toContain('"xray:PutTraceSegments"');
      expect(text).toContain('"Level":"ALL"');
    }
  });

  test('statements that name the state machine itself go in a separate policy (no dependency cycle)', () => {
    for (const format of ['cloudformation', 'sam'] as const) {
      const { template } = toTemplate(distributed, { format });
      expect(templateProblems(template)).toEqual([]);
      const resources = template.Resources as Record<
        string,
        { Type: string; Properties: Record<string, unknown> }
      >;
      const policy = resources.DistributedPolicy;
      expect(policy?.Type).toBe('AWS::IAM::Policy');
      expect(policy?.Properties.Roles).toEqual([{ Ref: 'DistributedRole' }]);
      expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('{"Ref":"Distributed"}');
    }
  });

  test('deployFiles writes the schemas, and the template only with a format', () => {
    expect(deployFiles(EXAMPLES['order-processing']).files.map((f) => f.name)).toEqual([
      'OrderProcessing.input.schema.json',
      'OrderProcessing.output.schema.json',
    ]);
    expect(
      deployFiles(EXAMPLES['order-processing'], { format: 'cloudformation' }).files.map((f) => f.name),
    ).toEqual([
      'OrderProcessing.input.schema.json',
      'OrderProcessing.output.schema.json',
      'OrderProcessing.cloudformation.json',
    ]);
  });
});
