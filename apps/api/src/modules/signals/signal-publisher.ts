// Turns the imported observations of one signal and month into an audited
// release: the privacy engine's protectObservations (the same cell model, "(direct)"
// nodes, complementary suppression and independent audit as survey releases) runs
// on the unit-level truth, and only its result is stored for reading. If the
// engine cannot make the month safe — or the data no longer fits the directory —
// the month is withheld: nothing of it is shown (fail closed).
//
// Framework-free (a Prisma transaction in, rows out) so the demo seed publishes
// its imported history through exactly this path.
import type { Prisma, Tx } from '@pulsewise/db';
import { PrivacyInputError, protectObservations, type Release } from '@pulsewise/privacy';

export interface PublishableSignal {
  id: string;
  key: string;
  valueMin: number | null;
  valueMax: number | null;
}

export type PublishOutcome = 'PUBLISHED' | 'WITHHELD' | 'EMPTY';

/** Everything about the organisation that does not change between the months of one import. */
export interface PublishContext {
  tenantId: string;
  k: number;
  units: { id: string; parentId: string | null; name: string }[];
  /** People attached directly to each unit: attackers may know unit sizes from the directory. */
  headcounts: { unitId: string; eligible: number }[];
}

export async function loadPublishContext(tx: Tx, tenantId: string): Promise<PublishContext> {
  const [policy, units, people] = await Promise.all([
    tx.tenantPolicy.findUniqueOrThrow({ where: { tenantId }, select: { anonymityThreshold: true } }),
    tx.orgUnit.findMany({ select: { id: true, parentId: true, name: true } }),
    tx.person.groupBy({ by: ['orgUnitId'], where: { active: true }, _count: true }),
  ]);
  return { tenantId, k: policy.anonymityThreshold, units, headcounts: people.map((p) => ({ unitId: p.orgUnitId, eligible: p._count })) };
}

export async function publishSignalMonth(tx: Tx, ctx: PublishContext, signal: PublishableSignal, month: string): Promise<PublishOutcome> {
  const { tenantId } = ctx;
  const observations = await tx.signalObservation.findMany({ where: { signalId: signal.id, month }, select: { orgUnitId: true, valueSum: true, n: true } });
  await tx.signalRelease.deleteMany({ where: { signalId: signal.id, month } });
  if (observations.length === 0) return 'EMPTY';

  const range = signal.valueMin !== null && signal.valueMax !== null ? { min: signal.valueMin, max: signal.valueMax } : {};
  let release: Release | undefined;
  let withheldReason = '';
  let audit: Record<string, unknown> = {};
  try {
    const results = await protectObservations(
      {
        month,
        units: ctx.units,
        rows: observations.map((o) => ({ signalKey: signal.key, unitId: o.orgUnitId, month, value: o.valueSum, n: o.n })),
        headcounts: ctx.headcounts,
        signals: [{ key: signal.key, ...range }],
      },
      // Readers see why a point is hidden, so the engine must assume they do (as for survey releases).
      { k: ctx.k, seesReasons: true },
    );
    const result = results[signal.key];
    if (!result) throw new PrivacyInputError('no result for the signal');
    if (result.published) {
      release = result.release;
      audit = { ...result.audit.stats, fixRounds: result.fixRounds };
    } else {
      withheldReason = result.reason;
      audit = { ...(result.audit?.stats ?? {}), violations: result.audit?.violations.length ?? 0 };
    }
  } catch (error) {
    if (!(error instanceof PrivacyInputError)) throw error;
    withheldReason = `The imported data does not fit the current directory (${error.message}); re-import this month.`;
  }

  if (!release) {
    await tx.signalRelease.create({ data: { tenantId, signalId: signal.id, month, status: 'WITHHELD', withheldReason, k: ctx.k, structure: {}, audit: audit as Prisma.InputJsonValue } });
    return 'WITHHELD';
  }
  const { cells, ...structure } = release;
  const created = await tx.signalRelease.create({
    data: { tenantId, signalId: signal.id, month, status: 'PUBLISHED', k: release.k, structure: structure as unknown as Prisma.InputJsonValue, audit: audit as Prisma.InputJsonValue },
    select: { id: true },
  });
  await tx.signalReleaseCell.createMany({
    data: cells.map((c) => ({
      tenantId, releaseId: created.id, cellKey: c.key, nodeKey: c.nodeKey, unitId: c.unitId, direct: c.direct,
      status: c.status, reason: c.reason ?? null, eligible: c.eligible, n: c.status === 'PUBLISHED' ? (c.n ?? null) : null,
      measure: (c.measures[signal.key] ?? { status: 'HIDDEN', reason: c.reason ?? 'BELOW_THRESHOLD' }) as unknown as Prisma.InputJsonValue,
    })),
  });
  return 'PUBLISHED';
}

/**
 * Replaces the observations of every (signal, month) in `rows` — a file is the complete
 * picture of each signal-month it mentions — and publishes each of those months again.
 */
export async function replaceAndPublish(
  tx: Tx,
  ctx: PublishContext,
  signals: ReadonlyMap<string, PublishableSignal>,
  rows: readonly { signalId: string; orgUnitId: string; month: string; value: number; n: number }[],
): Promise<{ published: number; withheld: number }> {
  await lockSignals(tx, ctx.tenantId);
  const pairs = new Map<string, { signalId: string; month: string }>();
  for (const r of rows) pairs.set(`${r.signalId}|${r.month}`, { signalId: r.signalId, month: r.month });
  const sorted = [...pairs.values()].sort((a, b) => (a.signalId + a.month < b.signalId + b.month ? -1 : 1));
  for (const p of sorted) await tx.signalObservation.deleteMany({ where: { signalId: p.signalId, month: p.month } });
  await tx.signalObservation.createMany({
    data: rows.map((r) => ({ tenantId: ctx.tenantId, signalId: r.signalId, orgUnitId: r.orgUnitId, month: r.month, valueSum: r.value * r.n, n: r.n })),
  });
  const byId = new Map([...signals.values()].map((s) => [s.id, s]));
  let published = 0;
  let withheld = 0;
  for (const p of sorted) {
    const outcome = await publishSignalMonth(tx, ctx, byId.get(p.signalId)!, p.month);
    if (outcome === 'PUBLISHED') published++;
    if (outcome === 'WITHHELD') withheld++;
  }
  return { published, withheld };
}

/** Publishes every imported month again (e.g. after the tenant raised k): each is audited with the current policy. */
export async function republishAll(tx: Tx, ctx: PublishContext): Promise<{ published: number; withheld: number }> {
  await lockSignals(tx, ctx.tenantId);
  const pairs = await tx.signalObservation.groupBy({ by: ['signalId', 'month'], orderBy: [{ signalId: 'asc' }, { month: 'asc' }] });
  const signals = await tx.signal.findMany({ where: { id: { in: [...new Set(pairs.map((p) => p.signalId))] } }, select: { id: true, key: true, valueMin: true, valueMax: true } });
  const byId = new Map(signals.map((s) => [s.id, s]));
  let published = 0;
  let withheld = 0;
  for (const p of pairs) {
    const outcome = await publishSignalMonth(tx, ctx, byId.get(p.signalId)!, p.month);
    if (outcome === 'PUBLISHED') published++;
    if (outcome === 'WITHHELD') withheld++;
  }
  return { published, withheld };
}

/** Imports and re-audits of one tenant run one at a time (the second waits for the first to commit). */
async function lockSignals(tx: Tx, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'pulsewise:signals:' + tenantId}))`;
}
