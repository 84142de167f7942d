// Deletes the declarations `tsc -b` left in ./dist from sources that no longer exist (it never deletes outputs), so
// that a packed tarball holds only what src/ compiles to. The JavaScript is scripts/bundle.mjs's, which rewrites it
// whole. Run from a package directory, after its build.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const OUTPUT = /\.d\.ts(\.map)?$/;

function prune(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      prune(file);
      if (readdirSync(file).length === 0) rmSync(file, { recursive: true });
    } else if (OUTPUT.test(entry.name)) {
      const source = path.join('src', path.relative('dist', file)).replace(OUTPUT, '.ts');
      if (!statSync(source, { throwIfNoEntry: false })?.isFile()) rmSync(file);
    }
  }
}

prune('dist');
