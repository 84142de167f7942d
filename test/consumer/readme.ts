import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A fenced block of the README: its language, its text, and the `## ` section it sits in. */
export interface ReadmeBlock {
  readonly language: string;
  readonly text: string;
  readonly section: string;
}

/** The section of the README that a new user follows in an empty folder (checked by the consumer test). */
export const ADOPTER_SECTION = 'Use it in your project';

/** The README's fenced code blocks, in order. */
export function readmeBlocks(readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  let section = '';
  let open: { language: string; lines: string[] } | undefined;
  for (const line of readme.split('\n')) {
    if (open !== undefined) {
      if (line.startsWith('```')) {
        blocks.push({ language: open.language, text: open.lines.join('\n'), section });
        open = undefined;
      } else {
        open.lines.push(line);
      }
    } else if (line.startsWith('```')) {
      open = { language: line.slice(3).trim(), lines: [] };
    } else if (line.startsWith('## ')) {
      section = line.slice(3).trim();
    }
  }
  return blocks;
}

/** The commands of a shell block: its lines without comments, blank lines and `# output` lines. */
export function commandsOf(block: ReadmeBlock): string[] {
  return block.text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** A block that is a file to create: its first line is `// <path>`. */
export function fileOf(block: ReadmeBlock): { path: string; text: string } | undefined {
  const [first = '', ...rest] = block.text.split('\n');
  const match = /^\/\/ ([\w./-]+)$/.exec(first.trim());
  return match?.[1] === undefined ? undefined : { path: match[1], text: `${rest.join('\n')}\n` };
}

/** Whether a block is shell commands. */
export function isShell(block: ReadmeBlock): boolean {
  return ['sh', 'bash', 'shell'].includes(block.language);
}
