import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { stepcraft } from './helpers.js';

describe('stepcraft (top level)', () => {
  test('--help lists the commands and exits 0', async () => {
    const result = await stepcraft(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['build', 'validate', 'run']) expect(result.stdout).toContain(`  ${command} `);
    expect(result.stderr).toBe('');
  });

  test('--version prints the package version', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(await stepcraft(['--version'])).toEqual({ code: 0, stdout: manifest.version, stderr: '' });
  });

  test.each(['build', 'validate', 'run'])('%s --help prints its usage and exits 0', async (command) => {
    const result = await stepcraft([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: stepcraft ${command} `));
  });

  test.each([
    [[], 'stepcraft: missing command', 'stepcraft --help'],
    [['deploy'], "stepcraft: unknown command 'deploy'", 'stepcraft --help'],
    [['--verbose'], "stepcraft: unknown option '--verbose'", 'stepcraft --help'],
    [['__proto__'], "stepcraft: unknown command '__proto__'", 'stepcraft --help'],
    [['build', 'examples'], 'stepcraft build: missing required option --out DIR', 'stepcraft build --help'],
    [
      ['build', '--out'],
      "stepcraft build: Option '-o, --out <value>' argument missing",
      'stepcraft build --help',
    ],
    [
      ['build', '--out', 'x', '--query-language', 'XPath'],
      "stepcraft build: --query-language must be JSONPath or JSONata, not 'XPath'",
      'stepcraft build --help',
    ],
    [['run'], 'stepcraft run: missing FILE', 'stepcraft run --help'],
  ])('usage error for %j', async (argv, problem, help) => {
    const result = await stepcraft(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(problem);
    expect(result.stderr).toContain(`Run '${help}' for usage.`);
  });
});
