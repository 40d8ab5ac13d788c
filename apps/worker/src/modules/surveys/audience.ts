// Pure pieces of a round launch: who is in the audience, which questions a
// round asks, and each person's frozen cell (org unit + coarsened demographics).

export interface UnitNode {
  id: string;
  parentId: string | null;
}

/** Units in any included subtree and in no excluded subtree. */
export function audienceUnits(units: UnitNode[], included: string[], excluded: string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const collect = (roots: string[]) => {
    const out = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    return out;
  };
  const out = collect(included);
  for (const id of collect(excluded)) out.delete(id);
  return out;
}

/** Rotation: each round takes the next `perRound` keys, cycling through the programme's list. */
export function questionsForRound(keys: string[], perRound: number, sequence: number): string[] {
  if (keys.length <= perRound) return [...keys];
  const start = ((sequence - 1) * perRound) % keys.length;
  return Array.from({ length: perRound }, (_, i) => keys[(start + i) % keys.length]!);
}

export type TenureBand = 'LT1' | 'Y1_2' | 'Y2_5' | 'Y5_PLUS' | 'UNKNOWN';

export function tenureBand(startDate: Date | null, at: Date): TenureBand {
  if (!startDate) return 'UNKNOWN';
  const years = (at.getTime() - startDate.getTime()) / (365.25 * 24 * 3600 * 1000);
  if (years < 1) return 'LT1';
  if (years < 2) return 'Y1_2';
  if (years < 5) return 'Y2_5';
  return 'Y5_PLUS';
}

export interface CellInput {
  unitId: string;
  location: string;
  tenure: string;
}

/**
 * Coarsens demographics so that no stored value stands for fewer than k
 * eligible people of the unit: rare values become OTHER, and if OTHER itself is
 * still smaller than k the whole dimension becomes ALL for that unit. A
 * dimension the tenant does not allow is always ALL.
 */
export function coarsenCells(people: CellInput[], k: number, allowed: { location: boolean; tenure: boolean }): CellInput[] {
  const result = people.map((p) => ({ ...p }));
  const byUnit = new Map<string, number[]>();
  people.forEach((p, i) => byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), i]));
  for (const dimension of ['location', 'tenure'] as const) {
    for (const indexes of byUnit.values()) {
      if (!allowed[dimension]) {
        for (const i of indexes) result[i]![dimension] = 'ALL';
        continue;
      }
      const counts = new Map<string, number>();
      for (const i of indexes) counts.set(result[i]![dimension], (counts.get(result[i]![dimension]) ?? 0) + 1);
      for (const i of indexes) if ((counts.get(result[i]![dimension]) ?? 0) < k) result[i]![dimension] = 'OTHER';
      const other = indexes.filter((i) => result[i]![dimension] === 'OTHER').length;
      if (other > 0 && other < k) for (const i of indexes) result[i]![dimension] = 'ALL';
    }
  }
  return result;
}
