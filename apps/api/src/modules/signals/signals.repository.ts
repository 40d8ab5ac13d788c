import { Injectable } from '@nestjs/common';
import type { Prisma, Tx } from '@pulsewise/db';

const SIGNAL = {
  id: true, key: true, name: true, description: true, unit: true, source: true, questionKey: true,
  valueMin: true, valueMax: true, healthyMin: true, healthyMax: true, builtIn: true,
} as const;
export type SignalRow = Prisma.SignalGetPayload<{ select: typeof SIGNAL }>;

const IMPORT_KEY = { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

@Injectable()
export class SignalsRepository {
  signals(tx: Tx) {
    return tx.signal.findMany({ select: SIGNAL });
  }

  signalByKey(tx: Tx, key: string) {
    return tx.signal.findFirst({ where: { key }, select: SIGNAL });
  }

  createSignal(tx: Tx, data: Prisma.SignalUncheckedCreateInput) {
    return tx.signal.create({ data, select: SIGNAL });
  }

  updateSignal(tx: Tx, tenantId: string, id: string, data: Prisma.SignalUncheckedUpdateInput) {
    return tx.signal.update({ where: { tenantId_id: { tenantId, id } }, data, select: SIGNAL });
  }

  policy(tx: Tx, tenantId: string) {
    return tx.tenantPolicy.findUniqueOrThrow({ where: { tenantId }, select: { anonymityThreshold: true } });
  }

  /** The tenant's data version (see OverviewCache); "0" before anything it covers was ever written. */
  async dataVersion(tx: Tx): Promise<string> {
    const rows = await tx.$queryRaw<{ version: bigint }[]>`SELECT version FROM tenant_data_versions`;
    return String(rows[0]?.version ?? 0n);
  }

  orgUnits(tx: Tx) {
    return tx.orgUnit.findMany({ select: { id: true, parentId: true, name: true, path: true } });
  }

  directHeadcounts(tx: Tx) {
    return tx.person.groupBy({ by: ['orgUnitId'], where: { active: true }, _count: true });
  }

  importKeys(tx: Tx) {
    return tx.signalImportKey.findMany({ select: IMPORT_KEY, orderBy: { createdAt: 'asc' } });
  }

  createImportKey(tx: Tx, data: Prisma.SignalImportKeyUncheckedCreateInput) {
    return tx.signalImportKey.create({ data, select: IMPORT_KEY });
  }

  importKey(tx: Tx, tenantId: string, id: string) {
    return tx.signalImportKey.findUnique({ where: { tenantId_id: { tenantId, id } }, select: IMPORT_KEY });
  }

  importKeyByHash(tx: Tx, keyHash: string) {
    return tx.signalImportKey.findFirst({ where: { keyHash }, select: IMPORT_KEY });
  }

  touchImportKey(tx: Tx, tenantId: string, id: string, data: { lastUsedAt?: Date; revokedAt?: Date }) {
    return tx.signalImportKey.update({ where: { tenantId_id: { tenantId, id } }, data, select: IMPORT_KEY });
  }

  /** An import made with an API key has no person behind it: the key is the actor. */
  recordKeyAudit(tx: Tx, tenantId: string, action: string, details: Record<string, unknown>) {
    return tx.auditEvent.create({ data: { tenantId, actorTenantId: tenantId, actorPersonId: null, action, details: details as object } });
  }

  async tenantStatus(tx: Tx, tenantId: string) {
    return (await tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true } }))?.status ?? null;
  }
}
