import { Injectable } from '@nestjs/common';
import { seedQuestionBank, type Tx } from '@pulsewise/db';

const TENANT = { id: true, name: true, slug: true, status: true, createdAt: true } as const;
const POLICY = {
  anonymityThreshold: true, quietHoursStart: true, quietHoursEnd: true, maxPulsesPerMonth: true,
  responseRetentionMonths: true, allowedDimensions: true, updatedAt: true,
} as const;

@Injectable()
export class TenantsRepository {
  listCustomers(tx: Tx) {
    return tx.tenant.findMany({ where: { kind: 'CUSTOMER' }, select: TENANT, orderBy: { name: 'asc' } });
  }

  find(tx: Tx, id: string) {
    return tx.tenant.findUnique({ where: { id }, select: { ...TENANT, kind: true } });
  }

  slugTaken(tx: Tx, slug: string) {
    return tx.tenant.count({ where: { slug } }).then((n) => n > 0);
  }

  /** A tenant is born with its policy, the root of its org tree (the whole organisation) and the default question bank. */
  async create(tx: Tx, data: { name: string; slug: string }) {
    const tenant = await tx.tenant.create({ data, select: TENANT });
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenant.id}, true)`;
    await tx.tenantPolicy.create({ data: { tenantId: tenant.id } });
    await tx.orgUnit.create({ data: { tenantId: tenant.id, name: data.name, path: '' } });
    await seedQuestionBank(tx, tenant.id);
    return tenant;
  }

  setStatus(tx: Tx, id: string, status: 'ACTIVE' | 'SUSPENDED') {
    return tx.tenant.update({ where: { id }, data: { status }, select: TENANT });
  }

  policy(tx: Tx, tenantId: string) {
    return tx.tenantPolicy.findUniqueOrThrow({ where: { tenantId }, select: POLICY });
  }

  updatePolicy(tx: Tx, tenantId: string, data: Partial<Record<keyof typeof POLICY, unknown>>) {
    return tx.tenantPolicy.update({ where: { tenantId }, data: data as never, select: POLICY });
  }

  rootUnit(tx: Tx, tenantId: string) {
    return tx.orgUnit.findUniqueOrThrow({ where: { tenantId_path: { tenantId, path: '' } }, select: { id: true } });
  }

  upsertAdmin(tx: Tx, tenantId: string, orgUnitId: string, email: string, displayName: string) {
    return tx.person.upsert({
      where: { tenantId_email: { tenantId, email } },
      create: { tenantId, email, displayName, orgUnitId, roles: ['TENANT_ADMIN'] },
      update: { active: true },
      select: { id: true, roles: true },
    });
  }

  grantRole(tx: Tx, tenantId: string, personId: string, roles: string[]) {
    return tx.person.update({ where: { tenantId_id: { tenantId, id: personId } }, data: { roles: roles as never } });
  }

}
