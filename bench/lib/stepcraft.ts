import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Stepcraft as the benchmarks load it. By default the parent bundles each package's source with esbuild into
 * `bench/generated/dist/` (plain JS, as a published build would be) and children import that: tsx's on-the-fly
 * transform adds a `__name()` call to every closure it creates (keepNames), which costs Stepcraft ~10% on closure-heavy
 * paths and which the peers, shipped as JS, do not pay. `--source` runs the TypeScript sources through tsx instead.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.join(ROOT, 'bench/generated/dist');
const ENTRIES = {
  asl: 'packages/asl/src/index.ts',
  core: 'packages/core/src/index.ts',
  runner: 'packages/runner/src/index.ts',
};

/** Set by the parent for its children when they should load the bundle. */
export const DIST_ENV = 'STEPCRAFT_BENCH_DIST';

/** Bundles the three packages (with their npm dependencies) into `DIST`, with source maps for profiles. */
export async function buildStepcraft(): Promise<void> {
  const { build } = await import('esbuild');
  await rm(DIST, { recursive: true, force: true });
  await build({
    entryPoints: ENTRIES,
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['@stepcraft/source'],
    sourcemap: 'external',
    logLevel: 'warning',
  });
}

const load = <T>(name: keyof typeof ENTRIES, source: () => Promise<T>): Promise<T> =>
  process.env[DIST_ENV] === '1' ? import(pathToFileURL(path.join(DIST, `${name}.js`)).href) : source();

/** `@stepcraft/runner`, built or from source. */
export const stepcraftRunner = () => load('runner', () => import('@stepcraft/runner'));
/** `@stepcraft/core`, built or from source. */
export const stepcraftCore = () => load('core', () => import('@stepcraft/core'));
/** `@stepcraft/asl`, built or from source. */
export const stepcraftAsl = () => load('asl', () => import('@stepcraft/asl'));
