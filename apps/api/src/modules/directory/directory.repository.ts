import { Injectable } from '@nestjs/common';
import type { Prisma, Tx } from '@pulsewise/db';

const PERSON = {
  id: true, email: true, displayName: true, orgUnitId: true, managerId: true, location: true, startDate: true,
  timeZone: true, workingHoursStart: true, workingHoursEnd: true, workingDays: true, roles: true, active: true,
} as const;
export type PersonRow = Prisma.PersonGetPayload<{ select: typeof PERSON }>;

@Injectable()
export class DirectoryRepository {
  orgUnits(tx: Tx) {
    return tx.orgUnit.findMany({ select: { id: true, parentId: true, name: true, path: true } });
  }

  orgUnit(tx: Tx, tenantId: string, id: string) {
    return tx.orgUnit.findUnique({ where: { tenantId_id: { tenantId, id } }, select: { id: true, parentId: true, name: true, path: true } });
  }

  person(tx: Tx, tenantId: string, id: string) {
    return tx.person.findUnique({ where: { tenantId_id: { tenantId, id } }, select: PERSON });
  }

  async peoplePage(tx: Tx, where: Prisma.PersonWhereInput, first: number, afterEmail: string | undefined) {
    const [items, totalCount] = await Promise.all([
      tx.person.findMany({ where: { ...where, ...(afterEmail ? { email: { gt: afterEmail } } : {}) }, select: PERSON, orderBy: { email: 'asc' }, take: first + 1 }),
      tx.person.count({ where }),
    ]);
    return { items, totalCount };
  }

  allPeople(tx: Tx) {
    return tx.person.findMany({ select: { ...PERSON, manager: { select: { email: true } } } });
  }

  createOrgUnit(tx: Tx, data: { tenantId: string; parentId: string; name: string; path: string }) {
    return tx.orgUnit.create({ data, select: { id: true, path: true } });
  }

  createPeople(tx: Tx, data: Prisma.PersonCreateManyInput[]) {
    return tx.person.createMany({ data });
  }

  updatePerson(tx: Tx, tenantId: string, id: string, data: Prisma.PersonUncheckedUpdateInput) {
    return tx.person.update({ where: { tenantId_id: { tenantId, id } }, data });
  }

  idsByEmail(tx: Tx, emails: string[]) {
    return tx.person.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  }

}
