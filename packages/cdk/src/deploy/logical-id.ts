/**
 * A CloudFormation logical ID (or parameter name) for `name`: its letters and digits, each word capitalized
 * (`receive-order` → `ReceiveOrder`), since logical IDs allow nothing else.
 */
export function logicalId(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const id = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return id === '' ? 'Resource' : /^[0-9]/.test(id) ? `R${id}` : id;
}

/** Logical IDs for `names`, distinct from each other and from `taken` (a digit appended on collision). */
export function logicalIds(
  names: readonly string[],
  taken: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const used = new Set(taken);
  const ids = new Map<string, string>();
  for (const name of names) {
    const base = logicalId(name);
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}${i}`;
    used.add(id);
    ids.set(name, id);
  }
  return ids;
}
