// The cell model of a month roll-up: its rounds' frozen audiences and answers, tagged with their
// round (a block), one question key per scale. Built in one place because two jobs need exactly
// the same figures: the roll-up job that publishes it, and a round re-made under it, which
// audits the published roll-up again with its data (round-aggregator.ts, protectRound).
import { buildCellModel, excludeSmallResidualGroups, type CellModel, type ExcludedResidual, type ReleaseInput } from '@pulsewise/privacy';
import { CELL_COLUMN, dimValue } from './cells.js';

export interface RollupRows {
  releaseId: string;
  roundIds: string[];
  units: ReleaseInput['units'];
  /** Dimensions the roll-up is cut by (those without a cell column are ignored). */
  dimensions: readonly string[];
  audience: { roundId: string; cellUnitId: string; cellLocation: string; cellTenure: string; eligible: number }[];
  responses: { roundId: string; cellUnitId: string; cellLocation: string; cellTenure: string; answers: unknown }[];
  /** Question id → the key it is counted under; answers to other questions are left out. */
  keyOf: ReadonlyMap<string, string>;
  questions: ReleaseInput['questions'];
  k: number;
}

/** Per round, exactly the "(direct)" groups that round's own release left out are left out here too. */
export function rollupCellModel(rows: RollupRows): { model: CellModel; excluded: ExcludedResidual[]; dimensions: string[] } {
  const dimensions = rows.dimensions.filter((d): d is keyof typeof CELL_COLUMN => d in CELL_COLUMN);
  const dims = (row: { cellLocation: string; cellTenure: string }) => Object.fromEntries(dimensions.map((d) => [d, dimValue(row[CELL_COLUMN[d]])]));
  const input: ReleaseInput = {
    releaseId: rows.releaseId,
    blocks: rows.roundIds,
    units: rows.units,
    dimensions,
    headcounts: rows.audience.map((a) => ({ unitId: a.cellUnitId, dims: dims(a), eligible: a.eligible, block: a.roundId })),
    responses: rows.responses.map((r) => ({
      unitId: r.cellUnitId,
      dims: dims(r),
      answers: Object.fromEntries(Object.entries(r.answers as Record<string, number>).flatMap(([id, v]) => (rows.keyOf.has(id) ? [[rows.keyOf.get(id)!, v]] : []))),
      block: r.roundId,
    })),
    questions: rows.questions,
  };
  const { input: counted, excluded } = excludeSmallResidualGroups(input, rows.k);
  return { model: buildCellModel(counted), excluded, dimensions };
}
