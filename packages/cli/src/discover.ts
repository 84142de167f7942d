import { createRequire } from 'node:module';
import type * as Morph from 'ts-morph';
import type { Expression, SourceFile } from 'ts-morph';

/**
 * ts-morph, required rather than imported: it is CommonJS, and importing it from ESM makes Node scan its 1 MB bundle
 * for export names first — a tenth of what `build` spends before its type check is done.
 */
export const morph = createRequire(import.meta.url)('ts-morph') as typeof Morph;
const { Node } = morph;
type Node = Morph.Node;

/** A workflow found by reading the source: which file, under which export name, where. */
export interface DiscoveredWorkflow {
  readonly file: string;
  readonly exportName: string;
  readonly line: number;
}

const CORE = '@stepcraft/core';

/** How the file refers to core: local names of `workflow`, namespace imports, imported type names. */
interface CoreBindings {
  readonly builders: ReadonlySet<string>;
  readonly namespaces: ReadonlySet<string>;
  readonly types: ReadonlySet<string>;
}

/**
 * Finds exported workflows statically: exported variables (or `export default`) whose initializer is a
 * call chain starting at core's `workflow(...)`, or whose declared type is core's `Workflow`. Syntax only,
 * so it is fast on whole directories; the loader confirms each with `isWorkflow`.
 */
export function discoverWorkflows(sourceFile: SourceFile): DiscoveredWorkflow[] {
  const core = coreBindings(sourceFile);
  if (core.builders.size + core.namespaces.size + core.types.size === 0) return [];
  const file = sourceFile.getFilePath();
  const found = new Map<string, DiscoveredWorkflow>();
  const add = (exportName: string, node: Node) => {
    if (!found.has(exportName)) found.set(exportName, { file, exportName, line: node.getStartLineNumber() });
  };

  const workflowVariables = new Map<string, Node>();
  for (const statement of sourceFile.getVariableStatements()) {
    for (const declaration of statement.getDeclarations()) {
      const name = declaration.getNameNode();
      const typeNode = declaration.getTypeNode();
      const initializer = declaration.getInitializer();
      const isWorkflow =
        (typeNode !== undefined && isCoreWorkflowType(typeNode, core)) ||
        (initializer !== undefined && isWorkflowCall(initializer, core));
      if (!Node.isIdentifier(name) || !isWorkflow) continue;
      workflowVariables.set(name.getText(), declaration);
      if (statement.hasExportKeyword()) add(name.getText(), declaration);
    }
  }
  for (const declaration of sourceFile.getExportDeclarations()) {
    if (declaration.getModuleSpecifier() !== undefined || declaration.isTypeOnly()) continue;
    for (const specifier of declaration.getNamedExports()) {
      const local = workflowVariables.get(specifier.getName());
      if (local !== undefined) add(specifier.getAliasNode()?.getText() ?? specifier.getName(), specifier);
    }
  }
  for (const assignment of sourceFile.getExportAssignments()) {
    if (assignment.isExportEquals()) continue;
    const expression = assignment.getExpression();
    const isWorkflow = Node.isIdentifier(expression)
      ? workflowVariables.has(expression.getText())
      : isWorkflowCall(expression, core);
    if (isWorkflow) add('default', assignment);
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}

function coreBindings(sourceFile: SourceFile): CoreBindings {
  const builders = new Set<string>();
  const namespaces = new Set<string>();
  const types = new Set<string>();
  for (const declaration of sourceFile.getImportDeclarations()) {
    if (declaration.getModuleSpecifierValue() !== CORE) continue;
    const namespace = declaration.getNamespaceImport();
    if (namespace !== undefined) namespaces.add(namespace.getText());
    for (const specifier of declaration.getNamedImports()) {
      const local = specifier.getAliasNode()?.getText() ?? specifier.getName();
      if (specifier.getName() === 'workflow') builders.add(local);
      if (specifier.getName() === 'Workflow') types.add(local);
    }
  }
  return { builders, namespaces, types };
}

/** `workflow(...)`, `ns.workflow(...)`, and any method chain on them (`.start(a).next(b)`), through parens and `as`. */
function isWorkflowCall(expression: Expression, core: CoreBindings): boolean {
  let node: Node = expression;
  for (;;) {
    if (
      Node.isParenthesizedExpression(node) ||
      Node.isAsExpression(node) ||
      Node.isSatisfiesExpression(node)
    ) {
      node = node.getExpression();
    } else if (Node.isCallExpression(node)) {
      const callee = node.getExpression();
      if (Node.isIdentifier(callee)) return core.builders.has(callee.getText());
      if (isNamespaceMember(callee, core, 'workflow')) return true;
      node = callee;
    } else if (Node.isPropertyAccessExpression(node)) {
      node = node.getExpression();
    } else {
      return false;
    }
  }
}

/** A type annotation naming core's `Workflow` (`Workflow<…>` or `ns.Workflow<…>`). */
function isCoreWorkflowType(typeNode: Node, core: CoreBindings): boolean {
  if (!Node.isTypeReference(typeNode)) return false;
  const name = typeNode.getTypeName();
  return Node.isIdentifier(name) ? core.types.has(name.getText()) : isNamespaceMember(name, core, 'Workflow');
}

function isNamespaceMember(node: Node, core: CoreBindings, member: string): boolean {
  if (Node.isPropertyAccessExpression(node)) {
    const object = node.getExpression();
    return Node.isIdentifier(object) && core.namespaces.has(object.getText()) && node.getName() === member;
  }
  if (Node.isQualifiedName(node)) {
    const left = node.getLeft();
    return (
      Node.isIdentifier(left) && core.namespaces.has(left.getText()) && node.getRight().getText() === member
    );
  }
  return false;
}
