// Which org groups may show free-text comments.
//
// A comment can identify its author far more easily than a score, so the bar is
// higher: at least max(k, 10) respondents, and never cut by demographics (only
// whole nodes of the tree: a unit's subtree, or a unit's direct members).
// Comments are the same text wherever they are shown, so showing a group AND
// some of its subgroups lets a reader diff the two lists: the comments that are
// in the group but in none of its shown subgroups come from the rest. That rest
// must itself be empty or hold at least max(k, 10) respondents; when it is
// smaller, we stop showing the smallest shown subgroup and look again.

import { compareStrings } from './keys.js';
import { ALL } from './keys.js';
import type { CellModel } from './model.js';
import { assertValidK } from './protect.js';

export interface CommentGroup {
  nodeKey: string;
  unitId: string;
  direct: boolean;
  /** Respondents in the group. */
  n: number;
  allowed: boolean;
}

export function commentThreshold(k: number): number {
  return Math.max(k, 10);
}

/** Decides, for every node of the tree, whether its comments may be shown. Deterministic. */
export function commentGroupsAllowed(model: CellModel, k: number): CommentGroup[] {
  assertValidK(k);
  const threshold = commentThreshold(k);
  const n = new Map<string, number>();
  for (const c of model.cells) if (model.dimensions.every((d) => c.dims[d] === ALL)) n.set(c.nodeKey, c.n);
  const nodes = [...model.nodes].sort((a, b) => a.depth - b.depth || compareStrings(a.key, b.key));
  const byKey = new Map(nodes.map((x) => [x.key, x]));
  const allowed = new Set(nodes.filter((x) => (n.get(x.key) ?? 0) >= threshold).map((x) => x.key));

  // Shown groups directly below `key` (no shown group in between).
  const maximalBelow = (key: string): string[] => {
    const out: string[] = [];
    const walk = (k2: string): void => {
      for (const child of byKey.get(k2)!.childKeys) {
        if (allowed.has(child)) out.push(child);
        else walk(child);
      }
    };
    walk(key);
    return out;
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const node of nodes) {
      if (!allowed.has(node.key)) continue;
      const below = maximalBelow(node.key);
      const rest = (n.get(node.key) ?? 0) - below.reduce((s, b) => s + (n.get(b) ?? 0), 0);
      if (rest > 0 && rest < threshold && below.length > 0) {
        const smallest = [...below].sort((a, b) => (n.get(a) ?? 0) - (n.get(b) ?? 0) || compareStrings(a, b))[0]!;
        allowed.delete(smallest);
        changed = true;
      }
    }
  }

  return [...model.nodes]
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((x) => ({ nodeKey: x.key, unitId: x.unitId, direct: x.direct, n: n.get(x.key) ?? 0, allowed: allowed.has(x.key) }));
}
