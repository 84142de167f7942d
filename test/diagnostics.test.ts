import { readFileSync } from 'node:fs';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { PAGE, renderPage, runExample } from './diagnostics/page.js';

const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

describe('diagnostic codes', () => {
  test.each(codes)('%s is produced by its example', (code) => {
    expect(runExample(code).diagnostics.map((d) => d.code)).toContain(code);
  });

  test('docs/diagnostics.md is up to date (regenerate it with `pnpm docs:diagnostics`)', () => {
    expect(readFileSync(PAGE, 'utf8')).toBe(renderPage());
  });
});
