import { parseReferencePath, type ReferencePath } from '@stepcraft/asl';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A reference path in AWS's canonical spelling, the one core prints: `$.a['b c'][0]`, `$$.Execution.Id`. */
export function canonicalPath(path: ReferencePath): string {
  const root =
    path.root.kind === 'context' ? '$$' : path.root.kind === 'variable' ? `$${path.root.name}` : '$';
  let text = root;
  for (const s of path.segments) {
    if (s.kind === 'index') text += `[${s.index}]`;
    else
      text += IDENTIFIER.test(s.name)
        ? `.${s.name}`
        : `['${s.name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
  }
  return text;
}

/** Which roots a path may start from where it is read: the state's data (`$`) or also the Context Object (`$$`). */
export type Roots = 'data' | 'data-or-context';

/**
 * A reference path read from `text`, or `undefined`: not a reference path (a JSONPath query), or rooted where the
 * IR cannot take it (variables: their assignments stay raw ASL, so the IR reads none).
 */
export function readPath(text: string, roots: Roots): ReferencePath | undefined {
  const parsed = parseReferencePath(text);
  if (!parsed.ok) return undefined;
  const kind = parsed.value.root.kind;
  return kind === 'input' || (kind === 'context' && roots === 'data-or-context') ? parsed.value : undefined;
}
