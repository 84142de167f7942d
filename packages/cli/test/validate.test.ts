import { describe, expect, test } from 'vitest';
import { FIXTURES, stepcraft } from './helpers.js';

const asl = (name: string) => `${FIXTURES}/asl/${name}`;

describe('stepcraft validate', () => {
  test('accepts a valid file: no diagnostics, a summary, exit 0', async () => {
    const result = await stepcraft(['validate', asl('valid.asl.json')]);
    expect(result).toEqual({ code: 0, stdout: '1 file, 1 valid, 0 invalid', stderr: '' });
  });

  test('prints FILE:POINTER: message [code] for an invalid file and exits 1', async () => {
    const result = await stepcraft(['validate', asl('valid.asl.json'), asl('invalid.asl.json')]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines.at(-1)).toBe('2 files, 1 valid, 1 invalid');
    expect(lines.slice(0, -1).length).toBeGreaterThan(0);
    for (const line of lines.slice(0, -1)) {
      expect(line).toMatch(/^packages\/cli\/test\/fixtures\/asl\/invalid\.asl\.json:\/\S*: .+ \[[A-Z_]+\]$/);
    }
    expect(result.stdout).toContain('invalid.asl.json:/States/First/Next:');
    expect(result.stdout).toContain('[MISSING_TRANSITION_TARGET]');
  });

  test('reports invalid JSON with its line and column instead of crashing', async () => {
    const result = await stepcraft(['validate', asl('not-json.asl.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${asl('not-json.asl.json')}:/: invalid JSON at line 5, column 3: expected a double-quoted property name, found "}" [INVALID_JSON]\n` +
        '1 file, 0 valid, 1 invalid',
    );
  });

  test('--json prints [{file, valid, diagnostics}]', async () => {
    const result = await stepcraft(['validate', '--json', asl('valid.asl.json'), asl('not-json.asl.json')]);
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout);
    expect(reports).toEqual([
      { file: asl('valid.asl.json'), valid: true, diagnostics: [] },
      {
        file: asl('not-json.asl.json'),
        valid: false,
        diagnostics: [
          {
            code: 'INVALID_JSON',
            message: 'invalid JSON at line 5, column 3: expected a double-quoted property name, found "}"',
            pointer: '',
            severity: 'error',
          },
        ],
      },
    ]);
  });

  test('--no-arn-check accepts a stand-in Resource that the ARN check rejects', async () => {
    const strict = await stepcraft(['validate', asl('stand-in-resource.asl.json')]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('[INVALID_ARN]');
    const lenient = await stepcraft(['validate', '--no-arn-check', asl('stand-in-resource.asl.json')]);
    expect(lenient).toMatchObject({ code: 0, stdout: '1 file, 1 valid, 0 invalid' });
  });

  test('--substitute fills placeholders before validating', async () => {
    const good = await stepcraft([
      'validate',
      '--substitute',
      'PaymentFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:Pay',
      asl('placeholder.asl.json'),
    ]);
    expect(good.code).toBe(0);
    const bad = await stepcraft([
      'validate',
      '--substitute',
      'PaymentFunctionArn=not-an-arn',
      asl('placeholder.asl.json'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('[INVALID_ARN]');
  });

  test('--substitute keys such as __proto__ are plain data', async () => {
    const result = await stepcraft([
      'validate',
      '--substitute',
      '__proto__=x',
      '--substitute',
      'a=b=c',
      asl('valid.asl.json'),
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('--express rejects .sync integrations that a standard machine allows', async () => {
    expect((await stepcraft(['validate', asl('sync-job.asl.json')])).code).toBe(0);
    const express = await stepcraft(['validate', '--express', asl('sync-job.asl.json')]);
    expect(express.code).toBe(1);
    expect(express.stdout).toContain('[EXPRESS_UNSUPPORTED_RESOURCE]');
  });

  test.each([
    [['validate'], 'missing FILE'],
    [['validate', asl('nope.asl.json')], `file not found: ${asl('nope.asl.json')}`],
    [['validate', FIXTURES], `not a file: ${FIXTURES}`],
    [['validate', '--bogus', asl('valid.asl.json')], 'unknown option --bogus'],
    [['validate', '--jsno', asl('valid.asl.json')], 'unknown option --jsno; did you mean --json?'],
    [
      ['validate', '--substitute', 'NOEQUALS', asl('valid.asl.json')],
      "--substitute expects KEY=VALUE, got 'NOEQUALS'",
    ],
  ])('usage error for %j: exit 2, names the problem and --help', async (argv, problem) => {
    const result = await stepcraft(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`stepcraft validate: ${problem}`);
    expect(result.stderr).toContain("Run 'stepcraft validate --help' for usage.");
  });
});
