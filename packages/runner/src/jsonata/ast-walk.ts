/** A node of jsonata's AST, as far as the preparation steps read it. */
export interface AstNode {
  type?: unknown;
  value?: unknown;
  [key: string]: unknown;
}

/**
 * Calls `visit` on every node of a parsed expression, parents before children, each once; children are read after
 * `visit`, so it may replace them. Iterative: an AST nests as deep as its expression text.
 */
export function forEachNode(ast: unknown, visit: (node: AstNode) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    visit(node as AstNode);
    for (const child of Object.values(node)) if (typeof child === 'object') stack.push(child);
  }
}
