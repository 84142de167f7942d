const OPENERS = '([{';
const CLOSERS = ')]}';

/**
 * Indents generated code (two spaces a level): a line inside brackets goes one level deeper than the line that
 * opened the innermost of them, a line starting with closers at the level of the line that opened them, and a
 * line starting with `.` continues the statement's chain one level in. Strings (single-quoted, escaped) and `//`
 * comments are skipped. The printer's own layout, in one linear pass instead of a formatter over a parsed tree.
 */
export function indent(text: string): string {
  // The level of the line that opened each bracket still open.
  const open: number[] = [];
  let chain = 0;
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      out.push('');
      continue;
    }
    const startsWithCloser = CLOSERS.includes(line.charAt(0));
    if (open.length === 0) chain = line.startsWith('.') ? 1 : 0;
    const inner = open[open.length - 1];
    const level = inner === undefined ? chain : startsWithCloser ? inner : inner + 1;
    out.push(`${'  '.repeat(level)}${line}`);
    scan(line, (char) => {
      if (OPENERS.includes(char)) open.push(level);
      else if (CLOSERS.includes(char)) open.pop();
    });
  }
  return out.join('\n');
}

// Calls `visit` with each character of code outside strings and comments.
function scan(line: string, visit: (char: string) => void): void {
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (char === '/' && line.charAt(i + 1) === '/') return;
    if (char === "'") {
      for (i++; i < line.length && line.charAt(i) !== "'"; i++) if (line.charAt(i) === '\\') i++;
      continue;
    }
    visit(char);
  }
}
