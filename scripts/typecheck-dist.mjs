// Type-checks what an adopter compiles against: the examples and the packages' type tests (`*.test-d.ts`) resolved
// to the built declarations (`dist/*.d.ts`) instead of the sources. The root `tsc` reads `src/` through the
// `@stepcraft/source` export condition; declaration emit can print a type differently from the source it came from
// (inlined aliases, widened literals, dropped `NoInfer`…), and only this check sees it. Run after `pnpm build`.
//
// A type test imports its package as `../src/index.js`; a relative import cannot be redirected by tsconfig, so the
// tests (and the local files they import) are copied into `<package>/.stepcraft-dist-check/test/` with that import
// rewritten to the package's own name, which Node's self-reference resolves through `exports` to `dist` like any
// consumer. The copies sit inside the package so that they resolve the same dependencies as the originals.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIRROR = '.stepcraft-dist-check';
const CONFIG = path.join(ROOT, `${MIRROR}.tsconfig.json`);
const RELATIVE = /\b(from|import)\s+(['"])(\.{1,2}\/[^'"]+)\2/g;

/** Every `*.test-d.ts` under a package's `test/`, relative to the package. */
function typeTests(packageDir, dir = 'test') {
  const found = [];
  const full = path.join(packageDir, dir);
  if (!existsSync(full)) return found;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...typeTests(packageDir, relative));
    else if (entry.name.endsWith('.test-d.ts')) found.push(relative);
  }
  return found;
}

/**
 * Copies `file` (relative to the package) and the test files it imports, renaming the entry import; imports of files
 * outside the package (the examples) are re-pointed at the originals, imports of its internals refused.
 */
function copyWithImports(packageDir, entries, file, copied) {
  if (copied.has(file)) return;
  copied.add(file);
  let text = readFileSync(path.join(packageDir, file), 'utf8');
  if (file.endsWith('.ts')) {
    text = text.replace(RELATIVE, (whole, keyword, quote, specifier) => {
      const target = path.normalize(path.join(path.dirname(file), specifier));
      const entry = entries.get(target.replace(/\.js$/, '.ts'));
      if (entry) return `${keyword} ${quote}${entry}${quote}`;
      if (target.startsWith(`test${path.sep}`)) {
        copyWithImports(packageDir, entries, target.replace(/\.js$/, '.ts'), copied);
        return whole;
      }
      if (!target.startsWith(`..${path.sep}`)) {
        throw new Error(
          `${path.relative(ROOT, path.join(packageDir, file))} imports ${specifier}: a type test reaches its package only through the entry points of its exports (what an adopter sees)`,
        );
      }
      const fromCopy = path.relative(path.dirname(path.join(MIRROR, file)), target);
      return `${keyword} ${quote}${fromCopy.split(path.sep).join('/')}${quote}`;
    });
  }
  const destination = path.join(packageDir, MIRROR, file);
  mkdirSync(path.dirname(destination), { recursive: true });
  writeFileSync(destination, text);
}

/** The package's entry points: source file (relative to the package) → the specifier an adopter imports it by. */
function entryPoints(packageDir) {
  const { name, exports } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const entries = new Map();
  for (const [subpath, conditions] of Object.entries(exports)) {
    const source = typeof conditions === 'object' ? conditions['@stepcraft/source'] : undefined;
    if (source) entries.set(path.normalize(source), path.posix.join(name, subpath));
  }
  return entries;
}

const include = ['examples'];
const packagesDir = path.join(ROOT, 'packages');
for (const dir of readdirSync(packagesDir)) {
  const packageDir = path.join(packagesDir, dir);
  rmSync(path.join(packageDir, MIRROR), { recursive: true, force: true });
  const tests = typeTests(packageDir);
  if (tests.length === 0) continue;
  const copied = new Set();
  for (const test of tests) copyWithImports(packageDir, entryPoints(packageDir), test, copied);
  for (const test of tests) include.push(path.join('packages', dir, MIRROR, test));
}

writeFileSync(
  CONFIG,
  JSON.stringify({
    extends: './tsconfig.base.json',
    // No `@stepcraft/source`: every `@stepcraft/*` import resolves through `exports` to `types` → dist.
    compilerOptions: { noEmit: true, customConditions: [] },
    include,
    exclude: ['**/node_modules', '**/dist'],
  }),
);
let status = 0;
try {
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', CONFIG], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  console.log(
    `typecheck:dist: ${include.length - 1} type tests and the examples type-check against dist/*.d.ts`,
  );
} catch {
  console.error('typecheck:dist: the built declarations do not type-check like the sources (errors above)');
  status = 1;
} finally {
  rmSync(CONFIG, { force: true });
  for (const dir of readdirSync(packagesDir)) {
    rmSync(path.join(packagesDir, dir, MIRROR), { recursive: true, force: true });
  }
}
process.exit(status);
