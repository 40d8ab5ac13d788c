// Turns the truth plus hiding decisions into a release. Hidden cells and values
// carry a reason and no figures at all — never a zero.

import type { HiddenReason, MeasureResult, Release, ReleaseCell } from './model.js';
import type { Plan } from './plan.js';
import { Reason } from './suppress.js';

function hiddenReason(code: number): HiddenReason {
  return code === Reason.BELOW_THRESHOLD ? 'BELOW_THRESHOLD' : 'COMPLEMENTARY';
}

export function assembleRelease(plan: Plan): Release {
  const { grid, k } = plan;
  const model = grid.model;
  let latent = false;
  const cells: ReleaseCell[] = model.cells.flatMap((c): ReleaseCell[] => {
    const g = grid.byKey.get(c.key)!;
    if (plan.cell.reason[g] === Reason.LATENT) {
      latent = true;
      return [];
    }
    const base = { key: c.key, nodeKey: c.nodeKey, unitId: c.unitId, direct: c.direct, dims: { ...c.dims }, eligible: c.h };
    if (plan.cell.hidden[g]) {
      const reason = hiddenReason(plan.cell.reason[g]!);
      const measures: Record<string, MeasureResult> = {};
      for (const def of model.measures) measures[def.key] = { status: 'HIDDEN', reason };
      return [{ ...base, status: 'HIDDEN' as const, reason, measures }];
    }
    const measures: Record<string, MeasureResult> = {};
    for (const [key, m] of plan.measures) {
      const stats = c.measures[key]!;
      const band = m.bands.get(g);
      if (m.layer.hidden[g] && band && m.layer.reason[g] === Reason.BANDED) {
        measures[key] = { status: 'BANDED', reason: 'BANDED', band };
      } else if (m.layer.hidden[g]) {
        measures[key] = { status: 'HIDDEN', reason: hiddenReason(m.layer.reason[g]!) };
      } else {
        const published: MeasureResult & { status: 'PUBLISHED' } = { status: 'PUBLISHED', count: stats.count, sum: stats.sum, mean: stats.sum / stats.count };
        const def = m.def;
        if (def.kind === 'histogram' && stats.histogram) {
          published.histogram = [...stats.histogram];
          const fav = stats.histogram.reduce((acc, x, i) => acc + (def.min + i >= def.favourableAtLeast ? x : 0), 0);
          published.favourableShare = fav / stats.count;
        }
        measures[key] = published;
      }
    }
    return [{ ...base, status: 'PUBLISHED' as const, n: c.n, measures }];
  });
  return {
    releaseId: model.releaseId,
    blocks: [...model.blocks],
    k,
    dimensions: [...model.dimensions],
    dimValues: Object.fromEntries(model.dimensions.map((d) => [d, [...model.dimValues[d]!]])),
    nodes: model.nodes.map((n) => ({ key: n.key, unitId: n.unitId, direct: n.direct, name: n.name, parentKey: n.parentKey })),
    measures: model.measures.map((m) => ({ ...m })),
    // The auditor rebuilds the cross-classification from the atoms when cells are latent.
    atoms: model.blocks.length > 1 || latent ? model.atoms.map((a) => ({ block: a.block, unitId: a.unitId, dims: { ...a.dims }, eligible: a.h })) : [],
    cells,
  };
}
