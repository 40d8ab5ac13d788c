import { Injectable } from '@nestjs/common';
import type { Prisma, Tx } from '@pulsewise/db';

const KPI = { id: true, key: true, name: true, unit: true, description: true, orgUnitId: true, orgUnit: { select: { path: true } } } as const;
export type KpiRow = Prisma.KpiGetPayload<{ select: typeof KPI }>;

@Injectable()
export class KpisRepository {
  list(tx: Tx, where: Prisma.KpiWhereInput = {}) {
    return tx.kpi.findMany({ where, select: KPI });
  }

  find(tx: Tx, tenantId: string, id: string) {
    return tx.kpi.findUnique({ where: { tenantId_id: { tenantId, id } }, select: KPI });
  }

  findByKey(tx: Tx, key: string) {
    return tx.kpi.findFirst({ where: { key }, select: { id: true } });
  }

  orgUnits(tx: Tx) {
    return tx.orgUnit.findMany({ select: { id: true, parentId: true, name: true, path: true } });
  }

  orgUnitExists(tx: Tx, tenantId: string, id: string) {
    return tx.orgUnit.findUnique({ where: { tenantId_id: { tenantId, id } }, select: { id: true } });
  }

  create(tx: Tx, data: Prisma.KpiUncheckedCreateInput) {
    return tx.kpi.create({ data, select: KPI });
  }

  update(tx: Tx, tenantId: string, id: string, data: Prisma.KpiUncheckedUpdateInput) {
    return tx.kpi.update({ where: { tenantId_id: { tenantId, id } }, data, select: KPI });
  }

  delete(tx: Tx, tenantId: string, id: string) {
    return tx.kpi.delete({ where: { tenantId_id: { tenantId, id } } });
  }

  async upsertObservations(tx: Tx, tenantId: string, rows: readonly { kpiId: string; month: string; value: number }[]) {
    for (const r of rows) {
      await tx.kpiObservation.upsert({
        where: { tenantId_kpiId_month: { tenantId, kpiId: r.kpiId, month: r.month } },
        create: { tenantId, kpiId: r.kpiId, month: r.month, value: r.value },
        update: { value: r.value },
      });
    }
  }

  observations(tx: Tx, kpiIds: readonly string[], from: string, to: string) {
    return tx.kpiObservation.findMany({ where: { kpiId: { in: [...kpiIds] }, month: { gte: from, lte: to } }, select: { kpiId: true, month: true, value: true } });
  }
}
