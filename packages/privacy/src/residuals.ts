// The people who sit directly in a unit that also has child units (a division head,
// the CEO and their assistant) form a "(direct)" group that is almost always tiny.
// Left in the model, that group is hidden as below k and the only way to protect it
// is to hide its parent's total or a whole sibling division — the organisation-wide
// figure disappears to protect two people. Counting such a group in no published
// cell at all protects it completely and costs nothing else: nobody can difference
// what was never added. Teams (units without children) are not residuals and keep
// the ordinary suppression: a 4-person team is still part of its department's total.
import type { HeadcountRow, ReleaseInput, ResponseRow } from './model.js';

export interface ExcludedResidual {
  /** The unit whose direct members were left out. */
  unitId: string;
  /** The round (or period) the exclusion applies to. */
  block: string;
  eligible: number;
}

export interface ResidualExclusion {
  input: ReleaseInput;
  excluded: ExcludedResidual[];
}

/**
 * Removes, per block, the direct members of every unit that has child units when fewer
 * than k of them were eligible. Pure: returns a new input and what it left out.
 */
export function excludeSmallResidualGroups(input: ReleaseInput, k: number): ResidualExclusion {
  const parents = new Set(input.units.flatMap((u) => (u.parentId === null ? [] : [u.parentId])));
  const defaultBlock = input.blocks?.[0] ?? input.releaseId ?? 'release';
  const blockOf = (row: HeadcountRow | ResponseRow) => row.block ?? defaultBlock;
  const groupKey = (row: HeadcountRow | ResponseRow) => `${blockOf(row)}\u0000${row.unitId}`;

  const eligible = new Map<string, number>();
  for (const row of input.headcounts) {
    if (!parents.has(row.unitId)) continue;
    eligible.set(groupKey(row), (eligible.get(groupKey(row)) ?? 0) + row.eligible);
  }
  const dropped = new Set([...eligible].filter(([, h]) => h > 0 && h < k).map(([key]) => key));
  if (dropped.size === 0) return { input, excluded: [] };

  const excluded = [...dropped].sort().map((key) => {
    const [block, unitId] = key.split('\u0000') as [string, string];
    return { unitId, block, eligible: eligible.get(key)! };
  });
  return {
    input: {
      ...input,
      headcounts: input.headcounts.filter((row) => !dropped.has(groupKey(row))),
      responses: input.responses.filter((row) => !dropped.has(groupKey(row))),
    },
    excluded,
  };
}
