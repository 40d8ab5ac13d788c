// Org-tree helpers. Order is structural only: parents before children, siblings
// by name. No list in Pulsewise is ever ordered by a score or a metric.
export interface TreeNode {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
}

export function orderTree<T extends TreeNode>(units: T[]): (T & { depth: number })[] {
  const children = new Map<string | null, T[]>();
  for (const u of units) {
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
  const ordered: (T & { depth: number })[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const u of children.get(parentId) ?? []) {
      ordered.push({ ...u, depth });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

export function subtreeIds(units: { id: string; parentId: string | null }[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const ids = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}
