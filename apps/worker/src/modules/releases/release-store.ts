// Reads and writes audited releases. A release is stored whole in one
// transaction (replacing an earlier run for the same round, which yields the
// same release because the engine is deterministic), so a crash mid-write leaves
// either the old release or the new one, never a mix.
import type { Release, ReleaseCell } from '@pulsewise/privacy';
import type { Prisma, Tx } from '@pulsewise/db';
import { failpoint } from '../../common/failpoint.js';

export interface StoredReleaseMeta {
  tenantId: string;
  kind: 'ROUND' | 'MONTH';
  roundId: string | null;
  period: string | null;
  audit: Record<string, unknown>;
  commentNodes: string[];
}

export async function storePublished(tx: Tx, meta: StoredReleaseMeta, release: Release): Promise<string> {
  await removeExisting(tx, meta);
  failpoint('release-replacing'); // fault tests: the earlier release deleted, uncommitted
  const { cells, ...structure } = release;
  const created = await tx.release.create({
    data: {
      tenantId: meta.tenantId, kind: meta.kind, roundId: meta.roundId, period: meta.period, status: 'PUBLISHED',
      k: release.k, dimensions: release.dimensions, structure: structure as unknown as Prisma.InputJsonValue, audit: meta.audit as Prisma.InputJsonValue, commentNodes: meta.commentNodes,
    },
    select: { id: true },
  });
  for (let i = 0; i < cells.length; i += 1000) {
    await tx.releaseCell.createMany({
      data: cells.slice(i, i + 1000).map((c) => ({
        tenantId: meta.tenantId, releaseId: created.id, cellKey: c.key, nodeKey: c.nodeKey, unitId: c.unitId, direct: c.direct,
        dims: c.dims, status: c.status, reason: c.reason ?? null, eligible: c.eligible, n: c.status === 'PUBLISHED' ? (c.n ?? null) : null,
        measures: c.measures as unknown as Prisma.InputJsonValue,
      })),
    });
  }
  failpoint('release-written'); // fault tests: every cell written, not yet committed
  return created.id;
}

/** A release the audit could not make safe: recorded (so people see why nothing is shown), with no figures. */
export async function storeWithheld(tx: Tx, meta: StoredReleaseMeta, k: number, dimensions: string[], reason: string): Promise<string> {
  await removeExisting(tx, meta);
  const created = await tx.release.create({
    data: { tenantId: meta.tenantId, kind: meta.kind, roundId: meta.roundId, period: meta.period, status: 'WITHHELD', withheldReason: reason, k, dimensions, structure: {}, audit: meta.audit as Prisma.InputJsonValue, commentNodes: [] },
    select: { id: true },
  });
  return created.id;
}

async function removeExisting(tx: Tx, meta: StoredReleaseMeta): Promise<void> {
  if (meta.roundId) {
    await tx.release.deleteMany({ where: { roundId: meta.roundId } });
    await withdrawRollupsOver(tx, meta.roundId);
  } else await tx.release.deleteMany({ where: { kind: meta.kind, period: meta.period } });
}

/**
 * A round's release is being replaced: every published roll-up over that round was audited
 * against the old one, and next to the new one it could give a hidden group away. In the same
 * transaction it loses its figures and is marked withheld until month-rollup.ts audits it again
 * (its audit still names the old round release, so it is no longer current there).
 */
async function withdrawRollupsOver(tx: Tx, roundId: string): Promise<void> {
  const rollups = await tx.release.findMany({ where: { kind: 'MONTH', status: 'PUBLISHED', structure: { path: ['blocks'], array_contains: [roundId] } }, select: { id: true } });
  const stale = rollups.map((r) => r.id);
  if (stale.length === 0) return;
  await tx.releaseCell.deleteMany({ where: { releaseId: { in: stale } } });
  await tx.release.updateMany({
    where: { id: { in: stale } },
    data: { status: 'WITHHELD', withheldReason: 'One of its rounds was released again; the month is hidden until it is audited against the new release.', structure: {}, commentNodes: [] },
  });
}

/** Rebuilds the engine's Release from storage, to audit new releases against it. */
export async function loadRelease(tx: Tx, tenantId: string, releaseId: string): Promise<Release> {
  const row = await tx.release.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: releaseId } }, include: { cells: true } });
  const structure = row.structure as unknown as Omit<Release, 'cells'>;
  // jsonb does not keep key order; rebuild measure definitions in the engine's own shape.
  structure.measures = structure.measures.map((m) =>
    m.kind === 'histogram' ? { kind: m.kind, key: m.key, min: m.min, max: m.max, favourableAtLeast: m.favourableAtLeast } : { kind: m.kind, key: m.key, min: m.min, max: m.max },
  );
  const cells: ReleaseCell[] = row.cells.map((c) => ({
    key: c.cellKey, nodeKey: c.nodeKey, unitId: c.unitId, direct: c.direct, dims: c.dims as Record<string, string>, eligible: c.eligible,
    status: c.status as 'PUBLISHED' | 'HIDDEN', ...(c.reason ? { reason: c.reason as 'BELOW_THRESHOLD' | 'COMPLEMENTARY' } : {}), ...(c.n !== null ? { n: c.n } : {}),
    measures: c.measures as ReleaseCell['measures'],
  }));
  return { ...structure, cells };
}
