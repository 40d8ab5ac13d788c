// The aggregation job for one closed round: read the round's frozen audience and
// its (unlinkable) responses, let the privacy engine build the cells, suppress,
// band and audit them — against the programme's earlier releases too — and store
// the audited release. If the audit cannot be satisfied the release is withheld:
// fail closed. Idempotent: re-running a round stores the same release again.
import { Injectable, Logger } from '@nestjs/common';
import { ANSWER_RANGE, withTenant, type Tx } from '@pulsewise/db';
import { auditRelease, buildCellModel, commentGroupsAllowed, excludeSmallResidualGroups, protectModel, type ExcludedResidual, type CellModel, type ProtectResult, type Release, type ReleaseInput } from '@pulsewise/privacy';
import { WorkerDb } from '../../common/infrastructure.js';
import { loadRelease, storePublished, storeWithheld } from './release-store.js';

import { CELL_COLUMN, dimValue } from './cells.js';
import { rollupCellModel } from './rollup-input.js';

export { CELL_COLUMN, dimValue };
const PRIOR_RELEASES = 2;

export interface PreparedRound {
  k: number;
  dimensions: string[];
  model: CellModel;
  /** Earlier rounds' releases, the roll-ups over this round and every release linked through them. */
  priorReleases: Release[];
  /** The published roll-ups among them, with their data (see protectRound). */
  rollups: LinkedRollup[];
  /** "(direct)" groups below k, counted in no cell of this release. */
  excluded: ExcludedResidual[];
}

/** A published roll-up over the round, with its true data when the database still has every one of its rounds' answers. */
export interface LinkedRollup {
  release: Release;
  truth: CellModel | undefined;
}

/**
 * Protects a round whose release is made again (same data and k after a stalled or repeated
 * job, or k raised) while roll-ups over it are published. `priorReleases` holds every published
 * release linked to the round: earlier rounds', the roll-ups over it, and the roll-ups' other
 * rounds' releases (a reader holds all of them: roll-up = r1 + r2). Audited as a prior, a
 * roll-up is judged by its hiding reasons alone — the auditor gets no data for priors — so a
 * roll-up group of k or more people that it hides because one round's part is small is taken
 * for a small group, and a round that was published before fails (MEAN_INTERVAL on the
 * roll-up's cells). So first the round is protected against the releases it was protected
 * against the first time (the roll-ups left out: without them the other rounds share no block
 * with it), and every roll-up is then audited as its own job does it: with its true data,
 * against the new round release and every other release linked to it. Both audits together
 * model every published fact, with the checks the round and the roll-up had when each was
 * published; with the same data and k the round release is the same, so is the roll-up's
 * audit, and the round is published again unchanged. When a roll-up fails that audit (k raised
 * and the round now hides more), or its data is gone, the round is protected with every linked
 * release as a prior (suppressed further where they would expose it, or withheld).
 */
export async function protectRound(model: CellModel, k: number, priorReleases: readonly Release[], rollups: readonly LinkedRollup[]): Promise<ProtectResult> {
  if (rollups.length > 0 && rollups.every((r) => r.truth !== undefined)) {
    const rollupIds = new Set(rollups.map((r) => r.release.releaseId));
    const first = await protectModel(model, { k, priorReleases: priorReleases.filter((p) => !rollupIds.has(p.releaseId)), seesReasons: true });
    if (first.published && (await rollupsStillPass(first.release, priorReleases, rollups))) return first;
  }
  return protectModel(model, { k, priorReleases, seesReasons: true });
}

/** Every roll-up audited, with its data, against the new round release and the other linked releases (month-rollup.ts's audit). */
async function rollupsStillPass(release: Release, priorReleases: readonly Release[], rollups: readonly LinkedRollup[]): Promise<boolean> {
  for (const rollup of rollups) {
    const others = priorReleases.filter((p) => p.releaseId !== rollup.release.releaseId && p.releaseId !== release.releaseId);
    const report = await auditRelease(rollup.release, { truth: rollup.truth, priorReleases: [release, ...others], seesReasons: true });
    if (!report.ok) return false;
  }
  return true;
}

/**
 * A roll-up's true data, built as month-rollup.ts built it: its rounds' audiences and answers,
 * the questions and dimensions it holds, "(direct)" groups below its k left out. Undefined when
 * retention deleted one of its rounds' answers.
 */
async function rollupTruth(tx: Tx, release: Release, units: { id: string; parentId: string | null; name: string }[]): Promise<CellModel | undefined> {
  const purged = await tx.pulseRound.count({ where: { id: { in: release.blocks }, answersPurgedAt: { not: null } } });
  if (purged > 0) return undefined;
  const audience = await tx.roundAudience.findMany({ where: { roundId: { in: release.blocks } }, select: { roundId: true, cellUnitId: true, cellLocation: true, cellTenure: true, eligible: true } });
  const responses = await tx.response.findMany({ where: { roundId: { in: release.blocks } }, select: { roundId: true, cellUnitId: true, cellLocation: true, cellTenure: true, answers: true } });
  const questions = await tx.roundQuestion.findMany({ where: { roundId: { in: release.blocks } }, select: { question: { select: { id: true, key: true } } } });
  const held = new Set(release.measures.map((m) => m.key));
  return rollupCellModel({
    releaseId: release.releaseId,
    roundIds: release.blocks,
    units,
    dimensions: release.dimensions,
    audience,
    responses,
    keyOf: new Map(questions.filter((q) => held.has(q.question.key)).map((q) => [q.question.id, q.question.key])),
    // A survey roll-up's measures are histograms (question scales).
    questions: release.measures.flatMap((m) => (m.kind === 'histogram' ? [{ key: m.key, min: m.min, max: m.max, favourableAtLeast: m.favourableAtLeast }] : [])),
    k: release.k,
  }).model;
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
      // A round aggregated again (k raised, a repeated job) is audited against the roll-ups that
      // already cover it, and against every release linked to it through them: a roll-up is the
      // sum of its rounds, so a reader who has it and the other rounds' releases has this round's
      // part too (README "Blocks"). Followed until no new round comes in.
      const rollupIds: string[] = [];
      const blocks = [roundId];
      for (let i = 0; i < blocks.length; i++) {
        const over = await tx.release.findMany({ where: { status: 'PUBLISHED', kind: 'MONTH', structure: { path: ['blocks'], array_contains: [blocks[i]!] } }, select: { id: true, structure: true } });
        for (const r of over) {
          if (rollupIds.includes(r.id)) continue;
          rollupIds.push(r.id);
          for (const b of (r.structure as { blocks?: string[] }).blocks ?? []) if (!blocks.includes(b)) blocks.push(b);
        }
      }
      for (const b of blocks.slice(1)) {
        const id = priorRows.find((p) => p.roundId === b)?.id;
        if (id && !priorIds.includes(id)) priorIds.push(id);
      }
      priorIds.push(...rollupIds);
      const priorReleases: Release[] = [];
      for (const id of priorIds) priorReleases.push(await loadRelease(tx, tenantId, id));
      const rollups: LinkedRollup[] = [];
      for (const id of rollupIds) {
        const release = priorReleases.find((r, i) => priorIds[i] === id)!;
        rollups.push({ release, truth: await rollupTruth(tx, release, units) });
      }
      return { round, policy, units, audience, responses, questions: questions.map((q) => q.question), priorReleases, rollups };
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
    return { k, dimensions, model: buildCellModel(counted), priorReleases: data.priorReleases, rollups: data.rollups, excluded };
  }

  async aggregate(tenantId: string, roundId: string): Promise<{ status: 'PUBLISHED' | 'WITHHELD' | 'NOT_AGGREGATABLE'; releaseId?: string }> {
    const prepared = await this.prepare(tenantId, roundId);
    if (!prepared) return { status: 'NOT_AGGREGATABLE' };
    const { k, dimensions, model, priorReleases, rollups, excluded } = prepared;
    // Readers see why a cell is hidden ("fewer than k" vs "protects a neighbour"), so the engine must assume they do.
    const result = await protectRound(model, k, priorReleases, rollups);
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
