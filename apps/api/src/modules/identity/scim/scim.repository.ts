import { Injectable } from '@nestjs/common';
import type { Prisma, Tx } from '@pulsewise/db';

const SCIM_PERSON = {
  id: true, email: true, displayName: true, orgUnitId: true, managerId: true, location: true, startDate: true, timeZone: true,
  roles: true, active: true, createdAt: true, updatedAt: true,
  orgUnit: { select: { id: true, path: true } },
  manager: { select: { id: true, email: true, displayName: true } },
  scimLink: { select: { externalId: true, deletedAt: true } },
} as const;
export type ScimPersonRow = Prisma.PersonGetPayload<{ select: typeof SCIM_PERSON }>;

const SCIM_UNIT = {
  id: true, path: true, name: true, parentId: true, createdAt: true,
  scimLink: { select: { externalId: true, updatedAt: true } },
  people: { where: { active: true }, select: { id: true, displayName: true, email: true }, orderBy: { email: 'asc' } },
} as const;
export type ScimUnitRow = Prisma.OrgUnitGetPayload<{ select: typeof SCIM_UNIT }>;

/** A person SCIM may see: not deleted through SCIM (those answer 404 until re-created). */
const visiblePerson: Prisma.PersonWhereInput = { OR: [{ scimLink: null }, { scimLink: { deletedAt: null } }] };

@Injectable()
export class ScimRepository {
  tokenByHash(tx: Tx, tenantId: string, tokenHash: string) {
    return tx.scimToken.findUnique({ where: { tenantId_tokenHash: { tenantId, tokenHash } }, select: { id: true, revokedAt: true } });
  }

  touchToken(tx: Tx, tenantId: string, id: string) {
    return tx.scimToken.update({ where: { tenantId_id: { tenantId, id } }, data: { lastUsedAt: new Date() } });
  }

  tenantStatus(tx: Tx, tenantId: string) {
    return tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true } }).then((t) => t?.status ?? null);
  }

  person(tx: Tx, tenantId: string, id: string, includeDeleted = false) {
    return tx.person.findFirst({ where: { tenantId, id, ...(includeDeleted ? {} : visiblePerson) }, select: SCIM_PERSON });
  }

  personByEmail(tx: Tx, email: string) {
    return tx.person.findFirst({ where: { email }, select: SCIM_PERSON });
  }

  async people(tx: Tx, where: Prisma.PersonWhereInput, skip: number, take: number) {
    const scoped = { AND: [visiblePerson, where] };
    const [items, total] = await Promise.all([
      take > 0 ? tx.person.findMany({ where: scoped, select: SCIM_PERSON, orderBy: { email: 'asc' }, skip, take }) : Promise.resolve([]),
      tx.person.count({ where: scoped }),
    ]);
    return { items, total };
  }

  setPersonLink(tx: Tx, tenantId: string, personId: string, data: { externalId?: string | null; deletedAt?: Date | null }) {
    return tx.scimUserLink.upsert({
      where: { tenantId_personId: { tenantId, personId } },
      create: { tenantId, personId, externalId: data.externalId ?? null, deletedAt: data.deletedAt ?? null },
      update: data,
    });
  }

  /** Ends every session of the person and voids their unused answer links of open rounds. */
  async cutOff(tx: Tx, tenantId: string, personId: string, now: Date) {
    await tx.session.updateMany({ where: { tenantId, personId, revokedAt: null }, data: { revokedAt: now } });
    const links = await tx.pulseLink.deleteMany({ where: { tenantId, invitation: { personId, round: { status: 'OPEN' } } } });
    return { linksVoided: links.count };
  }

  units(tx: Tx) {
    return tx.orgUnit.findMany({ select: { id: true, path: true, parentId: true } });
  }

  unit(tx: Tx, tenantId: string, id: string) {
    return tx.orgUnit.findFirst({ where: { tenantId, id, path: { not: '' } }, select: SCIM_UNIT });
  }

  async unitsPage(tx: Tx, where: Prisma.OrgUnitWhereInput, skip: number, take: number) {
    const scoped = { AND: [{ path: { not: '' } }, where] };
    const [items, total] = await Promise.all([
      take > 0 ? tx.orgUnit.findMany({ where: scoped, select: SCIM_UNIT, orderBy: { path: 'asc' }, skip, take }) : Promise.resolve([]),
      tx.orgUnit.count({ where: scoped }),
    ]);
    return { items, total };
  }

  setUnitLink(tx: Tx, tenantId: string, orgUnitId: string, externalId: string | null) {
    return tx.scimGroupLink.upsert({
      where: { tenantId_orgUnitId: { tenantId, orgUnitId } },
      create: { tenantId, orgUnitId, externalId },
      update: { externalId },
    });
  }

  async unitInUse(tx: Tx, tenantId: string, orgUnitId: string) {
    const [people, children] = await Promise.all([
      tx.person.count({ where: { tenantId, orgUnitId } }),
      tx.orgUnit.count({ where: { tenantId, parentId: orgUnitId } }),
    ]);
    return { people, children };
  }

  deleteUnit(tx: Tx, tenantId: string, orgUnitId: string) {
    return tx.orgUnit.delete({ where: { tenantId_id: { tenantId, id: orgUnitId } } });
  }

  personIds(tx: Tx, ids: string[]): Promise<string[]> {
    return tx.person.findMany({ where: { id: { in: ids } }, select: { id: true } }).then((rows) => rows.map((r) => r.id));
  }

  moveMembers(tx: Tx, tenantId: string, personIds: string[], orgUnitId: string) {
    return tx.person.updateMany({ where: { tenantId, id: { in: personIds } }, data: { orgUnitId } });
  }

  audit(tx: Tx, tenantId: string, action: string, details: Record<string, unknown>) {
    // SCIM has no person acting: the token that called is named in the details instead.
    return tx.auditEvent.create({ data: { tenantId, actorTenantId: tenantId, actorPersonId: null, action, details: details as object } });
  }
}
