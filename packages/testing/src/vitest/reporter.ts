import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Reporter, Vitest } from 'vitest/node';
import { COVERAGE_DIR_ENV } from '../coverage/record.js';
import {
  type CoverageThreshold,
  coverageJson,
  formatCoverage,
  mergeRecords,
  readRecords,
  thresholdFailures,
} from '../coverage/report.js';

/** Options of the Stepcraft coverage reporter. */
export interface StepcraftCoverageOptions {
  /** Where to write the JSON report, relative to the vitest root (default `coverage/stepcraft.json`). */
  readonly outputFile?: string;
  /**
   * Test files whose runs count, as globs relative to the root (`examples/**`); default: every test file. Runs
   * outside a test file's tests (no file known) count only when this is not set.
   */
  readonly include?: readonly string[];
  /** Fail the test run when a workflow's coverage is below these percentages. */
  readonly threshold?: CoverageThreshold;
  /** Print the table (default true). */
  readonly print?: boolean;
}

/** `**` any path, `*` any name part, everything else literal. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (ch === '*') source += '[^/]*';
    else source += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * A vitest reporter that prints, after the run, which states, transitions, Choice rules, retriers and catchers of
 * each workflow the tests exercised (runs made with `@stepcraft/testing`'s `run()`/`start()`), writes
 * `coverage/stepcraft.json`, and fails the run below a threshold.
 * @example
 * // vitest.config.ts
 * reporters: ['default', ['@stepcraft/testing/vitest/reporter', { include: ['examples/**'], threshold: { states: 90 } }]]
 */
export default class StepcraftCoverageReporter implements Reporter {
  readonly #options: StepcraftCoverageOptions;
  #root = process.cwd();
  #dir: string | undefined;
  #vitest: Vitest | undefined;

  constructor(options: StepcraftCoverageOptions = {}) {
    this.#options = options;
  }

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
    this.#root = vitest.config.root;
    // Set before the workers start, so every worker records into the same place.
    this.#dir = mkdtempSync(path.join(tmpdir(), 'stepcraft-coverage-'));
    process.env[COVERAGE_DIR_ENV] = this.#dir;
  }

  onTestRunStart(): void {
    // Watch mode: each run starts from nothing.
    if (this.#dir === undefined) return;
    rmSync(this.#dir, { recursive: true, force: true });
    mkdirSync(this.#dir, { recursive: true });
  }

  onTestRunEnd(): void {
    if (this.#dir === undefined) return;
    const patterns = this.#options.include?.map(globToRegExp);
    const include =
      patterns === undefined
        ? undefined
        : (file: string | undefined) =>
            file !== undefined &&
            patterns.some((p) => p.test(path.relative(this.#root, file).split(path.sep).join('/')));
    const workflows = mergeRecords(readRecords(this.#dir), include);
    rmSync(this.#dir, { recursive: true, force: true });
    if (workflows.length === 0) return;
    const log = (text: string): void =>
      this.#vitest === undefined ? console.log(text) : this.#vitest.logger.log(text);
    if (this.#options.print !== false) log(`\n${formatCoverage(workflows)}\n`);
    const output = path.resolve(this.#root, this.#options.outputFile ?? 'coverage/stepcraft.json');
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, `${JSON.stringify(coverageJson(workflows), null, 2)}\n`);
    const threshold = this.#options.threshold;
    if (threshold === undefined) return;
    const failures = thresholdFailures(workflows, threshold);
    if (failures.length === 0) return;
    const message = `Stepcraft coverage below threshold:\n${failures.map((f) => `  ${f}`).join('\n')}`;
    if (this.#vitest === undefined) console.error(message);
    else this.#vitest.logger.error(message);
    process.exitCode = 1;
  }
}
