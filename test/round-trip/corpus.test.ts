import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@stepcraft/core';
import { afterAll, expect, test } from 'vitest';
import { readWorkflow } from '../../packages/cli/src/import/asl-to-ir/workflow.js';
import { aslText } from '../../packages/cli/src/import/faithful.js';
import { generateWorkflowSource } from '../../packages/cli/src/import/index.js';
import { loadModule } from '../../packages/cli/src/load.js';
import { corpusFiles, generatedDir, ROOT } from './harness.js';

// Documents are compared exactly, as `stepcraft build` writes them (`stringifyAsl`: every value, the order of the
// states and of payload templates as written; ASL's conventional key order inside a state). No field is dropped,
// renamed or defaulted on either side: legacy names, explicit defaults and the top-level QueryLanguage survive.

const files = corpusFiles();
const documents = files.map(({ name, file }) => ({ name, document: JSON.parse(readFileSync(file, 'utf8')) }));

function report(leg: string, failures: readonly string[]): void {
  for (const folder of ['real-world', 'valid']) {
    const all = files.filter((f) => f.name.startsWith(`${folder}/`)).length;
    const failed = failures.filter((f) => f.startsWith(`${folder}/`)).length;
    console.info(`${leg} ${folder}: ${all - failed}/${all}`);
  }
}

test('ASL → IR → ASL (no TypeScript) gives back every corpus definition exactly', () => {
  const failures: string[] = [];
  for (const { name, document } of documents) {
    try {
      const node = readWorkflow(document, 'Imported');
      const { definition } = compile({ toNode: () => node }, { validate: false });
      if (aslText(definition) !== aslText(document)) failures.push(name);
    } catch (error) {
      failures.push(`${name}: ${String(error)}`);
    }
  }
  report('ASL → IR → ASL', failures);
  expect(failures).toEqual([]);
});

const dir = generatedDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('ASL → IR → TypeScript → build gives back every corpus definition exactly, and the code type-checks', {
  timeout: 180_000,
}, async () => {
  const failures: string[] = [];
  for (const [i, { name, document }] of documents.entries()) {
    try {
      const out = path.join(dir, `w${i}.ts`);
      writeFileSync(out, generateWorkflowSource(document, { name: 'Imported' }));
      const module = await loadModule(out);
      // The round trip is about bytes; which of these AWS accepts is the validator corpus test's question.
      const { definition } = compile(module.imported as never, { validate: false });
      if (aslText(definition) !== aslText(document)) failures.push(name);
    } catch (error) {
      failures.push(`${name}: ${String(error)}`);
    }
  }
  report('ASL → IR → TypeScript → ASL', failures);
  const started = performance.now();
  let typeErrors = '';
  try {
    execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' });
  } catch (error) {
    typeErrors = String((error as { stdout?: string }).stdout ?? error);
  }
  const withErrors = [...new Set([...typeErrors.matchAll(/\bw(\d+)\.ts\(/g)].map((m) => Number(m[1])))];
  console.info(
    `type check of ${files.length} generated files: ${withErrors.length} with errors, ${Math.round(performance.now() - started)} ms`,
  );
  expect(failures).toEqual([]);
  // Every file type-checks (186 failed before needs flowed backwards, 37 before unchecked edges): where the types
  // cannot follow the definition, or the definition is wrong on AWS, the generated code says so on a later() edge.
  expect(typeErrors, withErrors.map((i) => files[i]?.name).join('\n')).toBe('');
});
