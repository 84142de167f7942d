import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const src = path.resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );

describe('@stepcraft/testing sits on the public entry points below it', () => {
  test('it imports only the entry points of asl, core and runner, and vitest only from its vitest entry', () => {
    const bad = files(src).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => {
          if (specifier.startsWith('.') || specifier.startsWith('node:')) return false;
          if (['@stepcraft/asl', '@stepcraft/core', '@stepcraft/runner'].includes(specifier)) return false;
          return !(specifier.startsWith('vitest') && file.includes(`${path.sep}vitest${path.sep}`));
        })
        .map((specifier) => `${path.relative(src, file)} → ${specifier}`),
    );
    expect(bad).toEqual([]);
  });

  test('nothing outside src/vitest imports src/vitest (the main entry runs without vitest)', () => {
    const bad = files(src)
      .filter((file) => !file.includes(`${path.sep}vitest${path.sep}`))
      .filter((file) => importsOf(file).some((s) => s.includes('/vitest/')));
    expect(bad).toEqual([]);
  });
});
