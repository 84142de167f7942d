// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation ${Placeholders} are the data under test.
import { describe, expect, it } from 'vitest';
import { hasPlaceholder, isPlaceholder, substitutePlaceholders, validate } from '../src/index.js';
import { findings, machine } from './helpers.js';

const task = (Resource: unknown, extra: Record<string, unknown> = {}) =>
  machine({ Type: 'Task', Resource, End: true, ...extra });

describe('Resource ARNs', () => {
  it.each([
    'arn:aws:states:::lambda:invoke',
    'arn:aws:lambda:us-east-1:123456789012:function:my-fn',
    'arn:aws:lambda:us-east-1:123456789012:function:my-fn:$LATEST',
    'arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod',
    'arn:aws-us-gov:states:::aws-sdk:s3:getObject',
    'arn:aws:states:us-east-1:123456789012:activity:work',
    'arn:aws:states:::states:startExecution.sync:2',
    '${PaymentFunctionArn}',
    '${Fn.Arn}:$LATEST',
    'arn:${AWS::Partition}:states:::lambda:invoke',
    'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Name}',
    { 'Fn::GetAtt': ['Fn', 'Arn'] },
    { Ref: 'Fn' },
  ])('accepts %j', (resource) => {
    expect(findings(task(resource))).toEqual([]);
  });

  it.each([
    'foo:bar',
    'lambda',
    'arn:aws',
    'arn::lambda:us-east-1:1:function:f',
    'arn:aws:states:::',
    'arn:aws:lambda:us-east-1:1:function:',
    'arn:aws:lambda:us-east-1:1:function:f:',
    'arn:aws:lambda:us-east-1:1:function:f:$*#',
    'arn:aws:lambda:us-east-1:1:function:f:1:2',
    '${lambdaArn',
  ])('rejects %j, and accepts it with checkArn: false', (resource) => {
    expect(findings(task(resource))).toEqual(['INVALID_ARN /States/A/Resource']);
    expect(findings(task(resource), { checkArn: false })).toEqual([]);
  });

  it('rejects a Resource that is not a string', () => {
    expect(findings(task(42))).toEqual(['INVALID_TYPE /States/A/Resource']);
  });

  it.each([
    ['arn:aws:states:::lambda:invoke.waitForTaskToken', '.waitForTaskToken'],
    ['arn:aws:states:::states:startExecution.sync', '.sync'],
    ['arn:aws:states:::states:startExecution.sync:2', '.sync'],
    ['arn:aws:states:us-east-1:123456789012:activity:work', 'activities'],
  ])('rejects %s in Express workflows', (resource, what) => {
    const [diagnostic] = validate(task(resource), { stateMachineType: 'EXPRESS' });
    expect(diagnostic).toMatchObject({ code: 'EXPRESS_UNSUPPORTED_RESOURCE', pointer: '/States/A/Resource' });
    expect(diagnostic?.message).toContain(what);
    expect(findings(task(resource), { stateMachineType: 'STANDARD' })).toEqual([]);
  });
});

describe('pattern suffixes on direct ARNs', () => {
  it.each([
    'arn:aws:lambda:us-east-1:123456789012:function:approve.waitForTaskToken',
    'arn:aws:lambda:us-east-1:123456789012:function:approve:prod.sync',
    'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Name}.waitForTaskToken',
  ])('rejects a Lambda function ARN with a suffix, with or without checkArn: %s', (resource) => {
    for (const options of [{}, { checkArn: false }]) {
      const diagnostics = validate(task(resource), options);
      expect(diagnostics).toEqual([
        expect.objectContaining({
          code: 'RESOURCE_PATTERN_UNSUPPORTED',
          pointer: '/States/A/Resource',
          state: 'A',
          severity: 'error',
          resource,
        }),
      ]);
      expect(diagnostics[0]?.message).toContain('is a Lambda function ARN');
    }
  });

  it('names lambda:invoke for a callback', () => {
    const resource = 'arn:aws:lambda:us-east-1:123456789012:function:approve.waitForTaskToken';
    expect(validate(task(resource))[0]?.message).toBe(
      `State "A": Resource "${resource}" is a Lambda function ARN: .waitForTaskToken exists only for service integrations ("arn:aws:states:::<service>:<api>"); for a callback, call the function through "arn:aws:states:::lambda:invoke.waitForTaskToken" with its FunctionName.`,
    );
  });

  it.each(['.waitForTaskToken', '.sync', '.sync:2'])(
    'warns of an activity ARN ending in %s (AWS reads it as an activity of that name)',
    (suffix) => {
      const resource = `arn:aws:states:us-east-1:123456789012:activity:review${suffix}`;
      const diagnostics = validate(task(resource));
      expect(diagnostics).toEqual([
        expect.objectContaining({ code: 'RESOURCE_PATTERN_UNSUPPORTED', severity: 'warning', resource }),
      ]);
      expect(diagnostics[0]?.message).toContain(`already hands its worker a task token, so drop "${suffix}"`);
    },
  );

  it.each([
    'arn:aws:states:::lambda:invoke.waitForTaskToken',
    'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:athena:startQueryExecution.sync',
    '${ApproveFunction}.waitForTaskToken',
    'arn:aws:lambda:us-east-1:123456789012:function:approve',
    'arn:aws:states:us-east-1:123456789012:activity:review',
  ])('accepts %s', (resource) => {
    expect(validate(task(resource))).toEqual([]);
  });
});

describe('placeholders', () => {
  it('recognises whole and embedded placeholders, not unclosed ones', () => {
    expect(isPlaceholder('${Arn}')).toBe(true);
    expect(isPlaceholder('${AWS::Region}')).toBe(true);
    expect(isPlaceholder('${Arn')).toBe(false);
    expect(isPlaceholder('x${Arn}')).toBe(false);
    expect(isPlaceholder(3)).toBe(false);
    expect(hasPlaceholder('s3://${Bucket}/key')).toBe(true);
    expect(hasPlaceholder('${Bucket')).toBe(false);
  });

  it('accepts placeholders where numbers, paths and booleans go', () => {
    const doc = machine(
      { Type: 'Wait', Seconds: '${Delay}', Next: 'B' },
      {
        B: {
          Type: 'Map',
          End: true,
          MaxConcurrency: '${Max}',
          ItemsPath: '${ItemsPath}',
          ItemProcessor: { StartAt: 'C', States: { C: { Type: 'Succeed' } } },
        },
      },
    );
    expect(findings(doc)).toEqual([]);
  });

  it('substitutes values in strings and keys, leaving unknown names and the input untouched', () => {
    const doc = {
      StartAt: 'A',
      States: {
        A: {
          Type: 'Task',
          Resource: '${Fn}',
          Parameters: { '${Key}.$': '$.x', Url: 's3://${Bucket}/${Unknown}' },
          End: true,
        },
      },
    };
    const before = JSON.stringify(doc);
    const out = substitutePlaceholders(doc, {
      Fn: 'arn:aws:lambda:us-east-1:1:function:f',
      Key: 'id',
      Bucket: 'b',
    });
    expect(out).toEqual({
      StartAt: 'A',
      States: {
        A: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:1:function:f',
          Parameters: { 'id.$': '$.x', Url: 's3://b/${Unknown}' },
          End: true,
        },
      },
    });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('validates after substitution', () => {
    expect(findings(task('${Fn}'), { substitutions: { Fn: 'not-an-arn' } })).toEqual([
      'INVALID_ARN /States/A/Resource',
    ]);
    expect(findings(task('${Fn}'), { substitutions: { Fn: 'arn:aws:states:::lambda:invoke' } })).toEqual([]);
  });

  it('treats __proto__ keys and substitution names as plain data', () => {
    const doc = JSON.parse(
      '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Result":{"__proto__":{"x":"${constructor}"}}}}}',
    );
    const out = substitutePlaceholders(doc, { constructor: 'c' }) as {
      States: { A: { Result: Record<string, unknown> } };
    };
    expect(Object.hasOwn(out.States.A.Result, '__proto__')).toBe(true);
    expect(JSON.stringify(out.States.A.Result)).toBe('{"__proto__":{"x":"c"}}');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const untouched = substitutePlaceholders({ a: '${toString}' }, {});
    expect(untouched).toEqual({ a: '${toString}' });
  });
});
