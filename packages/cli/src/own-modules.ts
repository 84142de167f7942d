// This CLI runs from its TypeScript sources in the workspace (src/**) and, published, from bundles (scripts/bundle.mjs)
// whose entry points mirror src/ in dist/ and whose shared chunks sit directly in dist/. Either way the file holding
// this code is one level below the package's folder, so paths from there hold where a path from a moved module would
// not.
const PACKAGE_ROOT = new URL('..', import.meta.url);

/** True when this CLI runs from TypeScript source (the workspace), not from the published `dist`. */
export function isRunningFromSource(): boolean {
  return import.meta.url.endsWith('.ts');
}

/**
 * The URL of one of this CLI's modules that is started by file (a worker, a child process), given as its path in
 * `src/` without extension, e.g. `build/worker`: the source file, or the bundle of that entry point in `dist/`.
 * Each such module is an entry point of the bundle (EXTRA_ENTRY_POINTS in scripts/bundle.mjs).
 */
export function ownModule(sourcePath: string): URL {
  return isRunningFromSource()
    ? new URL(`src/${sourcePath}.ts`, PACKAGE_ROOT)
    : new URL(`dist/${sourcePath}.js`, PACKAGE_ROOT);
}

/** The URL of a file of this package, e.g. `package.json`. */
export function ownFile(relativePath: string): URL {
  return new URL(relativePath, PACKAGE_ROOT);
}
