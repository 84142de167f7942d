import { existsSync, readdirSync } from 'node:fs';
import { expect, test } from 'vitest';
import { EXAMPLE_NAMES } from './catalog.js';

test('the catalog lists every example folder that holds a workflow.ts', () => {
  const root = new URL('./', import.meta.url);
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/workflow.ts`, root)))
    .map((entry) => entry.name);
  expect([...EXAMPLE_NAMES].sort()).toEqual(folders.sort());
});
