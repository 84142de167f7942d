import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, test } from 'vitest';
import { ROOT } from './readme.js';

interface Manifest {
  readonly name: string;
  readonly private?: boolean;
  readonly engines?: { readonly node?: string };
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly [field: string]: unknown;
}

const read = (file: string): Manifest => JSON.parse(readFileSync(file, 'utf8'));
const root = read(path.join(ROOT, 'package.json'));
const published = readdirSync(path.join(ROOT, 'packages'))
  .map((dir) => ({
    dir: path.join(ROOT, 'packages', dir),
    manifest: read(path.join(ROOT, 'packages', dir, 'package.json')),
  }))
  .filter(({ manifest }) => manifest.private !== true);

/** The lowest Node.js the project supports; a package may require more only because a dependency does. */
const PROJECT_FLOOR = semver.minVersion(root.engines?.node ?? '')?.version ?? '';

/** A package's production dependencies, all the way down, with the directory each resolved to. */
function productionTree(dir: string, seen = new Map<string, Manifest>()): Map<string, Manifest> {
  for (const name of Object.keys(read(path.join(dir, 'package.json')).dependencies ?? {})) {
    const found = resolvePackage(dir, name);
    if (found === undefined || seen.has(found)) continue;
    seen.set(found, read(path.join(found, 'package.json')));
    productionTree(found, seen);
  }
  return seen;
}

/** Node's lookup: `node_modules/<name>` in the package's real directory or any above it. */
function resolvePackage(from: string, name: string): string | undefined {
  for (let dir = realpathSync(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    try {
      return realpathSync(candidate);
    } catch {
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}

describe.each(published)('$manifest.name', ({ dir, manifest }) => {
  test('names its licence, repository, homepage and description, and is public', () => {
    expect(manifest).toMatchObject({
      license: 'Apache-2.0',
      repository: { type: 'git', directory: path.relative(ROOT, dir) },
      publishConfig: { access: 'public' },
      type: 'module',
      scripts: {
        prepack:
          'tsc -b tsconfig.build.json && node ../../scripts/bundle.mjs . && node ../../scripts/prune-dist.mjs',
      },
    });
    expect(String(manifest.description).length).toBeGreaterThan(20);
    expect(String(manifest.homepage)).toMatch(/^https:\/\//);
  });

  test('publishes exports without the workspace source condition, and ./package.json', () => {
    expect(manifest.publishConfig).toMatchObject({
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './package.json': './package.json',
      },
    });
    expect(JSON.stringify(manifest.publishConfig)).not.toContain('@stepcraft/source');
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'src']));
  });

  test('depends on our other packages by caret range, and on no schema library', () => {
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (!name.startsWith('@stepcraft/')) continue;
      expect(range, `${manifest.name} → ${name}`).toBe('workspace:^');
    }
    expect(Object.keys(manifest.dependencies ?? {})).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(zod|valibot|arktype)$/)]),
    );
  });

  // `npm install --engine-strict` fails on any Node.js that a package admits but one of its dependencies does not.
  test('admits only Node.js versions every production dependency admits, and asks no more than they need', () => {
    const ours = manifest.engines?.node ?? '';
    const tree = productionTree(dir);
    const needs = [...tree.values()]
      .map((dependency) => ({ name: dependency.name, range: dependency.engines?.node }))
      .filter((dependency): dependency is { name: string; range: string } => dependency.range !== undefined);
    const refused = needs
      .filter((dependency) => !semver.subset(ours, dependency.range))
      .map((d) => `${d.name} ${d.range}`);
    expect(refused, `${manifest.name} declares node ${ours}`).toEqual([]);
    const floor = needs.reduce(
      (highest, dependency) =>
        semver.maxSatisfying([highest, semver.minVersion(dependency.range)?.version ?? highest], '*') ??
        highest,
      PROJECT_FLOOR,
    );
    expect(semver.minVersion(ours)?.version, `${manifest.name}: the dependencies need only ${floor}`).toBe(
      floor,
    );
  });
});
