import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ADOPTER_SECTION, commandsOf, isShell, ROOT, readmeBlocks } from './consumer/readme.js';

// Every shell command in the README works as written. The two set-up commands come first (CI runs the second
// one); the adopters' section runs in an empty folder against the packed tarballs (test/consumer); every other
// command runs here, in order, from the repository root, with the set-up done (`dist` built, `npx stepcraft` linked).

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks = readmeBlocks(readme);
const SETUP = [
  'npx -y pnpm@10 install --frozen-lockfile && npx -y pnpm@10 start',
  'npx -y pnpm@10 install --frozen-lockfile && npx -y pnpm@10 test',
];

describe('the README', () => {
  test('opens with exactly the two set-up commands', () => {
    const [first] = blocks;
    expect(first?.section).toBe('');
    expect(first && isShell(first)).toBe(true);
    expect(first?.text.split('\n').map((line) => line.replace(/\s+#.*$/, ''))).toEqual(SETUP);
  });

  const commands = blocks
    .slice(1)
    .filter((block) => isShell(block) && block.section !== ADOPTER_SECTION)
    .flatMap(commandsOf);

  test('has commands to run outside the adopters section', () => {
    expect(commands.length).toBeGreaterThan(5);
  });

  // The test itself runs under `npx -y pnpm@10 test`, which puts pnpm on the PATH: a `pnpm …` command would pass
  // here and fail for a reader with no global pnpm.
  test('no shell command after the set-up needs a global pnpm', () => {
    expect(commands.filter((command) => /^(?:pnpm|yarn) /.test(command))).toEqual([]);
  });

  test('every shell command after the set-up runs and exits 0', async () => {
    for (const command of commands) {
      const ran = await promisify(execFile)('bash', ['-c', command], { cwd: ROOT }).then(
        () => 'ok',
        (error: { stderr?: string; message: string }) => `${command}\n${error.stderr ?? error.message}`,
      );
      expect(ran).toBe('ok');
    }
  }, 120_000);

  // Commands in prose and tables cannot all be run (`test` would run this test); each must at least be in a form that
  // works without a global pnpm: `npx -y pnpm@10 <a script or pnpm command>`, or `npx stepcraft`.
  test('every inline command outside the adopters section works without a global pnpm', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts);
    const adopters = readme.indexOf(`## ${ADOPTER_SECTION}`);
    const next = readme.indexOf('\n## ', adopters + 1);
    const outside = readme.slice(0, adopters) + readme.slice(next);
    const inline = [...outside.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? '');
    const bad = inline.filter((code) => {
      if (/^(pnpm|yarn) /.test(code)) return true;
      const viaNpx = /^npx -y pnpm@10 (?:-s )?([\w:-]+)/.exec(code);
      return viaNpx !== null && ![...scripts, 'install', 'exec', 'add'].includes(viaNpx[1] ?? '');
    });
    expect(bad).toEqual([]);
  });

  test('its architecture table has a row for every package', () => {
    const table = readme.slice(readme.indexOf('## Architecture'), readme.indexOf('## Performance'));
    const missing = readdirSync(path.join(ROOT, 'packages')).filter(
      (pkg) => !table.includes(`| \`packages/${pkg}\` |`),
    );
    expect(missing).toEqual([]);
  });

  test("the tour's workflows name their resources with deploy-time placeholders, as the examples do", () => {
    const literal = /\b(?:lambda\.invoke|sns\.publish|sqs\.sendMessage)\('(?!\$\{)[^']*'\)/g;
    const found = blocks
      .filter((block) => block.section === 'A short tour' && block.language === 'ts')
      .flatMap((block) => [...block.text.matchAll(literal)].map((match) => match[0]));
    expect(found).toEqual([]);
  });
});

describe('the docs', () => {
  // docs/*.md and every package's and example's README: what a reader copies must run without a global pnpm.
  const pages = [
    ...readdirSync(path.join(ROOT, 'docs'))
      .filter((file) => file.endsWith('.md'))
      .map((file) => path.join('docs', file)),
    ...['packages', 'examples'].flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(ROOT, dir, entry.name, 'README.md')))
        .map((entry) => path.join(dir, entry.name, 'README.md')),
    ),
  ];

  test('every shell command runs the CLI without a global pnpm (npx stepcraft)', () => {
    expect(pages.length).toBeGreaterThan(10);
    const bad = pages.flatMap((file) =>
      readmeBlocks(readFileSync(path.join(ROOT, file), 'utf8'))
        .filter(isShell)
        .flatMap(commandsOf)
        .filter((command) => /^(pnpm|yarn) /.test(command))
        .map((command) => `${file}: ${command}`),
    );
    expect(bad).toEqual([]);
  });
});
