/** Shallow-freezes a freshly built node; nodes are created only through `createXNode` functions (kysely). */
export function freeze<T extends object>(node: T): Readonly<T> {
  return Object.freeze(node);
}
