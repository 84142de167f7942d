import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath, writeOutputFile } from '../files.js';
import { scaffold } from '../init/templates.js';
import { type ExitCode, formatJson, type Io } from '../output.js';
import { version } from '../version.js';

/** Options of `stepcraft init`. */
export interface InitOptions {
  /** Where to create the project (created if missing). */
  readonly directory: string;
  /** Overwrite files that already exist. */
  readonly force?: boolean;
  /** Print `{"directory", "files"}` as JSON. */
  readonly json?: boolean;
}

/**
 * `stepcraft init [DIR]`: scaffolds a project — a workflow with its handlers and a test, tsconfig.json, and a
 * package.json whose scripts build, run and test it — that passes its own test after `npm install`. Existing files
 * are never overwritten without `--force`.
 */
export async function initCommand(options: InitOptions, io: Io): Promise<ExitCode> {
  const directory = path.resolve(io.cwd, options.directory);
  const files = scaffold({ packageName: packageName(path.basename(directory)), version: version() });
  const existing = files
    .filter((file) => existsSync(path.join(directory, file.path)))
    .map((file) => file.path);
  if (existing.length > 0 && options.force !== true) {
    throw new UsageError(
      `${displayPath(io.cwd, directory)} already has ${existing.join(', ')}; pick an empty directory or pass --force to overwrite`,
    );
  }
  for (const file of files) await writeOutputFile(io.cwd, path.join(directory, file.path), file.text, 'init');
  const shown = displayPath(io.cwd, directory) || '.';
  if (options.json === true) {
    io.stdout(formatJson({ directory: shown, files: files.map((file) => file.path) }));
    return 0;
  }
  const enter = shown === '.' ? '' : `cd ${shown} && `;
  const next: readonly (readonly [string, string])[] = [
    [`${enter}npm install && npm test`, "install, type-check, run the workflow's tests"],
    ['npm run build', 'write dist/asl/ProcessOrder.asl.json'],
    ['npm start', 'run it locally on input.json'],
  ];
  const width = Math.max(...next.map(([command]) => command.length));
  io.stdout(
    [
      ...files.map((file) => `created ${path.join(shown, file.path)}`),
      '',
      'Next:',
      ...next.map(([command, why]) => `  ${command.padEnd(width)}   # ${why}`),
    ].join('\n'),
  );
  return 0;
}

/** An npm package name made from a directory name (lower case; other characters become dashes). */
function packageName(directoryName: string): string {
  const name = directoryName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name === '' ? 'stepcraft-workflows' : name.slice(0, 214);
}
