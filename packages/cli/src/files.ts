import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';
import { messageOf } from './output.js';

/** Checks that a file named on the command line exists; a missing file or a directory is a usage error. */
export async function assertFile(cwd: string, file: string): Promise<string> {
  const absolute = path.resolve(cwd, file);
  const info = await stat(absolute).catch(() => undefined);
  if (info === undefined) throw new UsageError(`file not found: ${file}`);
  if (!info.isFile()) throw new UsageError(`not a file: ${file}`);
  return absolute;
}

/** Reads a text file named on the command line (see `assertFile`). */
export async function readInputFile(cwd: string, file: string): Promise<string> {
  return readFile(await assertFile(cwd, file), 'utf8');
}

/** `absolute` as the user would type it from `cwd` (relative when inside it). */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

/** Writes a file named on the command line, creating its directory; failing to is a usage error naming `option`. */
export async function writeOutputFile(
  cwd: string,
  file: string,
  text: string,
  option: string,
): Promise<void> {
  const absolute = path.resolve(cwd, file);
  try {
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, text);
  } catch (error) {
    throw new UsageError(`${option}: cannot write ${file}: ${messageOf(error)}`);
  }
}
