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

  test.each(['build', 'validate', 'run', 'replay', 'graph', 'import', 'init'])(
    '%s --help prints its usage and exits 0',
    async (command) => {
      const result = await stepcraft([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: stepcraft ${command} `));
    },
  );

  test.each([
    [[], 'stepcraft: missing command', 'stepcraft --help'],
    [['deploy'], "stepcraft: unknown command 'deploy'", 'stepcraft --help'],
    [['biuld'], "stepcraft: unknown command 'biuld'; did you mean 'build'?", 'stepcraft --help'],
    [['valdiate'], "stepcraft: unknown command 'valdiate'; did you mean 'validate'?", 'stepcraft --help'],
    [['--verbose'], 'stepcraft: unknown option --verbose', 'stepcraft --help'],
    [['--verison'], 'stepcraft: unknown option --verison; did you mean --version?', 'stepcraft --help'],
    [['__proto__'], "stepcraft: unknown command '__proto__'", 'stepcraft --help'],
    [['build', 'examples'], 'stepcraft build: missing required option --out DIR', 'stepcraft build --help'],
    [['build', '--out'], 'stepcraft build: option --out needs a value: --out DIR', 'stepcraft build --help'],
    [
      ['build', '--out', '--json'],
      'stepcraft build: option --out needs a value: --out DIR',
      'stepcraft build --help',
    ],
    [
      ['build', '--ouut', 'x'],
      'stepcraft build: unknown option --ouut; did you mean --out?',
      'stepcraft build --help',
    ],
    [
      ['build', '--json=yes'],
      "stepcraft build: option --json takes no value, got 'yes'",
      'stepcraft build --help',
    ],
    [
      ['build', '--out', 'x', '--query-language', 'JSONPth'],
      "stepcraft build: --query-language must be JSONPath or JSONata, not 'JSONPth'; did you mean 'JSONPath'?",
      'stepcraft build --help',
    ],
    [
      ['build', '--out', 'x', '--load-timeout', '0'],
      "stepcraft build: --load-timeout must be a positive number of seconds, not '0'",
      'stepcraft build --help',
    ],
    [
      ['graph', 'x.asl.json', '--format', 'dto'],
      "stepcraft graph: --format must be mermaid or dot, not 'dto'; did you mean 'dot'?",
      'stepcraft graph --help',
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
    // Node's own parser quoted options unevenly ('--out <value>'); ours quotes only values, in pairs.
    expect((result.stderr.match(/'/g) ?? []).length % 2).toBe(0);
  });

  test.each([
    ['--out=dir', { out: 'dir' }],
    ['-odir', { out: 'dir' }],
  ])('%s sets the value like --out dir', async (option) => {
    const result = await stepcraft(['build', 'nowhere', option]);
    expect(result.stderr).toContain('stepcraft build: path not found: nowhere');
  });

  test('every command takes --json', async () => {
    for (const command of ['build', 'validate', 'run', 'replay', 'graph', 'import', 'init']) {
      const help = await stepcraft([command, '--help']);
      expect(help.stdout, command).toContain('--json');
    }
  });
});
