import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { generatedDir, ROOT } from '../../../test/round-trip/harness.js';

const dir = generatedDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// What the author reads: TypeScript's own message, which names the closest allowed name.
test('a misspelled error name is a compile error that suggests the closest name', { timeout: 60_000 }, () => {
  writeFileSync(
    path.join(dir, 'misspelled.ts'),
    [
      "import { lambda, pass, task } from '@stepcraft/core';",
      "const pay = task('Pay', { resource: lambda.invoke('pay'), errors: ['PaymentDeclined'] });",
      "pay.retry({ errors: ['States.Timout'] });",
      "pay.catch(['Lambda.TooManyRequestException'], pass('Alert'));",
      "pay.catch(['PaymentDecline'], pass('Refund'));",
      '',
    ].join('\n'),
  );
  let output = '';
  try {
    execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  const suggestions = [...output.matchAll(/misspelled\.ts\((\d+),\d+\).*Did you mean '"([^"]+)"'\?/g)].map(
    ([, line, name]) => [Number(line), name],
  );
  expect(suggestions).toEqual([
    [3, 'States.Timeout'],
    [4, 'Lambda.TooManyRequestsException'],
    [5, 'PaymentDeclined'],
  ]);
});
