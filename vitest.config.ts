import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@stepcraft/source'] },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 30_000,
  },
});
