import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JsonObject } from '@stepcraft/asl';
import { main } from '../../packages/cli/src/main.js';

/*
 * Long and deep definitions for `stepcraft import`, built here so the tests and the isolated child (harness.ts)
 * read the same ones; the `import…` exports run the CLI as a user would and return what it printed.
 */

/** `n` Lambda Tasks in a chain, each reading what the one before wrote (so needs flow back through all of them). */
export function taskChain(n: number): JsonObject {
  const states: JsonObject = {};
  for (let i = 0; i < n; i++) {
    states[`Step ${i}`] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'step', 'Payload.$': i === 0 ? '$.order' : `$.r${i - 1}.Payload` },
      ResultPath: `$.r${i}`,
      ...(i === n - 1 ? { End: true } : { Next: `Step ${i + 1}` }),
    };
  }
  return { StartAt: 'Step 0', States: states };
}

/** `n` Pass states in a chain, the last looping back to the first through a Choice. */
export function passLoop(n: number): JsonObject {
  const states: JsonObject = {};
  for (let i = 0; i < n; i++) states[`S${i}`] = { Type: 'Pass', Next: i === n - 1 ? 'Again?' : `S${i + 1}` };
  states['Again?'] = {
    Type: 'Choice',
    Choices: [{ Variable: '$.again', BooleanEquals: true, Next: 'S0' }],
    Default: 'Done',
  };
  states.Done = { Type: 'Succeed' };
  return { StartAt: 'S0', States: states };
}

/** Parallel states nested `levels` deep, a Pass at the bottom. */
export function nestedParallels(levels: number): JsonObject {
  let machine: JsonObject = {
    StartAt: 'Leaf',
    States: { Leaf: { Type: 'Pass', Result: { deep: true }, End: true } },
  };
  for (let i = 0; i < levels; i++) {
    machine = {
      StartAt: `P${i}`,
      States: { [`P${i}`]: { Type: 'Parallel', Branches: [machine], End: true } },
    };
  }
  return machine;
}

/** The text of a Pass whose Result nests `levels` objects deep (200 KB at 100,000: JSON.parse takes it). */
export function deepResultText(levels: number): string {
  return `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)},"End":true}}}`;
}

/** `stepcraft import FILE` on `text`, in-process: its exit code, output size and error text. */
export async function importText(text: string): Promise<{ code: number; lines: number; stderr: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stepcraft-import-hostile-'));
  try {
    const file = path.join(dir, 'definition.asl.json');
    writeFileSync(file, text);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['import', file], {
      cwd: dir,
      stdout: (line) => out.push(line),
      stderr: (line) => err.push(line),
    });
    return { code, lines: out.join('\n').split('\n').length, stderr: err.join('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A 10,000-state loop through the CLI. */
export const importLongChain = () => importText(JSON.stringify(passLoop(10_000)));

/** A definition nested 100,000 levels deep through the CLI. */
export const importDeepResult = () => importText(deepResultText(100_000));
