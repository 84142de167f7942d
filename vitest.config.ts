import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript source through the `@stepcraft/source` export condition,
// so tests need no build step. Vite's SSR resolver needs the condition (and Node's defaults) spelled out.
const conditions = ['@stepcraft/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@stepcraft/source'] } },
  test: {
    reporters: [
      'default',
      './test/summary-reporter.ts',
      // Which states, transitions, Choice rules, retriers and catchers the examples' tests exercise.
      ['./packages/testing/src/vitest/reporter.ts', { include: ['examples/**'], threshold: { states: 90 } }],
    ],
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 30_000,
  },
});
