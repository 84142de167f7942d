import { createRequire } from 'node:module';
import type Jsonata from 'jsonata';

let library: typeof Jsonata | undefined;

/**
 * Parses a JSONata expression with the jsonata library (the runner's pinned 2.0.6, AWS's version), required on
 * first use: a run without JSONata never loads it, and `require` reads the file as it is, where Node 20's `import` of
 * a CommonJS module first lexes all 290 kB of it for its exports (~50 ms of every start-up).
 */
export function jsonata(text: string): Jsonata.Expression {
  library ??= createRequire(import.meta.url)('jsonata') as typeof Jsonata;
  return library(text);
}
