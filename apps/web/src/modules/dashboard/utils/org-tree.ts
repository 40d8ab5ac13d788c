/** A unit as `orgUnits` returns it: a flat list in org-tree order. */
export interface OrgUnitLike {
  id: string;
  name: string;
  path: string;
  depth: number;
  parentId?: string | null | undefined;
}

export interface OrgTreeNode<T extends OrgUnitLike> {
  unit: T;
  children: OrgTreeNode<T>[];
}

/**
 * Nests the flat list without changing its order (the API's tree order is the only order used
 * anywhere). Units whose parent is not in the list (a manager's subtree) become roots.
 */
export function buildOrgTree<T extends OrgUnitLike>(units: readonly T[]): OrgTreeNode<T>[] {
  const nodes = new Map<string, OrgTreeNode<T>>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: OrgTreeNode<T>[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The unit and its ancestors that are in the list, root first (for a breadcrumb). */
export function ancestorsOf<T extends OrgUnitLike>(units: readonly T[], id: string): T[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: T[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** Ids of units on the way to `id` — they start expanded in the tree. */
export function expandedFor<T extends OrgUnitLike>(units: readonly T[], id: string | null): Set<string> {
  if (!id) return new Set();
  return new Set(ancestorsOf(units, id).map((u) => u.id));
}

/** A person-readable name for a unit: its path, or the name for the root. */
export function unitLabel(unit: Pick<OrgUnitLike, 'name' | 'path'>): string {
  return unit.path === '' ? unit.name : unit.path.split('/').join(' / ');
}
