// biome-ignore-all lint/suspicious/noTemplateCurlyInString: placeholders as they appear in ASL

import type { Integration } from '@stepcraft/core';
import * as core from '@stepcraft/core';
import { describe, expect, test } from 'vitest';
import { analyzeDefinition } from '../src/cloudformation.js';
import { definitionOf } from './workflows.js';

/** The names of `@stepcraft/core`'s top-level exports that are functions returning an integration. */
type TopLevelFactory = {
  [K in keyof typeof core]: (typeof core)[K] extends (...args: never) => infer $Made
    ? [$Made] extends [Integration]
      ? K
      : never
    : never;
}[keyof typeof core];

/**
 * Each top-level integration function, called as a workflow would. `satisfies` makes a new one a type error here
 * until it is listed. `resource(arn)` takes any ARN the user writes: there is no row to check for it.
 */
const TOP_LEVEL = {
  activity: () => [core.activity('${Worker}')],
  awsSdk: () => [core.awsSdk('s3', 'getObject'), core.awsSdk('athena', 'startQueryExecution')],
  startExecutionSync: () => [core.startExecutionSync()],
  resource: () => [],
} satisfies Record<TopLevelFactory, () => readonly Integration[]>;

/** Exported objects that hold no integration factories (intrinsic functions, error tables). */
const NOT_INTEGRATIONS = new Set(['States']);
/** Namespace helpers that are not factories and take no placeholder (a ResultSelector, a DynamoDB number). */
const HELPERS = ['dynamodb.N', 'lambda.payload'];

const isIntegration = (value: unknown): value is Integration =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Integration).resource === 'string' &&
  typeof (value as Integration).parameters === 'function';

/** The methods an integration may offer for its other patterns (AWS's, service by service). */
type PatternMethods = Partial<Record<'waitForTaskToken' | 'sync' | 'sync2', () => Integration>>;

/**
 * Every pattern an integration offers: itself, and `.waitForTaskToken()`, `.sync()`, `.sync2()` where it has them
 * (the types offer only the patterns AWS has for the service: no callback on a Lambda ARN or an activity).
 */
function patternsOf(integration: Integration & PatternMethods): Integration[] {
  const methods = [integration.waitForTaskToken, integration.sync, integration.sync2];
  return [integration, ...methods.flatMap((method) => (method === undefined ? [] : [method()]))];
}

/**
 * The integrations `@stepcraft/core` exports: every function of every exported namespace (`lambda`, `sagemaker`,
 * …) called with a placeholder per argument, keeping what returns an integration, plus the top-level ones.
 */
function walkCore(): { integrations: Integration[]; skipped: string[] } {
  const skipped: string[] = [];
  const fromNamespaces = Object.entries(core).flatMap(([name, value]) => {
    if (typeof value !== 'object' || value === null || NOT_INTEGRATIONS.has(name)) return [];
    return Object.entries(value).flatMap(([key, member]: [string, unknown]) => {
      if (typeof member !== 'function') return [];
      if (HELPERS.includes(`${name}.${key}`)) {
        skipped.push(`${name}.${key}`);
        return [];
      }
      const args = Array.from({ length: member.length }, (_, i) => `\${Resource${i}}`);
      const made: unknown = member(...args);
      return isIntegration(made) ? [made] : [];
    });
  });
  const topLevel = Object.values(TOP_LEVEL).flatMap((make): readonly Integration[] => make());
  return { integrations: [...fromNamespaces, ...topLevel].flatMap(patternsOf), skipped: skipped.sort() };
}

describe('every typed integration has a policy row', () => {
  const { integrations, skipped } = walkCore();
  const resources = [...new Set(integrations.map((i) => i.resource))].sort();

  test('the walk finds the integrations core exports', () => {
    // Every helper listed still exists (a renamed one must not leave a factory unwalked).
    expect(skipped).toEqual(HELPERS);
    expect(resources).toEqual(
      expect.arrayContaining([
        'arn:aws:states:::lambda:invoke',
        'arn:aws:states:::sagemaker:createModel',
        'arn:aws:states:::states:startExecution.sync:2',
        'arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint',
        'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        'arn:aws:states:::ecs:runTask.sync',
        'arn:aws:states:::ecs:runTask.waitForTaskToken',
        '${Worker}',
      ]),
    );
    // AWS has no callback pattern for an activity, DynamoDB or a Lambda function ARN: the types offer none.
    expect(resources).not.toContain('${Worker}.waitForTaskToken');
    expect(resources).not.toContain('arn:aws:states:::dynamodb:getItem.waitForTaskToken');
    expect(resources.filter((resource) => resource.startsWith('${Resource0}.'))).toEqual([]);
    expect(resources.length).toBeGreaterThanOrEqual(39);
  });

  test('no resource a typed integration writes is UNKNOWN_INTEGRATION to the policy analysis', () => {
    const unknown = resources.filter((Resource) =>
      analyzeDefinition(definitionOf({ Call: { Resource, Parameters: {} } })).findings.some(
        (finding) => finding.code === 'UNKNOWN_INTEGRATION',
      ),
    );
    expect(unknown).toEqual([]);
  });
});
