import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The one-way data flow (builder → IR → ASL → runner) is kept by import rules, checked here by reading source.
const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  const out: string[] = [];
  for (const entry of readdirSync(full)) {
    const rel = path.join(dir, entry);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (rel.endsWith('.ts')) out.push(rel);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2] ?? '');
}

function packageImports(pkg: string): { file: string; specifier: string }[] {
  return sourceFiles(`packages/${pkg}/src`).flatMap((file) =>
    importsOf(file).map((specifier) => ({ file, specifier })),
  );
}

const ours = (specifier: string) => specifier.startsWith('@stepcraft/');

describe('package dependency rules', () => {
  it.each([
    ['asl', []],
    ['core', ['@stepcraft/asl']],
    ['runner', ['@stepcraft/asl']],
    ['viewer', ['@stepcraft/asl', '@stepcraft/runner']],
    ['testing', ['@stepcraft/asl', '@stepcraft/core', '@stepcraft/runner']],
    ['cdk', ['@stepcraft/asl', '@stepcraft/core']],
  ])('%s imports only %j of ours', (pkg, allowed) => {
    const bad = packageImports(pkg).filter((i) => ours(i.specifier) && !allowed.includes(i.specifier));
    expect(bad).toEqual([]);
  });

  it('nothing imports the cli', () => {
    const bad = ['asl', 'core', 'runner', 'viewer', 'testing', 'cdk'].flatMap((pkg) =>
      packageImports(pkg).filter((i) => i.specifier.startsWith('@stepcraft/cli')),
    );
    expect(bad).toEqual([]);
  });

  it('core/compile never imports core/builder, and core/ir imports nothing but asl types and ir', () => {
    const compileBad = sourceFiles('packages/core/src/compile').flatMap((file) =>
      importsOf(file)
        .filter((s) => s.includes('/builder/') || s.startsWith('../builder'))
        .map((s) => `${file} → ${s}`),
    );
    const irBad = sourceFiles('packages/core/src/ir').flatMap((file) =>
      importsOf(file)
        .filter((s) => !(s === '@stepcraft/asl' || (s.startsWith('./') && !s.includes('..'))))
        .map((s) => `${file} → ${s}`),
    );
    expect([...compileBad, ...irBad]).toEqual([]);
  });
});

describe('untrusted input never reaches code evaluation', () => {
  it('no eval or new Function in any package source', () => {
    // The viewer's page script (page/) runs in the browser on untrusted run records: checked too.
    const folders = ['asl', 'core', 'runner', 'cli', 'viewer', 'testing', 'cdk'].map(
      (pkg) => `packages/${pkg}/src`,
    );
    const bad = [...folders, 'packages/viewer/page'].flatMap((folder) =>
      sourceFiles(folder).filter((file) =>
        /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(path.join(root, file), 'utf8')),
      ),
    );
    expect(bad).toEqual([]);
  });
});
