/** Shallow-freezes a freshly built node; nodes are created only through `createXNode` functions (kysely). */
export function freeze<T extends object>(node: T): Readonly<T> {
  return Object.freeze(node);
}

/**
 * A frozen list of `items`: the list itself when it is frozen already (it can no longer change, so sharing it is
 * safe and saves a copy per node), else a frozen copy, so later edits of the caller's array cannot leak in.
 */
export function frozen<T>(items: readonly T[]): readonly T[] {
  return Object.isFrozen(items) ? items : Object.freeze([...items]);
}
