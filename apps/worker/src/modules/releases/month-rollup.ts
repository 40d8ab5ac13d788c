// Monthly roll-ups: one MONTH release per (tenant, month) over the rounds opened in
// that month, once the month has ended and every one of those rounds is closed and has
// its own release. Only months in which one programme ran two or more rounds (weekly or
// biweekly cadence) get one: with a monthly cadence the roll-up of a single round would
// repeat that round's release figure for figure, so none is made (no duplicate figures).
//
// The roll-up is audited together with its rounds' releases (and any other release that
// shares a round with it) as prior knowledge: the same people in the same round are the
// same unknowns, and the month is the sum of its rounds. The engine hides, in the month, a
// group that a round hid as below k (or showed only as a band), and any group below k in one
// of its rounds, as BELOW_THRESHOLD too — see packages/privacy/src/rollups.ts for why
// COMPLEMENTARY would give the rounds away, and why "k answers" is not "k people" here.
//
// Idempotent: the engine is deterministic and the release is stored whole in one
// transaction that replaces an earlier run for the same (tenant, month) (a unique key on
// tenant, kind and period prevents two). Resumable: a crash before the commit leaves no
// roll-up (or the previous one), and the release sweep — monthly and at every start-up —
// builds it again.
import { Injectable, Logger } from '@nestjs/common';
import { ANSWER_RANGE, withTenant } from '@pulsewise/db';
import { protectModel, type Release } from '@pulsewise/privacy';
import { WorkerDb } from '../../common/infrastructure.js';
import { loadRelease, storePublished, storeWithheld } from './release-store.js';
import { rollupCellModel } from './rollup-input.js';

export type RollupOutcome =
  | { status: 'PUBLISHED' | 'WITHHELD'; releaseId: string; rounds: string[] }
  | { status: 'NO_ROLLUP' | 'NOT_READY' | 'UP_TO_DATE'; reason: string };

/** "YYYY-MM" of a date, in UTC. */
export function periodOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

function monthRange(period: string): { start: Date; end: Date } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
}

@Injectable()
export class MonthRollups {
  private readonly logger = new Logger(MonthRollups.name);

  constructor(private readonly db: WorkerDb) {}

  /** (tenant, month) pairs that may need a roll-up: ended months where a programme opened two or more rounds. */
  async candidates(): Promise<{ tenantId: string; period: string }[]> {
    const rows = await this.db.client.$queryRaw<{ tenant_id: string; period: string }[]>`SELECT tenant_id, period FROM month_rollups_candidates()`;
    return rows.map((r) => ({ tenantId: r.tenant_id, period: r.period }));
  }

  /**
   * Builds (or, with `force`, re-builds) the roll-up of one month when it is due. Without
   * `force` an existing roll-up over the same rounds with an anonymity threshold that is still
   * current is left alone.
   */
  async build(tenantId: string, period: string, options: { force?: boolean; now?: Date } = {}): Promise<RollupOutcome> {
    const { start, end } = monthRange(period);
    if ((options.now ?? new Date()) < end) return { status: 'NOT_READY', reason: 'the month has not ended' };
    const data = await withTenant(this.db.client, tenantId, async (tx) => {
      const rounds = await tx.pulseRound.findMany({
        where: { opensAt: { gte: start, lt: end } },
        select: { id: true, programmeId: true, status: true, anonymityThreshold: true, answersPurgedAt: true },
        orderBy: [{ opensAt: 'asc' }, { id: 'asc' }],
      });
      const perProgramme = new Map<string, number>();
      for (const r of rounds) perProgramme.set(r.programmeId, (perProgramme.get(r.programmeId) ?? 0) + 1);
      // A month of one round per programme: its roll-up would repeat a round release.
      if (![...perProgramme.values()].some((n) => n >= 2)) return { skip: { status: 'NO_ROLLUP' as const, reason: 'no programme ran two or more rounds this month' } };
      if (rounds.some((r) => r.status !== 'CLOSED')) return { skip: { status: 'NOT_READY' as const, reason: 'a round of the month is not closed' } };
      if (rounds.some((r) => r.answersPurgedAt)) return { skip: { status: 'NOT_READY' as const, reason: "a round's answers were deleted by retention" } };
      const policy = await tx.tenantPolicy.findUniqueOrThrow({ where: { tenantId } });
      const k = Math.max(policy.anonymityThreshold, ...rounds.map((r) => r.anonymityThreshold));
      const roundIds = rounds.map((r) => r.id);
      const roundReleases = await tx.release.findMany({ where: { kind: 'ROUND', roundId: { in: roundIds } }, select: { id: true, roundId: true, status: true, k: true } });
      // Every round released first, with its current threshold: the month is audited against them.
      for (const r of rounds) {
        const rel = roundReleases.find((x) => x.roundId === r.id);
        if (!rel || rel.k < r.anonymityThreshold) return { skip: { status: 'NOT_READY' as const, reason: 'a round of the month has no current release yet' } };
      }
      const existing = await tx.release.findFirst({ where: { kind: 'MONTH', period }, select: { id: true, k: true, structure: true, status: true, audit: true } });
      const existingBlocks = (existing?.structure as { blocks?: string[] } | null)?.blocks;
      const sameRounds = existing !== null && (existing.status === 'WITHHELD' || JSON.stringify([...(existingBlocks ?? [])].sort()) === JSON.stringify([...roundIds].sort()));
      // The exact round releases the roll-up was audited against: a round re-made since (k raised,
      // a retried or repeated aggregation) gets a new release, and the month is audited again
      // against it — whether it was published or withheld (a withheld month is otherwise left
      // alone: the same inputs give the same verdict, so it is not retried at every sweep).
      const roundReleaseIds = Object.fromEntries(roundReleases.map((r) => [r.roundId!, r.id]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
      const auditedAgainst = (existing?.audit as { roundReleases?: Record<string, string> } | null)?.roundReleases;
      const sameRoundReleases = auditedAgainst !== undefined && JSON.stringify(Object.entries(auditedAgainst).sort()) === JSON.stringify(Object.entries(roundReleaseIds).sort());
      if (!options.force && existing && existing.k >= k && sameRounds && sameRoundReleases) return { skip: { status: 'UP_TO_DATE' as const, reason: 'the roll-up is current' } };

      const priorIds = roundReleases.filter((r) => r.status === 'PUBLISHED').map((r) => r.id);
      // Other releases that share a round with this one (e.g. a longer roll-up), never this month's own.
      const others = await tx.release.findMany({ where: { status: 'PUBLISHED', kind: 'MONTH', NOT: { period } }, select: { id: true, structure: true } });
      for (const o of others) if (((o.structure as { blocks?: string[] }).blocks ?? []).some((b) => roundIds.includes(b))) priorIds.push(o.id);
      const priorReleases: Release[] = [];
      for (const id of priorIds) priorReleases.push(await loadRelease(tx, tenantId, id));

      const units = await tx.orgUnit.findMany({ select: { id: true, parentId: true, name: true } });
      const audience = await tx.roundAudience.findMany({ where: { roundId: { in: roundIds } }, select: { roundId: true, cellUnitId: true, cellLocation: true, cellTenure: true, eligible: true } });
      const responses = await tx.response.findMany({ where: { roundId: { in: roundIds } }, select: { roundId: true, cellUnitId: true, cellLocation: true, cellTenure: true, answers: true } });
      const questions = await tx.roundQuestion.findMany({ where: { roundId: { in: roundIds } }, select: { roundId: true, position: true, question: { select: { id: true, key: true, type: true } } }, orderBy: [{ position: 'asc' }] });
      return { k, policy, roundIds, roundReleaseIds, priorReleases, units, audience, responses, questions };
    });
    if ('skip' in data) return data.skip!;

    const { k, policy, roundIds, roundReleaseIds, priorReleases, units, audience, responses, questions } = data;
    // Only questions every round of the month asked (by key and scale): a question missing from
    // a round would otherwise look like that round's people skipping it.
    const byKey = new Map<string, { type: string; rounds: Set<string>; ids: Set<string> }>();
    for (const q of questions) {
      if (q.question.type === 'COMMENT') continue;
      const entry = byKey.get(q.question.key) ?? { type: q.question.type, rounds: new Set<string>(), ids: new Set<string>() };
      if (entry.type !== q.question.type) entry.type = 'MIXED';
      entry.rounds.add(q.roundId);
      entry.ids.add(q.question.id);
      byKey.set(q.question.key, entry);
    }
    const shared = [...byKey.entries()].filter(([, e]) => e.type in ANSWER_RANGE && e.rounds.size === roundIds.length).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const keyOf = new Map<string, string>();
    for (const [key, e] of shared) for (const id of e.ids) keyOf.set(id, key);
    const { model, excluded, dimensions } = rollupCellModel({
      releaseId: `month:${period}`,
      roundIds,
      units,
      dimensions: policy.allowedDimensions,
      audience,
      responses,
      keyOf,
      questions: shared.map(([key, e]) => ({ key, ...ANSWER_RANGE[e.type as keyof typeof ANSWER_RANGE] })),
      k,
    });
    const result = await protectModel(model, { k, priorReleases, seesReasons: true });
    const notCounted = new Map<string, number>();
    for (const e of excluded) notCounted.set(e.unitId, Math.max(notCounted.get(e.unitId) ?? 0, e.eligible));
    const meta = { tenantId, kind: 'MONTH' as const, roundId: null, period };
    const releaseId = await withTenant(
      this.db.client,
      tenantId,
      (tx) =>
        result.published
          ? storePublished(
              tx,
              {
                ...meta,
                audit: { ...result.audit.stats, fixRounds: result.fixRounds, rounds: roundIds, roundReleases: roundReleaseIds, priors: priorReleases.length, notCounted: [...notCounted.values()].reduce((a, b) => a + b, 0), notCountedUnits: [...notCounted.keys()].sort() },
                // No comments in a roll-up: its counts are answers over several rounds, possibly
                // from the same few people each time, so "max(k, 10) respondents" cannot be told
                // from them; each round's release shows its own comments.
                commentNodes: [],
              },
              result.release,
            )
          : storeWithheld(tx, { ...meta, audit: { ...(result.audit?.stats ?? {}), rounds: roundIds, roundReleases: roundReleaseIds, violations: result.audit?.violations.length ?? 0 }, commentNodes: [] }, k, dimensions, result.reason),
      { timeout: 120_000 },
    );
    if (!result.published) this.logger.warn(`Month ${period} of tenant ${tenantId}: roll-up withheld (${result.reason})`);
    return { status: result.published ? 'PUBLISHED' : 'WITHHELD', releaseId, rounds: roundIds };
  }

  /**
   * Every due roll-up, oldest month first per tenant. One failing month does not stop the
   * others; the failure is rethrown at the end so that the job is retried (finished months
   * are then up to date and skipped).
   */
  async buildDue(): Promise<{ built: number }> {
    let built = 0;
    let failed = 0;
    for (const { tenantId, period } of await this.candidates()) {
      try {
        const outcome = await this.build(tenantId, period);
        if (outcome.status === 'PUBLISHED' || outcome.status === 'WITHHELD') built++;
      } catch (err) {
        failed++;
        this.logger.error(`Month ${period} of tenant ${tenantId}: roll-up failed: ${(err as Error).message}`);
      }
    }
    if (failed > 0) throw new Error(`${failed} monthly roll-up(s) failed`);
    return { built };
  }
}
