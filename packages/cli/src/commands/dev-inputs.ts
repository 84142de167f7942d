import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { JsonValue } from '@stepcraft/asl';
import type { DevProblem } from '@stepcraft/viewer';
import { UsageError } from '../errors.js';
import { describeJsonError, parseJson } from '../json-text.js';

/** Where the inputs come from. */
export type InputSource =
  | { readonly kind: 'inline'; readonly text: string }
  | { readonly kind: 'file'; readonly file: string; readonly folder: string }
  | { readonly kind: 'folder'; readonly folder: string }
  | { readonly kind: 'none'; readonly folder: string };

/** Where `--input` (or its default) points: inline JSON, one file, a folder of `*.json` files, or nothing. */
export async function inputSource(
  cwd: string,
  workflowFile: string,
  input: string | undefined,
): Promise<InputSource> {
  if (input === undefined) {
    const beside = path.join(path.dirname(workflowFile), 'input.json');
    const found = await stat(beside).catch(() => undefined);
    return found?.isFile() === true
      ? { kind: 'file', file: beside, folder: path.dirname(beside) }
      : { kind: 'none', folder: path.dirname(workflowFile) };
  }
  if (!input.startsWith('@')) return { kind: 'inline', text: input };
  const target = path.resolve(cwd, input.slice(1));
  const found = await stat(target).catch(() => undefined);
  if (found === undefined) throw new UsageError(`--input ${input}: no such file or folder`);
  return found.isDirectory()
    ? { kind: 'folder', folder: target }
    : { kind: 'file', file: target, folder: path.dirname(target) };
}

/** The inputs as labelled JSON values, read anew for every build; unreadable ones are problems. */
export async function readFixtures(
  source: InputSource,
): Promise<{ list: { label: string; input: JsonValue }[]; problems: DevProblem[] }> {
  const problems: DevProblem[] = [];
  const parse = (label: string, text: string) => {
    const parsed = parseJson(text);
    if (parsed.ok) return [{ label, input: parsed.value }];
    problems.push({ kind: 'input', message: `${label}: ${describeJsonError(parsed)}` });
    return [];
  };
  if (source.kind === 'none') return { list: [{ label: 'empty input', input: {} }], problems };
  if (source.kind === 'inline') return { list: parse('input', source.text), problems };
  const files =
    source.kind === 'file'
      ? [source.file]
      : (await readdir(source.folder))
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => path.join(source.folder, name));
  const list = [];
  for (const file of files) list.push(...parse(path.basename(file), await readFile(file, 'utf8')));
  if (files.length === 0)
    problems.push({
      kind: 'input',
      message: `no *.json input in ${source.kind === 'folder' ? source.folder : ''}`,
    });
  return { list, problems };
}
