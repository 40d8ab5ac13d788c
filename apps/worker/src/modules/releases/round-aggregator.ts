// The aggregation job for one closed round: read the round's frozen audience and
// its (unlinkable) responses, let the privacy engine build the cells, suppress,
// band and audit them — against the programme's earlier releases too — and store
// the audited release. If the audit cannot be satisfied the release is withheld:
// fail closed. Idempotent: re-running a round stores the same release again.
import { Injectable, Logger } from '@nestjs/common';
import { ANSWER_RANGE, withTenant } from '@pulsewise/db';
import { buildCellModel, commentGroupsAllowed, excludeSmallResidualGroups, protectModel, type ExcludedResidual, type CellModel, type Release, type ReleaseInput } from '@pulsewise/privacy';
import { WorkerDb } from '../../common/infrastructure.js';
import { loadRelease, storePublished, storeWithheld } from './release-store.js';

/** How stored cell values read in the engine: a dimension dropped for a unit at launch is "Unknown" there. */
export function dimValue(stored: string): string | null {
  if (stored === 'ALL') return null;
  if (stored === 'OTHER') return 'Other';
  return stored;
}

export const CELL_COLUMN = { location: 'cellLocation', tenure: 'cellTenure' } as const;
const PRIOR_RELEASES = 2;

export interface PreparedRound {
  k: number;
  dimensions: string[];
  model: CellModel;
  priorReleases: Release[];
  /** "(direct)" groups below k, counted in no cell of this release. */
  excluded: ExcludedResidual[];
}

@Injectable()
export class RoundAggregator {
  private readonly logger = new Logger(RoundAggregator.name);

  constructor(private readonly db: WorkerDb) {}

  /** What the engine needs for one closed round: its cell model, k, and the earlier releases it is audited against. */
  async prepare(tenantId: string, roundId: string): Promise<PreparedRound | null> {
    const data = await withTenant(this.db.client, tenantId, async (tx) => {
      const round = await tx.pulseRound.findUnique({ where: { tenantId_id: { tenantId, id: roundId } }, select: { status: true, programmeId: true, sequence: true, anonymityThreshold: true, answersPurgedAt: true } });
      // A round whose answers retention deleted keeps the release it has: there is nothing left to aggregate.
      if (!round || round.status !== 'CLOSED' || round.answersPurgedAt) return null;
      const policy = await tx.tenantPolicy.findUniqueOrThrow({ where: { tenantId } });
      const units = await tx.orgUnit.findMany({ select: { id: true, parentId: true, name: true } });
      // The audience frozen at close (participation rows may be gone by now).
      const audience = await tx.roundAudience.findMany({ where: { roundId }, select: { cellUnitId: true, cellLocation: true, cellTenure: true, eligible: true } });
      const responses = await tx.response.findMany({ where: { roundId }, select: { cellUnitId: true, cellLocation: true, cellTenure: true, answers: true } });
      const questions = await tx.roundQuestion.findMany({ where: { roundId }, select: { question: { select: { id: true, key: true, type: true } } }, orderBy: { position: 'asc' } });
      const priorRows = await tx.release.findMany({
        where: { status: 'PUBLISHED', kind: 'ROUND', roundId: { not: roundId }, cells: { some: {} } },
        select: { id: true, roundId: true },
      });
      const earlierRounds = await tx.pulseRound.findMany({ where: { programmeId: round.programmeId, sequence: { lt: round.sequence } }, select: { id: true, sequence: true }, orderBy: { sequence: 'desc' }, take: PRIOR_RELEASES });
      const priorIds = earlierRounds.map((r) => priorRows.find((p) => p.roundId === r.id)?.id).filter((id): id is string => Boolean(id));
      // A round aggregated again (k raised) is audited against the month roll-up that already covers it.
      const rollups = await tx.release.findMany({ where: { status: 'PUBLISHED', kind: 'MONTH' }, select: { id: true, structure: true } });
      for (const r of rollups) if (((r.structure as { blocks?: string[] }).blocks ?? []).includes(roundId)) priorIds.push(r.id);
      const priorReleases: Release[] = [];
      for (const id of priorIds) priorReleases.push(await loadRelease(tx, tenantId, id));
      return { round, policy, units, audience, responses, questions: questions.map((q) => q.question), priorReleases };
    });
    if (!data) return null;

    // k may have been raised since launch; it is never lowered for a round with data.
    const k = Math.max(data.round.anonymityThreshold, data.policy.anonymityThreshold);
    const dimensions = data.policy.allowedDimensions.filter((d): d is keyof typeof CELL_COLUMN => d in CELL_COLUMN);
    const scored = data.questions.filter((q): q is typeof q & { type: keyof typeof ANSWER_RANGE } => q.type !== 'COMMENT');
    const keyOf = new Map(scored.map((q) => [q.id, q.key]));
    const dims = (row: { cellLocation: string; cellTenure: string }) => Object.fromEntries(dimensions.map((d) => [d, dimValue(row[CELL_COLUMN[d]])]));

    const input: ReleaseInput = {
      releaseId: roundId,
      units: data.units,
      dimensions,
      headcounts: data.audience.map((a) => ({ unitId: a.cellUnitId, dims: dims(a), eligible: a.eligible })),
      responses: data.responses.map((r) => ({
        unitId: r.cellUnitId,
        dims: dims(r),
        answers: Object.fromEntries(Object.entries(r.answers as Record<string, number>).flatMap(([id, v]) => (keyOf.has(id) ? [[keyOf.get(id)!, v]] : []))),
      })),
      questions: scored.map((q) => ({ key: q.key, ...ANSWER_RANGE[q.type] })),
    };
    const { input: counted, excluded } = excludeSmallResidualGroups(input, k);
    return { k, dimensions, model: buildCellModel(counted), priorReleases: data.priorReleases, excluded };
  }

  async aggregate(tenantId: string, roundId: string): Promise<{ status: 'PUBLISHED' | 'WITHHELD' | 'NOT_AGGREGATABLE'; releaseId?: string }> {
    const prepared = await this.prepare(tenantId, roundId);
    if (!prepared) return { status: 'NOT_AGGREGATABLE' };
    const { k, dimensions, model, priorReleases, excluded } = prepared;
    // Readers see why a cell is hidden ("fewer than k" vs "protects a neighbour"), so the engine must assume they do.
    const result = await protectModel(model, { k, priorReleases, seesReasons: true });
    const meta = { tenantId, kind: 'ROUND' as const, roundId, period: null };

    const releaseId = await withTenant(
      this.db.client,
      tenantId,
      (tx) =>
        result.published
          ? storePublished(tx, { ...meta, audit: { ...result.audit.stats, fixRounds: result.fixRounds, notCounted: excluded.reduce((s, e) => s + e.eligible, 0), notCountedUnits: excluded.map((e) => e.unitId) }, commentNodes: commentGroupsAllowed(model, k).filter((g) => g.allowed).map((g) => g.nodeKey) }, result.release)
          : storeWithheld(tx, { ...meta, audit: { ...(result.audit?.stats ?? {}), violations: result.audit?.violations.length ?? 0 }, commentNodes: [] }, k, dimensions, result.reason),
      { timeout: 120_000 },
    );
    if (!result.published) this.logger.warn(`Round ${roundId}: release withheld (${result.reason})`);
    return { status: result.published ? 'PUBLISHED' : 'WITHHELD', releaseId };
  }
}
