import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { AslDocument } from '@stepcraft/asl';
import type { ExecutionView } from '../history/view.js';
import { coverageItems, coveredIds } from './model.js';

/** Set by the coverage reporter: the directory where test workers append what their runs covered. */
export const COVERAGE_DIR_ENV = 'STEPCRAFT_COVERAGE_DIR';

/** One line of a worker's coverage file. */
export type CoverageRecord =
  | {
      readonly type: 'workflow';
      readonly id: string;
      readonly name: string;
      readonly items: readonly {
        readonly id: string;
        readonly kind: string;
        readonly state: string;
        readonly label: string;
      }[];
    }
  | {
      readonly type: 'run';
      readonly id: string;
      readonly file?: string;
      readonly covered: readonly string[];
    };

let currentTestFile: () => string | undefined = () => undefined;

/** Tells coverage which test file is running (the vitest entry sets it from `expect.getState()`). */
export function setTestFileSource(source: () => string | undefined): void {
  currentTestFile = source;
}

const definitionIds = new WeakMap<AslDocument, string>();
const written = new Set<string>();

/**
 * Appends what a run covered to this worker's coverage file, when a coverage reporter asked for it (through
 * `STEPCRAFT_COVERAGE_DIR`); the definition's items are written once per worker.
 */
export function recordCoverage(name: string, definition: AslDocument, view: ExecutionView): void {
  const dir = process.env[COVERAGE_DIR_ENV];
  if (dir === undefined || dir === '') return;
  let id = definitionIds.get(definition);
  if (id === undefined) {
    id = createHash('sha256')
      .update(name)
      .update('\0')
      .update(JSON.stringify(definition))
      .digest('hex')
      .slice(0, 16);
    definitionIds.set(definition, id);
  }
  const lines: CoverageRecord[] = [];
  // Once per worker and reporter run (watch mode starts a new directory each run).
  const key = `${dir}\0${id}`;
  if (!written.has(key)) {
    written.add(key);
    lines.push({ type: 'workflow', id, name, items: coverageItems(definition) });
  }
  const file = currentTestFile();
  lines.push({
    type: 'run',
    id,
    ...(file === undefined ? {} : { file }),
    covered: [...coveredIds(definition, view)],
  });
  mkdirSync(dir, { recursive: true });
  appendFileSync(
    path.join(dir, `${process.pid}-${threadId}.jsonl`),
    lines.map((line) => `${JSON.stringify(line)}\n`).join(''),
  );
}
