import type { AstNode } from './ast-walk.js';

/*
 * The budget hooks (budget.ts) cost every evaluated node two awaits in jsonata, whatever the expression. Most
 * expressions cannot need them: one that only reads paths, filters by conditions on each item, compares, computes
 * and calls functions that build at most what they are given evaluates in time and memory bounded by its own size
 * times its input's, and nests no deeper than its text. Only what can loop, multiply or amplify needs the budget:
 * ranges (`[1..n]`), function definitions (recursion), variable binding (`$a := $a & $a`, doubling), focus and
 * index binding (cross products), parent and descendant steps, transforms, sorting and grouping terms, functions
 * that build more than they read (`$pad`, `$replace`, `$range`, `$string(…, true)`, a computed `$join` separator),
 * higher-order functions, and a whole value read once for each item of another (`$x[$y…]`, `$x.($x)`).
 * Anything not known to be linear keeps the hooks: the check only ever removes them.
 */

/** Node types whose evaluation builds no more than its children's values. */
const LINEAR_TYPES: ReadonlySet<unknown> = new Set([
  'path',
  'name',
  'string',
  'number',
  'value',
  'wildcard',
  'variable',
  'regex',
  'binary',
  'unary',
  'condition',
  'block',
  'function',
  'filter',
]);

/** The fields holding sub-expressions (besides `steps`, `procedure` and `arguments`, handled apart). */
const CHILD_FIELDS = [
  'stages',
  'expr',
  'expression',
  'expressions',
  'lhs',
  'rhs',
  'condition',
  'then',
  'else',
];

/** Node fields the walk understands; a node with any other field (focus, index, group, …) is not linear. */
const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  ...CHILD_FIELDS,
  'type',
  'value',
  'position',
  'steps',
  'procedure',
  'arguments',
  'keepArray',
  'consarray',
  'keepSingletonArray',
  // A call's function name, for messages.
  'name',
]);

/** Built-in functions whose result is at most linear in their arguments (and that call no function given). */
const LINEAR_FUNCTIONS: ReadonlySet<unknown> = new Set([
  'sum',
  'count',
  'max',
  'min',
  'average',
  'substring',
  'substringBefore',
  'substringAfter',
  'lowercase',
  'uppercase',
  'length',
  'trim',
  'match',
  'contains',
  'split',
  'number',
  'floor',
  'ceil',
  'round',
  'abs',
  'sqrt',
  'power',
  'boolean',
  'not',
  'exists',
  'type',
  'keys',
  'lookup',
  'append',
  'merge',
  'spread',
  'reverse',
  'distinct',
  'base64encode',
  'base64decode',
  'encodeUrlComponent',
  'encodeUrl',
  'decodeUrlComponent',
  'decodeUrl',
  'toMillis',
  'millis',
  'error',
  'assert',
  // AWS's additions (functions.ts).
  'partition',
  'hash',
  'parse',
  'uuid',
  'random',
]);

/** Expressions nested deeper than this keep the hooks, which enforce AWS's depth of 100 evaluations. */
const MAX_LINEAR_DEPTH = 50;
/**
 * Expressions with more nodes keep the hooks: a linear expression still takes (nodes × items) steps, and with at
 * most this many nodes over the largest sequence the quotas allow (256 KiB, ~128k items) that stays within ~8M
 * steps — seconds at worst, where the budget's step limit would end it sooner.
 */
const MAX_LINEAR_NODES = 64;

interface Visit {
  readonly node: unknown;
  readonly depth: number;
  /** Evaluated once for each item of a sequence (a later path step, a filter): a whole variable here multiplies. */
  readonly perItem: boolean;
}

/** Whether a parsed (unprepared) expression is linear as described above, so it can run without the budget hooks. */
export function isLinear(ast: unknown): boolean {
  const stack: Visit[] = [{ node: ast, depth: 0, perItem: false }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth, perItem } = stack.pop() as Visit;
    if (Array.isArray(node)) {
      for (const item of node) stack.push({ node: item, depth, perItem });
      continue;
    }
    if (typeof node !== 'object' || node === null) return false;
    const n = node as AstNode;
    if (
      ++nodes > MAX_LINEAR_NODES ||
      depth > MAX_LINEAR_DEPTH ||
      !LINEAR_TYPES.has(n.type) ||
      !hasKnownFields(n)
    )
      return false;
    if (n.type === 'binary' && n.value === '..') return false;
    // Inside an item's evaluation only the item itself (`$`) may be read as a variable.
    if (n.type === 'variable' && perItem && n.value !== '') return false;
    const below = depth + 1;
    if (n.type === 'function') {
      if (!isLinearCall(n)) return false;
      stack.push({ node: n.arguments, depth: below, perItem });
      continue;
    }
    if (n.type === 'path' && Array.isArray(n.steps)) {
      n.steps.forEach((step, i) => {
        stack.push({ node: step, depth: below, perItem: perItem || i > 0 });
      });
      continue;
    }
    for (const field of CHILD_FIELDS) {
      const child = n[field];
      if (child === undefined || typeof child === 'boolean') continue;
      stack.push({ node: child, depth: below, perItem: perItem || field === 'stages' });
    }
  }
  return true;
}

function hasKnownFields(node: AstNode): boolean {
  for (const key of Object.keys(node)) if (!KNOWN_FIELDS.has(key)) return false;
  // Literal values are data; everything else must be a sub-expression the walk visits.
  return node.type === 'regex' || typeof node.value !== 'object' || node.value === null;
}

/**
 * A call of a built-in linear function by name; `$string` without prettifying (indentation grows with depth ×
 * size), and `$join` with a literal separator (a computed one is repeated once per item).
 */
function isLinearCall(node: AstNode): boolean {
  const procedure = node.procedure as AstNode | undefined;
  const args = node.arguments;
  if (procedure?.type !== 'variable' || !Array.isArray(args) || !hasKnownFields(procedure)) return false;
  const name = procedure.value;
  if (name === 'string') return args.length <= 1;
  if (name === 'join') return args.slice(1).every((arg: AstNode) => arg?.type === 'string');
  return LINEAR_FUNCTIONS.has(name);
}
