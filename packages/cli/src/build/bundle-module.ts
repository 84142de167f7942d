import { readFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';
import type { Loader, Plugin } from 'esbuild';

/** How `importBundled` treats the workspace's packages. */
export interface BundleOptions {
  /** Extra export conditions, e.g. the workspace's `@stepcraft/source`. */
  readonly conditions: readonly string[];
}

const LOADERS: Readonly<Record<string, Loader>> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
};

const isInNodeModules = (file: string) => file.split(path.sep).includes('node_modules');

/**
 * Imports a TypeScript (or JavaScript) module the way Node would run it after compiling it: its own files — the
 * module and everything it imports outside `node_modules`, honouring tsconfig.json `paths` — are bundled by esbuild
 * into one ES module in memory, whose imports of packages are rewritten to the absolute file URLs Node resolves
 * them to, and which Node then imports natively. Unlike a loader hook, nothing else goes through a second thread:
 * the packages a workflow uses (core, zod) load as fast as in plain Node, and core is the instance the caller has.
 * `import.meta.url`, `dirname` and `filename` keep meaning the file they are written in.
 */
export async function importBundled(file: string, options: BundleOptions): Promise<Record<string, unknown>> {
  const { build } = await startBundler();
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    conditions: [...options.conditions],
    // A package linked into node_modules (a workspace's) is still a package: kept outside the bundle.
    preserveSymlinks: true,
    logLevel: 'silent',
    plugins: [packagesByUrl, importMetaOfEachFile],
  });
  const code = result.outputFiles[0]?.text ?? '';
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

let bundler: Promise<typeof Esbuild> | undefined;

/**
 * Loads esbuild and starts its service process (a Go program), once: called early, the process starts while the
 * caller loads other modules, instead of in front of the first bundle. Required, not imported: Node 20 imports a
 * CommonJS module only after lexing all of it for its exports, which costs more than running it.
 */
export function startBundler(): Promise<typeof Esbuild> {
  bundler ??= (async () => {
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
    await esbuild.initialize({});
    return esbuild;
  })();
  return bundler;
}

/**
 * Bare specifiers: what esbuild resolves by itself (`./x`, `../x`, `/x`) never calls back into this thread, each
 * call being a round trip to esbuild's process (most of a bundle's time when every import took one).
 */
const BARE_SPECIFIER = /^[^./]/;

/** Packages stay outside the bundle, imported by the absolute URL of the file Node's resolution picks. */
const packagesByUrl: Plugin = {
  name: 'packages-by-url',
  setup(build) {
    build.onResolve({ filter: BARE_SPECIFIER }, async (args) => {
      if (args.pluginData === packagesByUrl || args.kind === 'entry-point') return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: packagesByUrl,
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      // A `paths` alias or a workspace package outside node_modules is the project's own code: bundled.
      if (!isInNodeModules(resolved.path)) return { path: resolved.path };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};

/** Each bundled file's `import.meta.url` (and `dirname`, `filename`) still names that file, not the bundle. */
const importMetaOfEachFile: Plugin = {
  name: 'import-meta-of-each-file',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
      if (isInNodeModules(args.path)) return undefined;
      const text = await readFile(args.path, 'utf8');
      const contents = text
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return {
        contents,
        loader: LOADERS[path.extname(args.path)] ?? 'ts',
        resolveDir: path.dirname(args.path),
      };
    });
  },
};
