import path from 'node:path';
import { type Node as MorphNode, Node, Project, SyntaxKind } from 'ts-morph';
import { expect, test } from 'vitest';

const CORE = path.resolve(import.meta.dirname, '../../packages/core');

/**
 * The named declarations reachable from an entry point's exports through type references. IR nodes and the
 * compiler are not entered: they are reached only through `WorkflowNode` and `CompiledWorkflow`, never as the type
 * arguments of a state, so a user's declaration file never has to name them.
 */
function reachableDeclarations(entry: string): { exported: Set<MorphNode>; reached: Set<MorphNode> } {
  const project = new Project({
    tsConfigFilePath: path.join(CORE, 'tsconfig.json'),
    skipAddingFilesFromTsConfig: true,
  });
  const index = project.addSourceFileAtPath(entry);
  project.resolveSourceFileDependencies();
  const exported = new Set<MorphNode>([...index.getExportedDeclarations().values()].flat());
  const reached = new Set<MorphNode>();
  const queue = [...exported];
  for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
    const file = node.getSourceFile().getFilePath();
    if (reached.has(node) || !file.startsWith(`${CORE}/src/`) || /\/src\/(ir\/.*-node|compile\/)/.test(file))
      continue;
    reached.add(node);
    const names = [
      ...node.getDescendantsOfKind(SyntaxKind.TypeReference).map((r) => r.getTypeName()),
      ...node.getDescendantsOfKind(SyntaxKind.ExpressionWithTypeArguments).map((e) => e.getExpression()),
      ...node.getDescendantsOfKind(SyntaxKind.TypeQuery).map((q) => q.getExprName()),
    ];
    for (const name of names) {
      const symbol = name.getSymbol();
      const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
      queue.push(...(target?.getDeclarations() ?? []));
    }
  }
  return { exported, reached };
}

/** An alias that names itself cannot be written out in full, so a declaration file must refer to it by name. */
function isRecursiveAlias(node: MorphNode): boolean {
  if (!Node.isTypeAliasDeclaration(node)) return false;
  const name = node.getName();
  return node
    .getDescendantsOfKind(SyntaxKind.TypeReference)
    .some((reference) => reference.getTypeName().getText() === name);
}

// With `declaration: true`, a user's `export const pay = task(…)` must name every interface in the state's type:
// one that core's entry point does not export fails with TS2883/TS2742 ("cannot be named without a reference to …").
test("every interface (and recursive alias) reachable from a state's type is exported by @stepcraft/core", () => {
  const { exported, reached } = reachableDeclarations(path.join(CORE, 'src/index.ts'));
  const unnamed = [...reached]
    .filter((node) => !exported.has(node))
    .filter(
      (node) => Node.isInterfaceDeclaration(node) || Node.isClassDeclaration(node) || isRecursiveAlias(node),
    )
    .filter((node) => Node.isExportable(node) && node.isExported())
    .map(
      (node) => `${path.relative(CORE, node.getSourceFile().getFilePath())}: ${node.getSymbol()?.getName()}`,
    )
    .sort();
  expect(unnamed).toEqual([]);
}, 60_000);
