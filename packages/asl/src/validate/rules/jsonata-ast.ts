import { isObject, own } from '../../json-shape.js';

/** The names read as `$states.<name>` anywhere in a JSONata AST. */
export function statesFields(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) statesFields(item, found);
  } else if (isObject(node)) {
    const steps = own(node, 'steps');
    if (own(node, 'type') === 'path' && Array.isArray(steps)) {
      const [first, second] = steps as unknown[];
      if (isStatesVariable(first) && isObject(second) && second.type === 'name')
        found.add(String(second.value));
    }
    for (const value of Object.values(node)) statesFields(value, found);
  }
  return found;
}

function isStatesVariable(node: unknown): boolean {
  return isObject(node) && node.type === 'variable' && node.value === 'states';
}

/**
 * The first reference to the implicit input document at the top level of an expression (`$`, `$$`, a bare field
 * name or a wildcard), which Step Functions forbids: state data is reached through `$states` or variables. Nested
 * contexts (later path steps, predicates, lambdas) may use them.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function topLevelInputReference(node: unknown): string | undefined {
  if (!isObject(node)) return undefined;
  switch (node.type) {
    case 'variable':
      return node.value === '' ? '$' : node.value === '$' ? '$$' : undefined;
    case 'name':
      return `the field name "${String(node.value)}"`;
    case 'wildcard':
    case 'descendant':
      return String(node.value);
    case 'path':
      return firstOf(Array.isArray(node.steps) ? [node.steps[0]] : []);
    case 'binary':
    case 'apply':
      return firstOf([node.lhs, node.rhs]);
    case 'bind':
      return topLevelInputReference(node.rhs);
    case 'condition':
      return firstOf([node.condition, node.then, node.else]);
    case 'block':
    case 'function':
    case 'partial':
      return firstOf(listOf(node.type === 'block' ? node.expressions : node.arguments));
    case 'unary':
      return node.value === '{'
        ? firstOf(listOf(node.lhs).flatMap(listOf))
        : firstOf([node.expression, ...listOf(node.expressions)]);
    default:
      return undefined;
  }
}

function firstOf(nodes: readonly unknown[]): string | undefined {
  for (const node of nodes) {
    const found = topLevelInputReference(node);
    if (found !== undefined) return found;
  }
  return undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Whether a JSONata AST calls `$name(…)` anywhere. Iterative: an AST nests as deep as its text. */
export function callsFunction(ast: unknown, name: string): boolean {
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (isObject(node)) {
      const procedure = own(node, 'procedure');
      if (own(node, 'type') === 'function' && isObject(procedure) && procedure.value === name) return true;
      stack.push(...Object.values(node));
    }
  }
  return false;
}
