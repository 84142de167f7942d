import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const src = path.resolve(import.meta.dirname, '../src');

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

/** Every package a module loads at run time, following its relative imports (type-only imports excluded). */
function runtimeImports(entry: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const specifier = m[1] ?? '';
      if (specifier.startsWith('.'))
        pending.push(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  }
  return packages;
}

describe('@stepcraft/cdk entry points', () => {
  test('@stepcraft/cdk/cloudformation never loads aws-cdk-lib or constructs (the CLI imports it)', () => {
    expect([...runtimeImports(path.join(src, 'cloudformation.ts'))].sort()).toEqual([
      '@stepcraft/asl',
      '@stepcraft/core',
    ]);
  });

  test('of ours, the package imports only the public entries of asl and core', () => {
    const all = runtimeImports(path.join(src, 'index.ts'));
    const typeOnly = ['cdk/bindings.ts', 'deploy/analyze.ts', 'schemas/json-schema.ts'].flatMap((f) =>
      importsOf(path.join(src, f)),
    );
    const ours = [...all, ...typeOnly].filter((s) => s.startsWith('@stepcraft/'));
    expect([...new Set(ours)].sort()).toEqual(['@stepcraft/asl', '@stepcraft/core']);
    expect([...all].filter((s) => !s.startsWith('@stepcraft/')).sort()).toEqual([
      'aws-cdk-lib',
      'constructs',
    ]);
  });
});
