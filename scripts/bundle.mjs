// Writes each package's JavaScript: one ES module per entry point into ./dist (beside the declarations `tsc -b`
// emits), so that Node loads a handful of files instead of one per source file (≈ 330 for a build, most of its
// start-up). Shared code goes into chunks at the dist root; every import of a package — a third-party one or a
// sibling @stepcraft/* — stays an import, so each package exists once per process (its symbols, classes and
// registries are shared). Source maps point back to the shipped src/.
//
//   node scripts/bundle.mjs [PACKAGE_DIR…]   (default: every package; run from anywhere)
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EMITTED = /\.(js|js\.map)$/;

/**
 * Modules a package starts by file rather than through `exports`: the CLI's command (bin/stepcraft.js imports
 * dist/bin.js), its load worker (a worker thread), its dev worker (a child process) and the discoverer (whose code
 * keys the discovery cache). The CLI finds them with `ownModule()` (packages/cli/src/own-modules.ts).
 */
const EXTRA_ENTRY_POINTS = {
  '@stepcraft/cli': ['src/bin.ts', 'src/build/worker.ts', 'src/commands/dev-worker.ts', 'src/discover.ts'],
};

/** The source file of each export (its `@stepcraft/source` condition) and the package's extra entry points. */
function entryPoints(manifest) {
  const fromExports = Object.values(manifest.exports ?? {}).flatMap((conditions) =>
    typeof conditions === 'object' && typeof conditions['@stepcraft/source'] === 'string'
      ? [conditions['@stepcraft/source']]
      : [],
  );
  return [...new Set([...fromExports, ...(EXTRA_ENTRY_POINTS[manifest.name] ?? [])])].sort();
}

/** Deletes the JavaScript of an earlier bundle (or an earlier per-file tsc emit): chunk names change with content. */
function removeEmitted(directory) {
  if (!statSync(directory, { throwIfNoEntry: false })?.isDirectory()) return;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) removeEmitted(file);
    else if (EMITTED.test(entry.name)) rmSync(file);
  }
}

/** Bundles one package; returns how many files it wrote. */
async function bundle(packageDir) {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const entries = entryPoints(manifest);
  if (entries.length === 0) return 0;
  const outdir = path.join(packageDir, 'dist');
  removeEmitted(outdir);
  const result = await build({
    absWorkingDir: packageDir,
    entryPoints: entries,
    outbase: 'src',
    outdir,
    // Each entry where tsc puts its declaration (the paths `exports` names); chunks at the dist root.
    entryNames: '[dir]/[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    tsconfig: path.join(packageDir, 'tsconfig.build.json'),
    packages: 'external',
    // Bundling renames clashing top-level names; a class or function keeps the name it has in the source.
    keepNames: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).length;
}

const packagesDir = path.join(ROOT, 'packages');
const targets =
  process.argv.length > 2
    ? process.argv.slice(2).map((dir) => path.resolve(dir))
    : readdirSync(packagesDir)
        .map((dir) => path.join(packagesDir, dir))
        .filter((dir) => statSync(path.join(dir, 'package.json'), { throwIfNoEntry: false })?.isFile());
const written = await Promise.all(targets.map(bundle));
console.log(
  `bundle: ${written.reduce((sum, count) => sum + count, 0)} files for ${targets.length} package${targets.length === 1 ? '' : 's'}`,
);
